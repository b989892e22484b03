import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase, describeEachServer, type TestDatabase } from '@bakery-ia/test-db';
import { initializeServiceDatabase } from './initialize';
import { silentLogger } from './logger';
import { inspectMigrationsSum, writeMigrationsSum } from './migrations-sum';
import { DEFAULT_MIGRATIONS_TABLE } from './migrations-table';
import { historyTotalSql } from './restart-check';
import {
  migration,
  migrationsFolder,
  removeFolder,
  steppedMigration,
  tableMigrations,
} from './test-support/migrations-fixture';
import { startService, waitFor } from './test-support/service-process';

describeEachServer('a restart', (server) => {
  let db: TestDatabase;
  const folders: string[] = [];
  beforeEach(async () => {
    db = await createTestDatabase(server, 'restart');
  });
  afterEach(async () => {
    await db.drop();
    folders.splice(0).forEach(removeFolder);
  });
  const folder = (files: Record<string, string>) => {
    const dir = migrationsFolder(files);
    folders.push(dir);
    return dir;
  };
  const start = (migrationsDir: string) =>
    startService({ DATABASE_URL: db.url, MIGRATIONS_DIR: migrationsDir }).done;

  it('sums the recorded history in SQL exactly as migrations.sum sums the files', async () => {
    const dir = folder({
      '0001_a.sql': migration('CREATE TABLE a (id int);'),
      '0002_a_b.sql': migration('CREATE TABLE ab (id int);'),
      '0010_c.sql': migration("COMMENT ON TABLE a IS 'é';"),
      '0100_z9.sql': migration('CREATE TABLE z9 (id int);'),
    });
    await initializeServiceDatabase({
      service: 's',
      databaseUrl: db.url,
      migrationsDir: dir,
      logger: silentLogger,
    });
    const client = await db.client();
    const { rows } = await client.query(historyTotalSql(DEFAULT_MIGRATIONS_TABLE));
    expect(rows[0]).toEqual({ n: 4, total: inspectMigrationsSum(dir).total });
  });

  it('with everything applied sends one query and never loads the parser', async () => {
    const dir = folder(tableMigrations(30));
    expect(await start(dir)).toMatchObject({ ok: true, mode: 'migrations', parserLoaded: true });
    expect(await start(dir)).toEqual({
      ok: true,
      mode: 'up-to-date',
      applied: [],
      skipped: 30,
      queries: 1,
      parserLoaded: false,
    });
  });

  it('still refuses an edited file with a stale migrations.sum, before connecting', async () => {
    const dir = folder(tableMigrations(3));
    await start(dir);
    writeFileSync(join(dir, '0002_create_t2.sql'), migration('CREATE TABLE t2 (id bigint);'));
    expect(await start(dir)).toMatchObject({ ok: false, code: 'SUM_MISMATCH', queries: 0 });
  });

  it('takes the full path when the history differs: an edited applied file, a new migration', async () => {
    const dir = folder(tableMigrations(3));
    await start(dir);
    writeFileSync(join(dir, '0004_more.sql'), migration('CREATE TABLE more (id int);'));
    writeMigrationsSum(dir);
    expect(await start(dir)).toMatchObject({
      ok: true,
      mode: 'migrations',
      applied: ['0004'],
      parserLoaded: true,
    });
    writeFileSync(join(dir, '0002_create_t2.sql'), migration('CREATE TABLE t2 (id bigint);'));
    writeMigrationsSum(dir);
    expect(await start(dir)).toMatchObject({ ok: false, code: 'CHECKSUM_MISMATCH' });
  });

  it('after a process killed in step 2 of a migration, the next start resumes at step 2', async () => {
    const dir = folder({
      '0001_base.sql': migration('CREATE TABLE orders (id int);'),
      '0002_steps.sql': steppedMigration({
        up: [
          ['ALTER TABLE orders ADD COLUMN note text;'], // fails if it runs twice
          [
            "SELECT pg_sleep(CASE WHEN to_regclass('control.sleep_flag') IS NULL THEN 0 ELSE 60 END);\n" +
              'CREATE TABLE second (id int);',
          ],
          ['CREATE TABLE third (id int);'],
        ],
      }),
    });
    const client = await db.client();
    await client.query('CREATE SCHEMA control; CREATE TABLE control.sleep_flag ()');
    const first = startService({ DATABASE_URL: db.url, MIGRATIONS_DIR: dir });
    const backendPid = await waitFor(async () => {
      const { rows } = await client.query(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%SELECT pg_sleep(CASE%' AND state = 'active' AND pid <> pg_backend_pid()`,
      );
      return rows[0]?.pid as number | undefined;
    });
    first.child.kill('SIGKILL');
    await first.done;
    await waitFor(async () => {
      const { rows } = await client.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [backendPid]);
      return rows.length === 0 ? true : undefined;
    });
    expect((await client.query('SELECT version, step FROM schema_migrations_progress')).rows).toEqual([
      { version: '0002', step: 1 },
    ]);
    await client.query('DROP TABLE control.sleep_flag');
    expect(await start(dir)).toMatchObject({ ok: true, mode: 'migrations', applied: ['0002'] });
    expect((await client.query(`SELECT to_regclass('third') AS t`)).rows[0].t).toBe('third');
    expect(
      (await client.query(`SELECT to_regclass('schema_migrations_progress') AS t`)).rows[0].t,
    ).toBeNull();
  }, 120_000);
});
