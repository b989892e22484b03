import { describeEachServer } from '@bakery-ia/test-db';
import type pg from 'pg';
import { BatchFailure, sendBatch, type BatchPart } from './batch';
import { loadSqlParser, splitStatements } from './sql-statements';
import { lineOfError } from './statement-error';
import { scratchDatabase } from './test-support/scratch-database';

beforeAll(() => loadSqlParser());

/** Parts from SQL text, as a file's statements (line numbers from line 1). */
function partsOf(sql: string, fileName = 'f.sql'): BatchPart[] {
  return splitStatements(sql, 1).map((statement) => ({
    sql: statement.sql,
    source: { fileName, statement },
  }));
}

async function failureOf(promise: Promise<void>): Promise<BatchFailure> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(BatchFailure);
    return error as BatchFailure;
  }
  throw new Error('expected the batch to fail');
}

describeEachServer('sendBatch', (server) => {
  const t = scratchDatabase(server);

  const sql = [
    'CREATE TABLE a (id int);',
    "SELECT 'ééé -- not a comment';",
    'INSERT INTO a',
    '  SELECT x FROM',
    '    missing_table;',
    'CREATE TABLE b (id int);',
  ].join('\n');

  it('names the failing statement and moves the error position into it (multibyte text before)', async () => {
    const parts = partsOf(sql);
    const failure = await failureOf(sendBatch(t.client, parts));
    expect(failure.index).toBe(2);
    expect(failure.pgError.code).toBe('42P01');
    const statement = failure.part!.source!.statement;
    expect(lineOfError(statement, failure.pgError.position)).toBe(5);
    // One implicit transaction: nothing of the message stayed.
    expect((await t.client.query(`SELECT to_regclass('a') AS t`)).rows[0].t).toBeNull();
  });

  it('locates by running again in a rolled-back transaction when the client hides protocol messages', async () => {
    // A client object that only has query(): what a wrapper or another driver may offer.
    const bare = { query: (text: string) => t.client.query(text) } as unknown as pg.ClientBase;
    const failure = await failureOf(sendBatch(bare, partsOf(sql)));
    expect(failure.index).toBe(2);
    expect(lineOfError(failure.part!.source!.statement, failure.pgError.position)).toBe(5);
    expect((await t.client.query(`SELECT to_regclass('a') AS t`)).rows[0].t).toBeNull();
  });

  it('leaves the session in the failed transaction of a BEGIN part, for the caller to roll back', async () => {
    const parts: BatchPart[] = [
      { sql: 'BEGIN', control: true },
      ...partsOf('CREATE TABLE c (id int);\nSELECT 1/0;'),
      { sql: 'COMMIT', control: true },
    ];
    const failure = await failureOf(sendBatch(t.client, parts));
    expect(failure.index).toBe(2);
    expect(failure.pgError.code).toBe('22012');
    await expect(t.client.query('SELECT 1')).rejects.toThrow(/current transaction is aborted/);
    await t.client.query('ROLLBACK');
    expect((await t.client.query(`SELECT to_regclass('c') AS t`)).rows[0].t).toBeNull();
  });

  it('reports a failure of its own statements (no source) without a statement', async () => {
    const failure = await failureOf(
      sendBatch(t.client, [{ sql: 'SELECT 1' }, { sql: 'SELECT * FROM nowhere' }]),
    );
    expect(failure.index).toBe(1);
    expect(failure.part?.source).toBeUndefined();
  });

  it('locates a syntax error, which stops the message before anything runs, by its position', async () => {
    const [statement] = splitStatements('SELECT\n  1', 7);
    const parts: BatchPart[] = [
      { sql: 'CREATE TABLE d (id int)' },
      // Text the server's grammar refuses (an older server than the parser, say).
      {
        sql: 'SELECT\n  1 1',
        source: { fileName: 'g.sql', statement: { ...statement, sql: 'SELECT\n  1 1' } },
      },
    ];
    const failure = await failureOf(sendBatch(t.client, parts));
    expect(failure.index).toBe(1);
    expect(failure.pgError.code).toBe('42601');
    expect(lineOfError(failure.part!.source!.statement, failure.pgError.position)).toBe(8);
    expect((await t.client.query(`SELECT to_regclass('d') AS t`)).rows[0].t).toBeNull();
  });
});
