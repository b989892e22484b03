import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEachServer } from '@bakery-ia/test-db';
import { serviceLockKey } from './advisory-lock';
import type { InitializeOptions } from './initialize';
import { initializer, refusal as refusalOf } from './test-support/initialize-run';
import { migration } from './test-support/migrations-fixture';
import { scratchDatabase } from './test-support/scratch-database';

describeEachServer('initializeServiceDatabase', (server) => {
  const t = scratchDatabase(server);
  const folder = (files: Record<string, string>, withSum = true) => t.folder(files, { withSum });
  const modelsDir = () =>
    folder(
      { '01_tables.sql': 'CREATE TABLE users (id uuid PRIMARY KEY);\nCREATE TABLE roles (id int);' },
      false,
    );
  const run = initializer(t);
  const refusal = (options: Partial<InitializeOptions>) => refusalOf(run(options));
  const count = async (sql: string) => Number((await t.one(sql)).n);
  const twoMigrations = () => ({
    '0001_initial.sql': migration('CREATE TABLE users (id uuid PRIMARY KEY);', 'DROP TABLE users;'),
    '0002_roles.sql': migration('CREATE TABLE roles (id int);', 'DROP TABLE roles;'),
  });

  it('applies pending migrations, then reports up to date', async () => {
    const migrationsDir = folder(twoMigrations());
    const first = await run({ migrationsDir });
    expect(first).toMatchObject({
      mode: 'migrations',
      skipped: 0,
      service: 'auth',
      environment: 'development',
    });
    expect(first.applied.map((m) => m.fileName)).toEqual(['0001_initial.sql', '0002_roles.sql']);
    const second = await run({ migrationsDir });
    expect(second).toMatchObject({ mode: 'up-to-date', applied: [], skipped: 2 });
  });

  it('production refuses the create-all fallback and names the generate command', async () => {
    const error = await refusal({
      environment: 'production',
      modelsDir: modelsDir(),
      allowCreateAllFallback: true,
    });
    expect(error.code).toBe('NO_MIGRATIONS');
    expect(error.message).toContain('Service "auth" has no migrations in');
    expect(error.message).toContain('the environment is production (from option)');
    expect(error.message).toContain('nx run auth:migrate-generate --name=initial');
    expect(
      await count(`SELECT count(*) AS n FROM pg_class WHERE relnamespace = 'public'::regnamespace`),
    ).toBe(0);
  });

  it('staging from ENVIRONMENT refuses too', async () => {
    const previous = process.env.ENVIRONMENT;
    process.env.ENVIRONMENT = 'staging';
    try {
      const error = await refusal({ environment: undefined, modelsDir: modelsDir() });
      expect(error.message).toContain('the environment is staging (from ENVIRONMENT)');
    } finally {
      if (previous === undefined) delete process.env.ENVIRONMENT;
      else process.env.ENVIRONMENT = previous;
    }
  });

  it('development creates the schema from the models, once', async () => {
    const models = modelsDir();
    const first = await run({ modelsDir: models });
    expect(first.mode).toBe('create-all');
    expect(await count(`SELECT count(*) AS n FROM pg_tables WHERE tablename IN ('users', 'roles')`)).toBe(2);
    expect((await run({ modelsDir: models })).mode).toBe('up-to-date');
  });

  it('development explains how to rebuild when models changed after create-all', async () => {
    const models = modelsDir();
    await run({ modelsDir: models });
    writeFileSync(join(models, '02_more.sql'), 'CREATE TABLE extra (id int);');
    const error = await refusal({ modelsDir: models });
    expect(error.code).toBe('MODELS_CHANGED');
    expect(error.message).toContain('nx run auth:migrate-clean --yes');
  });

  it('never treats a database with objects but no schema_migrations as empty', async () => {
    await run({ modelsDir: modelsDir() });
    const error = await refusal({ migrationsDir: folder(twoMigrations()) });
    expect(error.code).toBe('UNMANAGED_OBJECTS');
    expect(error.message).toMatch(
      /already holds 2 object\(s\) in schema\(s\) public \(table public\.roles, table public\.users\)/,
    );
    expect(error.message).toContain('built from the models by the create-all fallback');
    expect(error.message).toContain('nx run auth:migrate-clean');
  });

  it('production refuses an unmanaged database and changes nothing', async () => {
    await t.client.query('CREATE TABLE legacy (id int)');
    const error = await refusal({ environment: 'production', migrationsDir: folder(twoMigrations()) });
    expect(error.code).toBe('UNMANAGED_OBJECTS');
    expect(error.message).toContain('This is production: nothing was changed.');
    expect(await count(`SELECT count(*) AS n FROM pg_tables WHERE tablename = 'schema_migrations'`)).toBe(0);
  });

  it('baselines an adopted database, then applies what follows', async () => {
    await t.client.query('CREATE TABLE users (id uuid PRIMARY KEY)');
    const result = await run({ migrationsDir: folder(twoMigrations()), baselineVersion: '0001' });
    expect(result.mode).toBe('migrations');
    expect(result.applied.map((m) => m.version)).toEqual(['0002']);
  });

  it('ignores baselineVersion on an empty database: every migration runs', async () => {
    const result = await run({ migrationsDir: folder(twoMigrations()), baselineVersion: '0002' });
    expect(result.mode).toBe('migrations');
    expect(result.applied.map((m) => m.version)).toEqual(['0001', '0002']);
    expect(await count(`SELECT count(*) AS n FROM pg_tables WHERE tablename IN ('users', 'roles')`)).toBe(2);
  });

  it('refuses files that do not match migrations.sum, before touching the database', async () => {
    const migrationsDir = folder(twoMigrations());
    writeFileSync(join(migrationsDir, '0002_roles.sql'), migration('CREATE TABLE roles (id bigint);'));
    const error = await refusal({ migrationsDir });
    expect(error.code).toBe('SUM_MISMATCH');
    expect(error.message).toContain('0002_roles.sql was edited after it was recorded in migrations.sum');
    expect(await count(`SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'`)).toBe(0);
  });

  it('refuses a tampered applied migration (checksum mismatch) even with a matching sum', async () => {
    const migrationsDir = folder(twoMigrations());
    await run({ migrationsDir });
    const tampered = folder({
      ...twoMigrations(),
      '0001_initial.sql': migration('CREATE TABLE users (id bigint PRIMARY KEY);'),
    });
    const error = await refusal({ migrationsDir: tampered });
    expect(error.code).toBe('CHECKSUM_MISMATCH');
    expect(error.message).toContain('0001_initial.sql was changed after it was applied');
    expect(error.message).toContain('nx run auth:migrate-generate');
  });

  it('refuses when an applied migration is missing, and when a merged branch adds a lower number', async () => {
    const all = {
      ...twoMigrations(),
      '0003_perms.sql': migration('CREATE TABLE perms (id int);'),
    };
    await run({
      migrationsDir: folder({
        '0001_initial.sql': all['0001_initial.sql'],
        '0003_perms.sql': all['0003_perms.sql'],
      }),
    });
    const missing = await refusal({ migrationsDir: folder({ '0001_initial.sql': all['0001_initial.sql'] }) });
    expect(missing.code).toBe('APPLIED_MIGRATION_MISSING');
    const merged = await refusal({ migrationsDir: folder(all) });
    expect(merged.code).toBe('OUT_OF_ORDER_MIGRATION');
    expect(merged.message).toContain(
      '0002_roles.sql was never applied, but the later 0003_perms.sql already is',
    );
  });

  it('refuses duplicated versions and empty migrations', async () => {
    const duplicated = await refusal({
      migrationsDir: folder({ ...twoMigrations(), '0002_other.sql': migration('SELECT 1;') }),
    });
    expect(duplicated.code).toBe('INVALID_MIGRATIONS');
    expect(duplicated.message).toContain('duplicate version 0002: 0002_other.sql and 0002_roles.sql');
    const empty = await refusal({
      migrationsDir: folder({ '0001_empty.sql': '-- migrate:up\n\n-- migrate:down\n' }),
    });
    expect(empty.message).toContain('0001_empty.sql:1: the up section has no statement (an empty migration)');
  });

  it('never prints the password of the database URL', async () => {
    const url = new URL(t.db.url);
    url.username = 'nobody';
    url.password = 'hunter2';
    url.port = '1';
    const error = await refusal({
      databaseUrl: url.toString(),
      connectDeadlineMs: 1000,
      migrationsDir: folder(twoMigrations()),
    });
    expect(error.code).toBe('CONNECTION_FAILED');
    expect(error.message).not.toContain('hunter2');
    // The host as libpq reads it: 127.0.0.1, or the embedded server's socket folder.
    expect(error.message).toContain(`database "${t.db.name}" on ${decodeURIComponent(url.hostname)}:1`);
  });

  it('says who holds the lock when the wait runs out', async () => {
    const holder = await t.db.client();
    await holder.query(`SET application_name = 'other-replica'`);
    await holder.query('SELECT pg_advisory_lock($1::bigint)', [serviceLockKey('auth').toString()]);
    const error = await refusal({ migrationsDir: folder(twoMigrations()), lockWaitTimeoutMs: 300 });
    expect(error.code).toBe('LOCK_TIMEOUT');
    expect(error.message).toMatch(/held by pid \d+, application "other-replica"/);
  });

  it('uses a separate migration URL for the session connection', async () => {
    const result = await run({
      databaseUrl: 'postgres://app:secret@pgbouncer.invalid:6432/app',
      migrationDatabaseUrl: t.db.url,
      migrationsDir: folder(twoMigrations()),
    });
    expect(result.mode).toBe('migrations');
  });

  it('fails on a missing models folder in development with a clear message', async () => {
    const missing = mkdtempSync(join(tmpdir(), 'gone-'));
    rmSync(missing, { recursive: true });
    const error = await refusal({ modelsDir: missing });
    expect(error.message).toContain(`The models folder ${missing} does not exist`);
  });
});
