import { describeEachServer } from '@bakery-ia/test-db';
import { applyMigrations } from './applier';
import { concurrentIndexOf } from './invalid-index';
import { loadSqlParser, splitStatements } from './sql-statements';
import { recordingLogger } from './test-support/migrations-fixture';
import { scratchDatabase } from './test-support/scratch-database';

beforeAll(() => loadSqlParser());

describe('concurrentIndexOf', () => {
  const of = (sql: string) => concurrentIndexOf(splitStatements(sql, 1)[0]);
  it('reads the index and its table from the parse tree', () => {
    expect(of('CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "Odd Name" ON app."Orders" (a)')).toEqual({
      index: 'Odd Name',
      table: 'app."Orders"',
    });
    expect(of('create index concurrently orders_a on Orders using btree (a) where a > 0')).toEqual({
      index: 'orders_a',
      table: 'orders',
    });
  });
  it('ignores plain, unnamed and other statements', () => {
    expect(of('CREATE INDEX orders_a ON orders (a)')).toBeUndefined();
    expect(of('CREATE INDEX CONCURRENTLY ON orders (a)')).toBeUndefined();
    expect(of("SELECT 'CREATE INDEX CONCURRENTLY x ON y (z)'")).toBeUndefined();
  });
});

describeEachServer('a failed CREATE INDEX CONCURRENTLY', (server) => {
  const t = scratchDatabase(server, 'cic');
  beforeEach(() =>
    t.client.query(
      "CREATE SCHEMA app; CREATE TABLE app.orders (id int, code text); INSERT INTO app.orders VALUES (1, 'a'), (2, 'a')",
    ),
  );
  const read = (up: string) =>
    t.read({
      '0001_index.sql': `-- migrate:up transaction:false\n${up}\n-- migrate:down transaction:false\nDROP INDEX CONCURRENTLY app.orders_code_key;\n`,
    });
  const validity = async () =>
    (
      await t.client.query(
        `SELECT indisvalid FROM pg_index WHERE indexrelid = to_regclass('app.orders_code_key')`,
      )
    ).rows.map((row) => row.indisvalid);

  it.each([
    { ifNotExists: true, note: ' (IF NOT EXISTS would skip it)' },
    { ifNotExists: false, note: '' },
  ])('is dropped and built again on the next run$note', async ({ ifNotExists }) => {
    const migrations = await read(
      `CREATE UNIQUE INDEX CONCURRENTLY ${ifNotExists ? 'IF NOT EXISTS ' : ''}orders_code_key ON app.orders (code);`,
    );
    const failed = await applyMigrations(t.client, migrations);
    expect(failed.error!.message).toMatch(
      /^0001_index\.sql:2: could not create unique index "orders_code_key"/,
    );
    expect(await validity()).toEqual([false]);

    await t.client.query(`UPDATE app.orders SET code = id::text`);
    const logger = recordingLogger();
    const { error } = await applyMigrations(t.client, migrations, { logger });
    expect(error).toBeUndefined();
    expect(logger.lines).toContainEqual(
      'warn: 0001_index.sql:2: index app.orders_code_key is INVALID (a concurrent build of it failed or was interrupted before): dropping it (DROP INDEX CONCURRENTLY) and building it again',
    );
    expect(await validity()).toEqual([true]);
    await expect(t.client.query(`INSERT INTO app.orders VALUES (3, '1')`)).rejects.toThrow(/duplicate key/);
  });

  it('leaves valid indexes and invalid ones of other tables alone', async () => {
    await t.client.query(`CREATE TABLE app.other (code text); INSERT INTO app.other VALUES ('x'), ('x')`);
    await t.client
      .query(`CREATE UNIQUE INDEX CONCURRENTLY orders_code_key ON app.other (code)`)
      .catch(() => undefined);
    const migrations = await read(
      'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_code_key ON app.orders (code);',
    );
    const logger = recordingLogger();
    await applyMigrations(t.client, migrations, { logger });
    expect(logger.lines.filter((line) => line.includes('INVALID'))).toEqual([]);
    // The other table's invalid index still holds the name: IF NOT EXISTS skipped, as Postgres does.
    expect(await validity()).toEqual([false]);
  });
});
