import { createTestDatabase, describeEachServer, type TestDatabase } from '@bakery-ia/test-db';
import type pg from 'pg';
import { applyMigrations } from './applier';
import { initializeServiceDatabase } from './initialize';
import { lockRetryDelay, lockRetryPolicy } from './lock-retry';
import { DEFAULT_MIGRATIONS_TABLE, ensureMigrationsTable } from './migrations-table';
import { readMigrations } from './read-migrations';
import { migrationsFolder, removeFolder } from './test-support/migrations-fixture';

describe('lockRetryDelay', () => {
  it('doubles from the first delay up to the cap, jittered between half and all of it', () => {
    const policy = lockRetryPolicy({ lockRetryDelayMs: 100, lockRetryMaxDelayMs: 300 });
    for (const [retry, ceiling] of [
      [1, 100],
      [2, 200],
      [3, 300],
      [6, 300],
    ]) {
      const delay = lockRetryDelay(policy, retry);
      expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
      expect(delay).toBeLessThanOrEqual(ceiling);
    }
    expect(lockRetryPolicy({})).toEqual({ retries: 5, delayMs: 500, maxDelayMs: 10_000 });
  });
});

describeEachServer('lock timeouts', (server) => {
  let db: TestDatabase;
  let client: pg.Client;
  let blocker: pg.Client;
  const folders: string[] = [];
  beforeEach(async () => {
    db = await createTestDatabase(server, 'locks');
    client = await db.client();
    blocker = await db.client();
    await client.query(
      'CREATE TABLE busy (id int); CREATE SEQUENCE attempts; CREATE SEQUENCE first_statement',
    );
    // A second session holds a lock every ALTER TABLE busy conflicts with.
    await blocker.query('BEGIN; LOCK TABLE busy IN ACCESS EXCLUSIVE MODE');
  });
  afterEach(async () => {
    await blocker.query('ROLLBACK').catch(() => undefined);
    await db.drop();
    folders.splice(0).forEach(removeFolder);
  });
  const folder = (text: string) => {
    const dir = migrationsFolder({ '0001_alter.sql': text });
    folders.push(dir);
    return dir;
  };
  const read = (text: string) => readMigrations(folder(text));
  const calls = async (sequence: string) =>
    Number(
      (await client.query(`SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS n FROM ${sequence}`))
        .rows[0].n,
    );
  /** A logger that releases the blocker's lock when the first retry is announced. */
  const releasingLogger = () => {
    const warnings: string[] = [];
    return {
      warnings,
      info: () => undefined,
      warn: (message: string) => {
        warnings.push(message);
        if (warnings.length === 1) void blocker.query('ROLLBACK');
      },
    };
  };

  // The section's own SET LOCAL lock_timeout (as the generator writes it) wins over the 10 s default.
  const TRANSACTIONAL = [
    '-- migrate:up',
    "SET LOCAL lock_timeout = '100ms';",
    "SELECT nextval('attempts');",
    'ALTER TABLE busy ADD COLUMN x int;',
    '-- migrate:down',
    'ALTER TABLE busy DROP COLUMN x;',
  ].join('\n');

  it('rolls a step back on lock timeout and retries it until the lock is released', async () => {
    const logger = releasingLogger();
    const migrations = await read(TRANSACTIONAL);
    const { error } = await applyMigrations(client, migrations, {
      lockRetries: 10,
      lockRetryDelayMs: 100,
      lockRetryMaxDelayMs: 200,
      logger,
    });
    expect(error).toBeUndefined();
    expect(logger.warnings[0]).toMatch(
      /^lock timeout at 0001_alter\.sql:4: canceling statement due to lock timeout; attempt 1 of 11 failed \(the step rolled back\), retrying the step in 0\.\d s$/,
    );
    expect(await calls('attempts')).toBe(logger.warnings.length + 1);
    const { rows } = await client.query(`SELECT version FROM schema_migrations`);
    expect(rows).toEqual([{ version: '0001' }]);
    expect(
      (
        await client.query(
          `SELECT attname FROM pg_attribute WHERE attrelid = 'busy'::regclass AND attname = 'x'`,
        )
      ).rows,
    ).toHaveLength(1);
  });

  it('gives up after the bound, naming file, line, attempts and what to look at', async () => {
    const warnings: string[] = [];
    const migrations = await read(TRANSACTIONAL);
    const { error } = await applyMigrations(client, migrations, {
      lockRetries: 2,
      lockRetryDelayMs: 50,
      logger: { info: () => undefined, warn: (m) => warnings.push(m) },
    });
    expect(error!.message).toMatch(
      /^0001_alter\.sql:4: canceling statement due to lock timeout \(SQLSTATE 55P03\)\n {2}Gave up after 3 attempts \(lockRetries = 2\)/,
    );
    expect(error!.message).toContain('Nothing of this migration was applied (it runs in one transaction).');
    expect(error!.message).toContain('FROM pg_stat_activity');
    expect(warnings).toHaveLength(2);
    expect(warnings[1]).toContain('attempt 2 of 3 failed');
    expect(await calls('attempts')).toBe(3);
    expect((await client.query(`SELECT count(*)::int AS n FROM schema_migrations`)).rows[0].n).toBe(0);
  });

  it('never retries another error (a statement timeout here)', async () => {
    await blocker.query('ROLLBACK');
    const warnings: string[] = [];
    const migrations = await read(
      [
        '-- migrate:up',
        "SET LOCAL statement_timeout = '50ms';",
        "SELECT nextval('attempts');",
        'SELECT pg_sleep(2);',
      ].join('\n'),
    );
    const { error } = await applyMigrations(client, migrations, {
      lockRetryDelayMs: 10,
      logger: { info: () => undefined, warn: (m) => warnings.push(m) },
    });
    expect(error!.message).toMatch(
      /^0001_alter\.sql:4: canceling statement due to statement timeout \(SQLSTATE 57014\)/,
    );
    expect(warnings).toEqual([]);
    expect(await calls('attempts')).toBe(1);
  });

  it('retries a transaction:false step from the statement that timed out', async () => {
    const logger = releasingLogger();
    const migrations = await read(
      [
        '-- migrate:up transaction:false',
        "SELECT nextval('first_statement');",
        'ALTER TABLE busy ADD COLUMN y int;',
        '-- migrate:down',
        'ALTER TABLE busy DROP COLUMN y;',
      ].join('\n'),
    );
    const { error } = await applyMigrations(client, migrations, {
      lockTimeoutMs: 100,
      lockRetryDelayMs: 100,
      lockRetryMaxDelayMs: 200,
      logger,
    });
    expect(error).toBeUndefined();
    expect(logger.warnings[0]).toMatch(
      /^lock timeout at 0001_alter\.sql:3: .*attempt 1 of 6 failed \(the statements before it stay applied\), retrying the statement in/,
    );
    expect(await calls('first_statement')).toBe(1);
    expect((await client.query(`SELECT version FROM schema_migrations`)).rows).toEqual([{ version: '0001' }]);
  });

  it('initializeServiceDatabase passes the retry options on (lockRetries: 0 fails at the first timeout)', async () => {
    // A managed database (its history table exists) whose objects were made by earlier migrations.
    await ensureMigrationsTable(client, DEFAULT_MIGRATIONS_TABLE);
    const warnings: string[] = [];
    const options = {
      service: 'locks',
      databaseUrl: db.url,
      migrationsDir: folder(TRANSACTIONAL),
      lockRetries: 0,
      logger: { info: () => undefined, warn: (m: string) => warnings.push(m) },
    };
    await expect(initializeServiceDatabase(options)).rejects.toThrow(
      /^0001_alter\.sql:4: canceling statement due to lock timeout \(SQLSTATE 55P03\)\n {2}Nothing of this migration/,
    );
    expect(warnings).toEqual([]);
    const logger = releasingLogger();
    const result = await initializeServiceDatabase({
      ...options,
      lockRetries: 3,
      lockRetryDelayMs: 100,
      logger,
    });
    expect(result.applied.map((m) => m.status)).toEqual(['applied']);
    expect(logger.warnings[0]).toContain('attempt 1 of 4 failed');
  });
});
