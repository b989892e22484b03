import { loadSqlParser } from '@bakery-ia/init-manager';
import { lintRule } from './lint-test-support';

beforeAll(() => loadSqlParser());

describe('transaction and session rules', () => {
  it('concurrently-in-transaction: only in transactional sections', () => {
    expect(
      lintRule(
        'concurrently-in-transaction',
        'CREATE INDEX CONCURRENTLY i ON users (id);\nDROP INDEX CONCURRENTLY j;\nVACUUM users;',
      ),
    ).toEqual([
      '1 error concurrently-in-transaction: CREATE INDEX CONCURRENTLY cannot run inside a transaction: move it to a "-- migrate:up transaction:false" section',
      '2 error concurrently-in-transaction: DROP INDEX CONCURRENTLY cannot run inside a transaction: move it to a "-- migrate:up transaction:false" section',
      '3 error concurrently-in-transaction: VACUUM cannot run inside a transaction: move it to a "-- migrate:up transaction:false" section',
    ]);
    expect(
      lintRule('concurrently-in-transaction', [
        { sql: 'CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON users (id);', transaction: false },
      ]),
    ).toEqual([]);
  });

  it('transaction-control', () => {
    expect(
      lintRule('transaction-control', 'BEGIN;\nCREATE TABLE t (id int);\nCOMMIT;').map(
        (f) => f.split(':')[0],
      ),
    ).toEqual(['1 error transaction-control', '3 error transaction-control']);
  });

  it('robust-non-transactional: statements that cannot be re-run after a partial failure', () => {
    expect(
      lintRule('robust-non-transactional', [
        {
          sql: "CREATE INDEX CONCURRENTLY i ON users (id);\nCREATE INDEX CONCURRENTLY IF NOT EXISTS j ON users (id);\nALTER TYPE mood ADD VALUE 'x';\nALTER TYPE mood ADD VALUE IF NOT EXISTS 'y';\nDROP INDEX CONCURRENTLY k;",
          transaction: false,
        },
        { sql: 'CREATE INDEX i2 ON users (id);' },
      ]).map((f) => f.split(' in a transaction:false')[0]),
    ).toEqual([
      '1 warning robust-non-transactional: CREATE INDEX without IF NOT EXISTS (a failed CONCURRENTLY build leaves an INVALID index with the name taken)',
      '3 warning robust-non-transactional: ALTER TYPE … ADD VALUE without IF NOT EXISTS',
      '5 warning robust-non-transactional: DROP without IF EXISTS',
    ]);
  });

  it('timeout-disabled: 0, RESET and DEFAULT; a real value is fine', () => {
    expect(
      lintRule(
        'timeout-disabled',
        "SET lock_timeout = 0;\nSET LOCAL statement_timeout = '0';\nRESET lock_timeout;\nSET LOCAL lock_timeout = '5s';\nSET search_path = public;",
      ).map((f) => f.split(':')[0]),
    ).toEqual(['1 warning timeout-disabled', '2 warning timeout-disabled', '3 warning timeout-disabled']);
  });

  it('create-domain-with-constraint and enum-value-ordering (info)', () => {
    expect(
      lintRule(
        'create-domain-with-constraint',
        'CREATE DOMAIN positive AS int CHECK (VALUE > 0);\nCREATE DOMAIN plain AS int;',
      ),
    ).toHaveLength(1);
    expect(
      lintRule('enum-value-ordering', [
        {
          sql: "ALTER TYPE mood ADD VALUE IF NOT EXISTS 'x';\nALTER TYPE mood ADD VALUE IF NOT EXISTS 'y' AFTER 'x';",
          transaction: false,
        },
      ]),
    ).toEqual([
      "1 info enum-value-ordering: 'x' is added last to public.mood: ORDER BY and comparisons use that order; say BEFORE or AFTER",
    ]);
  });
});
