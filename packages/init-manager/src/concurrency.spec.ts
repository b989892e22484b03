import { createTestDatabase, describeEachServer, type TestDatabase } from '@bakery-ia/test-db';
import {
  migration,
  migrationsFolder,
  removeFolder,
  tableMigrations,
} from './test-support/migrations-fixture';
import { startService, waitFor } from './test-support/service-process';

describeEachServer('initializeServiceDatabase in separate processes', (server) => {
  let db: TestDatabase;
  let dir: string | undefined;
  beforeEach(async () => {
    db = await createTestDatabase(server);
  });
  afterEach(async () => {
    await db.drop();
    if (dir) removeFolder(dir);
  });

  it('20 processes starting at once apply each of 30 migrations exactly once', async () => {
    dir = migrationsFolder(tableMigrations(30));
    const runs = Array.from(
      { length: 20 },
      () => startService({ DATABASE_URL: db.url, MIGRATIONS_DIR: dir! }).done,
    );
    const outcomes = await Promise.all(runs);
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    const appliers = outcomes.filter((o) => o.mode === 'migrations');
    const appliedVersions = appliers.flatMap((o) => o.applied ?? []).sort();
    expect(appliedVersions).toEqual(Array.from({ length: 30 }, (_, i) => String(i + 1).padStart(4, '0')));
    expect(outcomes.filter((o) => o.mode === 'up-to-date').length).toBe(20 - appliers.length);
    const client = await db.client();
    const { rows } = await client.query(
      'SELECT count(*)::int AS n, count(DISTINCT version)::int AS d FROM schema_migrations',
    );
    expect(rows[0]).toEqual({ n: 30, d: 30 });
  }, 120_000);

  it('a process killed with SIGKILL mid-migration leaves the previous state; the next start completes', async () => {
    dir = migrationsFolder({
      '0001_first.sql': migration('CREATE TABLE t1 (id int);'),
      '0002_slow.sql': migration(
        'CREATE TABLE t2 (id int);\n' +
          "SELECT pg_sleep(CASE WHEN to_regclass('control.sleep_flag') IS NULL THEN 0 ELSE 60 END);\n" +
          'CREATE TABLE t3 (id int);',
      ),
    });
    const client = await db.client();
    await client.query('CREATE SCHEMA control; CREATE TABLE control.sleep_flag ()');
    const first = startService({ DATABASE_URL: db.url, MIGRATIONS_DIR: dir });
    const backendPid = await waitFor(async () => {
      const { rows } = await client.query(
        // The migration's step is one message (BEGIN; ...; COMMIT): look for the sleep inside it.
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%SELECT pg_sleep(CASE%' AND state = 'active' AND pid <> pg_backend_pid()`,
      );
      return rows[0]?.pid as number | undefined;
    });
    first.child.kill('SIGKILL');
    await first.done;
    // The server notices the dead client (client_connection_check_interval) and rolls back.
    await waitFor(async () => {
      const { rows } = await client.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [backendPid]);
      return rows.length === 0 ? true : undefined;
    });
    const versions = await client.query('SELECT version FROM schema_migrations ORDER BY 1');
    expect(versions.rows.map((r) => r.version)).toEqual(['0001']);
    expect((await client.query(`SELECT to_regclass('public.t2') AS t`)).rows[0].t).toBeNull();

    await client.query('DROP TABLE control.sleep_flag');
    const second = await startService({ DATABASE_URL: db.url, MIGRATIONS_DIR: dir }).done;
    expect(second).toMatchObject({ ok: true, mode: 'migrations', applied: ['0002'] });
  }, 120_000);
});
