import { loadSqlParser, splitStatements } from './sql-statements';
import { LOCK_TABLE_ADVICE, ROLLED_BACK_ADVICE, statementError } from './statement-error';

beforeAll(() => loadSqlParser());

describe('statementError', () => {
  const statementAt3 = () => splitStatements('\n\nCREATE TABLE t999 (id int);', 1)[0];

  // Filling a real server's lock table would fail every other session on it, the other tests too.
  it('says a full lock table is the size of the transaction, not a bad statement', () => {
    const error = statementError(
      '0001_initial.sql',
      statementAt3(),
      {
        message: 'out of shared memory',
        code: '53200',
        hint: 'You might need to increase max_locks_per_transaction.',
      },
      false,
    );
    expect(error.message).toBe(
      '0001_initial.sql:3: out of shared memory (SQLSTATE 53200)\n' +
        '  hint: You might need to increase max_locks_per_transaction.\n' +
        `  ${LOCK_TABLE_ADVICE} ${ROLLED_BACK_ADVICE}`,
    );
  });

  it('keeps the plain advice for other out-of-memory errors', () => {
    const error = statementError(
      '0001_initial.sql',
      statementAt3(),
      { message: 'out of memory', code: '53200' },
      false,
    );
    expect(error.message).toBe(`0001_initial.sql:3: out of memory (SQLSTATE 53200)\n  ${ROLLED_BACK_ADVICE}`);
  });
});
