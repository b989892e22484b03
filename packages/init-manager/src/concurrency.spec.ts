import { describeEachServer } from '@bakery-ia/test-db';
import { migration, tableMigrations } from './test-support/migrations-fixture';
import { scratchDatabase } from './test-support/scratch-database';
import { killMidMigration, SLEEP_WHILE_FLAGGED, startService } from './test-support/service-process';

describeEachServer('initializeServiceDatabase in separate processes', (server) => {
  const t = scratchDatabase(server);
  const serviceEnv = (migrationsDir: string) => ({ DATABASE_URL: t.db.url, MIGRATIONS_DIR: migrationsDir });

  it('20 processes starting at once apply each of 30 migrations exactly once', async () => {
    const dir = t.folder(tableMigrations(30));
    const runs = Array.from({ length: 20 }, () => startService(serviceEnv(dir)).done);
    const outcomes = await Promise.all(runs);
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    const appliers = outcomes.filter((o) => o.mode === 'migrations');
    const appliedVersions = appliers.flatMap((o) => o.applied ?? []).sort();
    expect(appliedVersions).toEqual(Array.from({ length: 30 }, (_, i) => String(i + 1).padStart(4, '0')));
    expect(outcomes.filter((o) => o.mode === 'up-to-date').length).toBe(20 - appliers.length);
    const { rows } = await t.client.query(
      'SELECT count(*)::int AS n, count(DISTINCT version)::int AS d FROM schema_migrations',
    );
    expect(rows[0]).toEqual({ n: 30, d: 30 });
  }, 120_000);

  it('a process killed with SIGKILL mid-migration leaves the previous state; the next start completes', async () => {
    const dir = t.folder({
      '0001_first.sql': migration('CREATE TABLE t1 (id int);'),
      '0002_slow.sql': migration(
        `CREATE TABLE t2 (id int);\n${SLEEP_WHILE_FLAGGED}\nCREATE TABLE t3 (id int);`,
      ),
    });
    const client = t.client;
    await killMidMigration(client, serviceEnv(dir));
    const versions = await client.query('SELECT version FROM schema_migrations ORDER BY 1');
    expect(versions.rows.map((r) => r.version)).toEqual(['0001']);
    expect((await client.query(`SELECT to_regclass('public.t2') AS t`)).rows[0].t).toBeNull();

    const second = await startService(serviceEnv(dir)).done;
    expect(second).toMatchObject({ ok: true, mode: 'migrations', applied: ['0002'] });
  }, 120_000);
});
