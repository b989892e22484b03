import { describeEachServer } from '@bakery-ia/test-db';
import type pg from 'pg';
import { applyMigrations } from './applier';
import { lockRetryDelay, lockRetryPolicy } from './lock-retry';
import { DEFAULT_MIGRATIONS_TABLE, ensureMigrationsTable } from './migrations-table';
import { initializer } from './test-support/initialize-run';
import { scratchDatabase } from './test-support/scratch-database';

describe('lockRetryDelay', () => {
  const policy = lockRetryPolicy({ lockRetryDelayMs: 100, lockRetryMaxDelayMs: 300 });
  it.each([
    [1, 100],
    [2, 200],
    [3, 300],
    [6, 300],
  ])(
    'doubles from the first delay up to the cap, jittered between half and all of it: retry %i, cap %i ms',
    (retry, ceiling) => {
      const delay = lockRetryDelay(policy, retry);
      expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
      expect(delay).toBeLessThanOrEqual(ceiling);
    },
  );
  it('defaults to 5 retries from 500 ms up to 10 s', () => {
    expect(lockRetryPolicy({})).toEqual({ retries: 5, delayMs: 500, maxDelayMs: 10_000 });
  });
});

describeEachServer('lock timeouts', (server) => {
  const t = scratchDatabase(server, 'locks');
  let blocker: pg.Client;
  beforeEach(async () => {
    await t.client.query(
      'CREATE TABLE busy (id int); CREATE SEQUENCE attempts; CREATE SEQUENCE first_statement',
    );
    // A second session holds a lock every ALTER TABLE busy conflicts with (until it rolls back,
    // or the database is dropped after the test with its sessions).
    blocker = await t.db.client();
    await blocker.query('BEGIN; LOCK TABLE busy IN ACCESS EXCLUSIVE MODE');
  });
  // In the environment Jest gives (NODE_ENV=test), as service "locks".
  const initialize = initializer(t, { service: 'locks', environment: undefined });
  const read = (text: string) => t.read({ '0001_alter.sql': text });
  const calls = async (sequence: string) =>
    Number(
      (await t.client.query(`SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS n FROM ${sequence}`))
        .rows[0].n,
    );
  /** A logger that keeps the warnings; `release` also ends the blocker's lock at the first one. */
  const warningLogger = (options: { release?: boolean } = {}) => {
    const warnings: string[] = [];
    return {
      warnings,
      info: () => undefined,
      warn: (message: string) => {
        warnings.push(message);
        if (options.release && warnings.length === 1) void blocker.query('ROLLBACK');
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

  // Each waits on the blocker's lock, which its logger releases at the first retry.
  it.each([
    {
      title: 'rolls a step back on lock timeout and retries it until the lock is released',
      text: TRANSACTIONAL,
      options: { lockRetries: 10, lockRetryDelayMs: 100, lockRetryMaxDelayMs: 200 },
      firstWarning:
        /^lock timeout at 0001_alter\.sql:4: canceling statement due to lock timeout; attempt 1 of 11 failed \(the step rolled back\), retrying the step in 0\.\d s$/,
      // The whole step ran again at every attempt.
      counter: 'attempts',
      runs: (warnings: number) => warnings + 1,
      column: 'x',
    },
    {
      title: 'retries a transaction:false step from the statement that timed out',
      text: [
        '-- migrate:up transaction:false',
        "SELECT nextval('first_statement');",
        'ALTER TABLE busy ADD COLUMN y int;',
        '-- migrate:down',
        'ALTER TABLE busy DROP COLUMN y;',
      ].join('\n'),
      options: { lockTimeoutMs: 100, lockRetryDelayMs: 100, lockRetryMaxDelayMs: 200 },
      firstWarning:
        /^lock timeout at 0001_alter\.sql:3: .*attempt 1 of 6 failed \(the statements before it stay applied\), retrying the statement in/,
      // The statement before the one that timed out is not run again.
      counter: 'first_statement',
      runs: () => 1,
      column: 'y',
    },
  ])('$title', async ({ text, options, firstWarning, counter, runs, column }) => {
    const logger = warningLogger({ release: true });
    const { error } = await applyMigrations(t.client, await read(text), { ...options, logger });
    expect(error).toBeUndefined();
    expect(logger.warnings[0]).toMatch(firstWarning);
    expect(await calls(counter)).toBe(runs(logger.warnings.length));
    expect((await t.client.query(`SELECT version FROM schema_migrations`)).rows).toEqual([
      { version: '0001' },
    ]);
    expect(
      (
        await t.client.query(
          `SELECT attname FROM pg_attribute WHERE attrelid = 'busy'::regclass AND attname = $1`,
          [column],
        )
      ).rows,
    ).toHaveLength(1);
  });

  it('gives up after the bound, naming file, line, attempts and what to look at', async () => {
    const logger = warningLogger();
    const migrations = await read(TRANSACTIONAL);
    const { error } = await applyMigrations(t.client, migrations, {
      lockRetries: 2,
      lockRetryDelayMs: 50,
      logger,
    });
    expect(error!.message).toMatch(
      /^0001_alter\.sql:4: canceling statement due to lock timeout \(SQLSTATE 55P03\)\n {2}Gave up after 3 attempts \(lockRetries = 2\)/,
    );
    expect(error!.message).toContain('Nothing of this migration was applied (it runs in one transaction).');
    expect(error!.message).toContain('FROM pg_stat_activity');
    expect(logger.warnings).toHaveLength(2);
    expect(logger.warnings[1]).toContain('attempt 2 of 3 failed');
    expect(await calls('attempts')).toBe(3);
    expect((await t.client.query(`SELECT count(*)::int AS n FROM schema_migrations`)).rows[0].n).toBe(0);
  });

  it('never retries another error (a statement timeout here)', async () => {
    await blocker.query('ROLLBACK');
    const logger = warningLogger();
    const migrations = await read(
      [
        '-- migrate:up',
        "SET LOCAL statement_timeout = '50ms';",
        "SELECT nextval('attempts');",
        'SELECT pg_sleep(2);',
      ].join('\n'),
    );
    const { error } = await applyMigrations(t.client, migrations, { lockRetryDelayMs: 10, logger });
    expect(error!.message).toMatch(
      /^0001_alter\.sql:4: canceling statement due to statement timeout \(SQLSTATE 57014\)/,
    );
    expect(logger.warnings).toEqual([]);
    expect(await calls('attempts')).toBe(1);
  });

  it('initializeServiceDatabase passes the retry options on (lockRetries: 0 fails at the first timeout)', async () => {
    // A managed database (its history table exists) whose objects were made by earlier migrations.
    await ensureMigrationsTable(t.client, DEFAULT_MIGRATIONS_TABLE);
    const migrationsDir = t.folder({ '0001_alter.sql': TRANSACTIONAL });
    const quiet = warningLogger();
    await expect(initialize({ migrationsDir, lockRetries: 0, logger: quiet })).rejects.toThrow(
      /^0001_alter\.sql:4: canceling statement due to lock timeout \(SQLSTATE 55P03\)\n {2}Nothing of this migration/,
    );
    expect(quiet.warnings).toEqual([]);
    const logger = warningLogger({ release: true });
    const result = await initialize({ migrationsDir, lockRetries: 3, lockRetryDelayMs: 100, logger });
    expect(result.applied.map((m) => m.status)).toEqual(['applied']);
    expect(logger.warnings[0]).toContain('attempt 1 of 4 failed');
  });
});
