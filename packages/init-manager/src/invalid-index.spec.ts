import { createTestDatabase, describeEachServer, type TestDatabase } from '@bakery-ia/test-db';
import type pg from 'pg';
import { applyMigrations } from './applier';
import { concurrentIndexOf } from './invalid-index';
import { readMigrations } from './read-migrations';
import { loadSqlParser, splitStatements } from './sql-statements';
import { migrationsFolder, recordingLogger, removeFolder } from './test-support/migrations-fixture';

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
  let db: TestDatabase;
  let client: pg.Client;
  const folders: string[] = [];
  beforeEach(async () => {
    db = await createTestDatabase(server, 'cic');
    client = await db.client();
    await client.query(
      "CREATE SCHEMA app; CREATE TABLE app.orders (id int, code text); INSERT INTO app.orders VALUES (1, 'a'), (2, 'a')",
    );
  });
  afterEach(async () => {
    await db.drop();
    folders.splice(0).forEach(removeFolder);
  });
  const read = async (up: string) => {
    const dir = migrationsFolder({
      '0001_index.sql': `-- migrate:up transaction:false\n${up}\n-- migrate:down transaction:false\nDROP INDEX CONCURRENTLY app.orders_code_key;\n`,
    });
    folders.push(dir);
    return readMigrations(dir);
  };
  const validity = async () =>
    (
      await client.query(
        `SELECT indisvalid FROM pg_index WHERE indexrelid = to_regclass('app.orders_code_key')`,
      )
    ).rows.map((row) => row.indisvalid);

  for (const ifNotExists of [true, false]) {
    it(`is dropped and built again on the next run${ifNotExists ? ' (IF NOT EXISTS would skip it)' : ''}`, async () => {
      const migrations = await read(
        `CREATE UNIQUE INDEX CONCURRENTLY ${ifNotExists ? 'IF NOT EXISTS ' : ''}orders_code_key ON app.orders (code);`,
      );
      const failed = await applyMigrations(client, migrations);
      expect(failed.error!.message).toMatch(
        /^0001_index\.sql:2: could not create unique index "orders_code_key"/,
      );
      expect(await validity()).toEqual([false]);

      await client.query(`UPDATE app.orders SET code = id::text`);
      const logger = recordingLogger();
      const { error } = await applyMigrations(client, migrations, { logger });
      expect(error).toBeUndefined();
      expect(logger.lines).toContainEqual(
        'warn: 0001_index.sql:2: index app.orders_code_key is INVALID (a concurrent build of it failed or was interrupted before): dropping it (DROP INDEX CONCURRENTLY) and building it again',
      );
      expect(await validity()).toEqual([true]);
      await expect(client.query(`INSERT INTO app.orders VALUES (3, '1')`)).rejects.toThrow(/duplicate key/);
    });
  }

  it('leaves valid indexes and invalid ones of other tables alone', async () => {
    await client.query(`CREATE TABLE app.other (code text); INSERT INTO app.other VALUES ('x'), ('x')`);
    await client
      .query(`CREATE UNIQUE INDEX CONCURRENTLY orders_code_key ON app.other (code)`)
      .catch(() => undefined);
    const migrations = await read(
      'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_code_key ON app.orders (code);',
    );
    const logger = recordingLogger();
    await applyMigrations(client, migrations, { logger });
    expect(logger.lines.filter((line) => line.includes('INVALID'))).toEqual([]);
    // The other table's invalid index still holds the name: IF NOT EXISTS skipped, as Postgres does.
    expect(await validity()).toEqual([false]);
  });
});
