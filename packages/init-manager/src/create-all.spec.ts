import { describeEachServer } from '@bakery-ia/test-db';
import { applyModels, runModelStatements } from './create-all';
import { readModelFiles } from './model-sql';
import { AUTOCOMMIT_MESSAGE_STATEMENTS, autocommitMessages, transactionNeed } from './statement-batches';
import { loadSqlParser, splitStatements } from './sql-statements';
import { MigrationStatementError } from './statement-error';
import { refusal } from './test-support/initialize-run';
import { scratchDatabase } from './test-support/scratch-database';

beforeAll(() => loadSqlParser());

describe('transactionNeed', () => {
  const need = (sql: string) => transactionNeed(splitStatements(sql, 1)[0]);
  it('sends alone what refuses a transaction block, and commits after ADD VALUE', () => {
    expect(need('CREATE INDEX CONCURRENTLY i ON t (a)')).toBe('alone');
    expect(need('DROP INDEX CONCURRENTLY i')).toBe('alone');
    expect(need('VACUUM t')).toBe('alone');
    expect(need('CALL p()')).toBe('alone');
    expect(need('COMMIT')).toBe('alone');
    expect(need("ALTER TYPE mood ADD VALUE 'ok'")).toBe('commit-after');
    expect(need("ALTER TYPE mood RENAME VALUE 'ok' TO 'fine'")).toBe('batch');
    expect(need('CREATE INDEX i ON t (a)')).toBe('batch');
    expect(need('CREATE TABLE t (a int)')).toBe('batch');
  });
  it('groups parts into messages at those boundaries', () => {
    const parts = splitStatements(
      "CREATE TYPE mood AS ENUM ('a');\nCREATE TABLE t (m mood);\nALTER TYPE mood ADD VALUE 'b';\n" +
        "ALTER TABLE t ALTER m SET DEFAULT 'b';\nCREATE INDEX CONCURRENTLY i ON t (m);\nCREATE TABLE u (id int);",
      1,
    ).map((statement) => ({ sql: statement.sql, source: { fileName: 'm.sql', statement } }));
    expect(
      autocommitMessages(parts).map((message) => message.map((part) => part.source!.statement.line)),
    ).toEqual([[1, 2, 3], [4], [5], [6]]);
  });
  it('keeps each message within AUTOCOMMIT_MESSAGE_STATEMENTS statements (the lock table is shared)', () => {
    const count = AUTOCOMMIT_MESSAGE_STATEMENTS * 2 + 1;
    const sql = Array.from({ length: count }, (_, i) => `CREATE TABLE t${i} (id int);`).join('\n');
    const parts = [
      { sql: 'RESET search_path' },
      ...splitStatements(sql, 1).map((statement) => ({
        sql: statement.sql,
        source: { fileName: 'm.sql', statement },
      })),
      { sql: 'RESET search_path' },
    ];
    const sizes = autocommitMessages(parts).map((message) => message.filter((part) => part.source).length);
    expect(sizes).toEqual([AUTOCOMMIT_MESSAGE_STATEMENTS, AUTOCOMMIT_MESSAGE_STATEMENTS, 1]);
    expect(autocommitMessages(parts).flat()).toEqual(parts);
  });
});

describeEachServer('model statements', (server) => {
  const t = scratchDatabase(server, 'models');
  const models = async (files: Record<string, string>) => {
    const dir = t.folder(files, { withSum: false });
    return { dir, models: await readModelFiles(dir) };
  };
  /** Counts the messages sent (pg's own query(), observed on the real client). */
  const countingQueries = () => {
    const original = t.client.query.bind(t.client);
    const sent: string[] = [];
    t.client.query = ((text: string, ...rest: unknown[]) => {
      sent.push(text);
      return (original as (...args: unknown[]) => unknown)(text, ...rest);
    }) as typeof t.client.query;
    return sent;
  };

  it('keeps autocommit meaning in few messages: a new enum value is committed before it is used', async () => {
    const { models: files } = await models({
      '01_types.sql':
        "SELECT pg_catalog.set_config('search_path', '', false);\nCREATE TYPE public.mood AS ENUM ('sad');",
      '02_tables.sql': [
        'CREATE TABLE person (id int, m mood);',
        "ALTER TYPE mood ADD VALUE 'ok';",
        "CREATE INDEX person_ok ON person (m) WHERE m = 'ok';",
        'CREATE INDEX CONCURRENTLY person_id ON person (id);',
        'COMMENT ON TABLE person IS $$one; message$$;',
      ].join('\n'),
    });
    const sent = countingQueries();
    await runModelStatements(t.client, files);
    // 7 statements and 3 search_path resets in 4 messages: up to ADD VALUE, then the use, the
    // concurrent build alone, and the rest.
    expect(sent).toHaveLength(4);
    expect(sent[2]).toBe('CREATE INDEX CONCURRENTLY person_id ON person (id)');
    // The second file ran on the default search_path again (person landed in public).
    expect((await t.client.query(`SELECT to_regclass('public.person') AS t`)).rows[0].t).toBe('person');
    expect((await t.client.query(`SELECT current_setting('search_path') AS p`)).rows[0].p).toBe(
      '"$user", public',
    );
  });

  it('names the file and line of a failing statement inside a message, exactly as one by one', async () => {
    const { dir, models: files } = await models({
      '01_a.sql':
        'CREATE TABLE a (id int);\n\nCREATE TABLE b (\n  id int,\n  c missing_type\n);\nCREATE TABLE c (id int);',
    });
    let error: unknown;
    await runModelStatements(t.client, files).catch((e) => (error = e));
    expect(error).toBeInstanceOf(MigrationStatementError);
    expect((error as MigrationStatementError).message).toMatch(
      new RegExp(
        `^${dir.replace(/[/\\\\.]/g, '\\$&')}/01_a\\.sql:5: type "missing_type" does not exist \\(SQLSTATE 42704\\)`,
      ),
    );
    expect((error as MigrationStatementError).line).toBe(5);
  });

  it('applies the models and their marker in one transaction, or nothing', async () => {
    const { models: bad } = await models({
      '01_a.sql': 'CREATE TABLE a (id int);\nCREATE TABLE a (id int);',
    });
    const error = await refusal(applyModels(t.client, bad));
    expect(error.code).toBe('MODELS_FAILED');
    expect(error.message).toMatch(/01_a\.sql:2: relation "a" already exists/);
    expect((await t.client.query(`SELECT to_regclass('public.a') AS t`)).rows[0].t).toBeNull();

    const { models: good } = await models({
      '01_a.sql': 'CREATE TABLE a (id int);\nCREATE TABLE b (id int);',
    });
    const sent = countingQueries();
    await applyModels(t.client, good);
    expect(sent).toHaveLength(1);
    expect((await t.client.query(`SELECT count(*)::int AS n FROM public.schema_create_all`)).rows[0].n).toBe(
      1,
    );
  });
});
