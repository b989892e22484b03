import { writeMigrationsSum } from '@bakery-ia/init-manager';
import { describeEachServer } from '@bakery-ia/test-db';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyMigrations } from './verify-migrations';

/** verify reads a replay it verified before (catalog-records.ts) instead of replaying again. */
describeEachServer('verifyMigrations: the replay record cache', (server) => {
  let dir: string;
  let cacheDir: string;
  const saved = { ...process.env };
  const write = (path: string, text: string) => writeFileSync(join(dir, path), text);
  const verify = () =>
    verifyMigrations({
      modelsDir: join(dir, 'models'),
      migrationsDir: join(dir, 'migrations'),
      shadowUrl: server.url,
    });
  const check = (report: Awaited<ReturnType<typeof verify>>, id: string) =>
    report.checks.find((c) => c.id === id)!;
  const fromCache = (report: Awaited<ReturnType<typeof verify>>) =>
    (check(report, 'replay').note ?? '').includes('from the cache');
  const migration = (up: string, down: string) => `-- migrate:up\n${up}\n\n-- migrate:down\n${down}\n`;
  const outcome = (report: Awaited<ReturnType<typeof verify>>) =>
    report.checks.map((c) => ({ id: c.id, status: c.status, problems: c.problems }));
  /** 0002 with a down section that undoes it (beforeEach's does not: its round trip fails). */
  const fixDownOf0002 = () => {
    write(
      'migrations/0002_name.sql',
      migration("COMMENT ON TABLE items IS 'Items';", 'COMMENT ON TABLE items IS NULL;'),
    );
    writeMigrationsSum(join(dir, 'migrations'));
  };
  const addMigration0003 = () => {
    write(
      'migrations/0003_note.sql',
      migration('ALTER TABLE items ADD COLUMN note text;', 'ALTER TABLE items DROP COLUMN note;'),
    );
    writeMigrationsSum(join(dir, 'migrations'));
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pg-schema-verify-cache-'));
    cacheDir = mkdtempSync(join(tmpdir(), 'pg-schema-records-'));
    process.env.PG_SCHEMA_CACHE_DIR = cacheDir;
    delete process.env.PG_SCHEMA_CACHE;
    mkdirSync(join(dir, 'models'));
    mkdirSync(join(dir, 'migrations'));
    const tag = randomBytes(4).toString('hex');
    write(
      'models/01.sql',
      `-- ${tag}\nCREATE TABLE items (id bigint PRIMARY KEY);\nCOMMENT ON TABLE items IS 'Items';\n`,
    );
    write(
      'migrations/0001_initial.sql',
      migration('CREATE TABLE items (id bigint PRIMARY KEY);', 'DROP TABLE items;'),
    );
    // An incomplete down section: the round trip fails, and must fail the same from the cache.
    write('migrations/0002_name.sql', migration("COMMENT ON TABLE items IS 'Items';", 'SELECT 1;'));
    writeMigrationsSum(join(dir, 'migrations'));
  });
  afterEach(() => {
    process.env = { ...saved };
    rmSync(dir, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('gives the same checks from the record as from a replay, round-trip problems included', async () => {
    const first = await verify();
    const second = await verify();
    expect([fromCache(first), fromCache(second)]).toEqual([false, true]);
    expect(outcome(second)).toEqual(outcome(first));
    expect(check(first, 'round-trip').status).toBe('failed');
    expect(check(first, 'drift').status).toBe('passed');
  });

  it('replays only a new migration on top of a verified replay: the checks of a full replay', async () => {
    fixDownOf0002();
    expect((await verify()).ok).toBe(true);
    addMigration0003();
    const next = await verify();
    expect(check(next, 'replay').note).toContain('3 migration(s)');
    expect(check(next, 'replay').note).toContain('the first 2 from the cache');
    process.env.PG_SCHEMA_CACHE = 'off';
    const full = await verify();
    delete process.env.PG_SCHEMA_CACHE;
    // The models lack the new column: drift fails the same way in both.
    expect(check(next, 'drift').status).toBe('failed');
    expect(outcome(next)).toEqual(outcome(full));
    // The new record holds all three: the same files again are a whole hit.
    expect(fromCache(await verify())).toBe(true);
  });

  it('replays from scratch when the migrations do not build the recorded schema', async () => {
    fixDownOf0002();
    await verify();
    // A record of the two whose last state lost its table (as if the replay had been different).
    const records = join(cacheDir, 'records');
    let changed = 0;
    for (const name of readdirSync(records)) {
      const record = JSON.parse(readFileSync(join(records, name), 'utf8')) as {
        states: { tables: object }[];
      };
      if (record.states.length !== 3) continue;
      record.states[2].tables = {};
      writeFileSync(join(records, name), JSON.stringify(record));
      changed++;
    }
    expect(changed).toBe(1);
    addMigration0003();
    const next = await verify();
    expect(fromCache(next)).toBe(false);
    expect(check(next, 'replay').status).toBe('passed');
    expect(check(next, 'round-trip').status).toBe('passed');
  });

  it('does not start from a replay whose round trip failed', async () => {
    await verify();
    addMigration0003();
    const next = await verify();
    expect(fromCache(next)).toBe(false);
    expect(check(next, 'round-trip').status).toBe('failed');
  });

  it('never passes from a record in a folder others may write: it replays, and the round trip fails', async () => {
    expect(check(await verify(), 'round-trip').status).toBe('failed');
    // What another user could write there: the same record with a clean round trip.
    const records = join(cacheDir, 'records');
    const forge = () => {
      for (const name of readdirSync(records)) {
        const record = JSON.parse(readFileSync(join(records, name), 'utf8')) as { roundTrip: unknown[] };
        record.roundTrip = [];
        writeFileSync(join(records, name), JSON.stringify(record));
      }
    };
    forge();
    // Written by ourselves in our own folder, it is believed (the record is what verify reads)...
    const believed = await verify();
    expect(fromCache(believed)).toBe(true);
    expect(believed.ok).toBe(true);
    // ...but not in a folder others may write: verify replays, and writes no record there.
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      chmodSync(records, 0o777);
      const shared = await verify();
      expect(fromCache(shared)).toBe(false);
      expect(check(shared, 'round-trip').status).toBe('failed');
      expect(shared.ok).toBe(false);
      expect(String(stderr.mock.calls.find(([text]) => String(text).includes('warning'))?.[0])).toContain(
        `not using the cache folder ${records}`,
      );
      expect(readdirSync(records).every((name) => !name.endsWith('.tmp'))).toBe(true);
    } finally {
      stderr.mockRestore();
      chmodSync(records, 0o700);
    }
  });

  it('replays again after a migration file changes, reads a changed model file, and with PG_SCHEMA_CACHE=off', async () => {
    await verify();
    fixDownOf0002();
    const changed = await verify();
    expect(fromCache(changed)).toBe(false);
    expect(changed.ok).toBe(true);
    // A changed model file is a new models key: the drift it makes is found.
    write(
      'models/01.sql',
      `CREATE TABLE items (id bigint PRIMARY KEY, note text);\nCOMMENT ON TABLE items IS 'Items';\n`,
    );
    const drift = await verify();
    expect(fromCache(drift)).toBe(true);
    expect(check(drift, 'drift').status).toBe('failed');
    process.env.PG_SCHEMA_CACHE = 'off';
    const off = await verify();
    expect(fromCache(off)).toBe(false);
    expect(check(off, 'drift').status).toBe('failed');
  });
});
