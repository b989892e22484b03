import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeEachServer } from '@bakery-ia/test-db';
import { inspectMigrationsSum, writeMigrationsSum } from './migrations-sum';
import { DEFAULT_MIGRATIONS_TABLE } from './migrations-table';
import { historyTotalSql } from './restart-check';
import { initializer } from './test-support/initialize-run';
import { migration, steppedMigration, tableMigrations } from './test-support/migrations-fixture';
import { scratchDatabase } from './test-support/scratch-database';
import { killMidMigration, SLEEP_WHILE_FLAGGED, startService } from './test-support/service-process';

describeEachServer('a restart', (server) => {
  const t = scratchDatabase(server, 'restart');
  // In this process, as service "s" in the environment Jest gives (NODE_ENV=test).
  const initialize = initializer(t, { service: 's', environment: undefined });
  const serviceEnv = (migrationsDir: string) => ({ DATABASE_URL: t.db.url, MIGRATIONS_DIR: migrationsDir });
  const start = (migrationsDir: string) => startService(serviceEnv(migrationsDir)).done;

  it('sums the recorded history in SQL exactly as migrations.sum sums the files', async () => {
    const dir = t.folder({
      '0001_a.sql': migration('CREATE TABLE a (id int);'),
      '0002_a_b.sql': migration('CREATE TABLE ab (id int);'),
      '0010_c.sql': migration("COMMENT ON TABLE a IS 'é';"),
      '0100_z9.sql': migration('CREATE TABLE z9 (id int);'),
    });
    await initialize({ migrationsDir: dir });
    const { rows } = await t.client.query(historyTotalSql(DEFAULT_MIGRATIONS_TABLE));
    expect(rows[0]).toEqual({ n: 4, total: inspectMigrationsSum(dir).total });
  });

  it('with everything applied sends one query and never loads the parser', async () => {
    const dir = t.folder(tableMigrations(30));
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
    const dir = t.folder(tableMigrations(3));
    await start(dir);
    writeFileSync(join(dir, '0002_create_t2.sql'), migration('CREATE TABLE t2 (id bigint);'));
    expect(await start(dir)).toMatchObject({ ok: false, code: 'SUM_MISMATCH', queries: 0 });
  });

  it('takes the full path when the history differs: an edited applied file, a new migration', async () => {
    const dir = t.folder(tableMigrations(3));
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
    const dir = t.folder({
      '0001_base.sql': migration('CREATE TABLE orders (id int);'),
      '0002_steps.sql': steppedMigration({
        up: [
          ['ALTER TABLE orders ADD COLUMN note text;'], // fails if it runs twice
          [`${SLEEP_WHILE_FLAGGED}\nCREATE TABLE second (id int);`],
          ['CREATE TABLE third (id int);'],
        ],
      }),
    });
    const client = t.client;
    await killMidMigration(client, serviceEnv(dir));
    expect((await client.query('SELECT version, step FROM schema_migrations_progress')).rows).toEqual([
      { version: '0002', step: 1 },
    ]);
    expect(await start(dir)).toMatchObject({ ok: true, mode: 'migrations', applied: ['0002'] });
    expect((await client.query(`SELECT to_regclass('third') AS t`)).rows[0].t).toBe('third');
    expect(
      (await client.query(`SELECT to_regclass('schema_migrations_progress') AS t`)).rows[0].t,
    ).toBeNull();
  }, 120_000);
});
