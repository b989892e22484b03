import { writeMigrationsSum } from '@bakery-ia/init-manager';
import { describeEachServer } from '@bakery-ia/test-db';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { comparableCatalog } from '../catalog/comparable';
import { planMigration } from '../generate/plan-migration';
import { emptyCatalog } from '../catalog/catalog';
import { planRecordKey, readPlanRecord, writePlanRecord, type PlanRecord } from './plan-records';

describe('plan record key', () => {
  it('changes with either cache key, the engine and the introspection options', () => {
    const base = { replayKey: 'r1', modelsKey: 'm1', introspect: { schemas: ['public'] }, engine: 'e1' };
    const key = planRecordKey(base);
    expect(planRecordKey({ ...base })).toBe(key);
    expect(planRecordKey({ ...base, replayKey: 'r2' })).not.toBe(key);
    expect(planRecordKey({ ...base, modelsKey: 'm2' })).not.toBe(key);
    expect(planRecordKey({ ...base, engine: 'e2' })).not.toBe(key);
    expect(planRecordKey({ ...base, introspect: { schemas: ['app'] } })).not.toBe(key);
  });
});

describe('plan records in a folder others may write', () => {
  it('are neither read nor written (770)', () => {
    const root = mkdtempSync(join(tmpdir(), 'pg-schema-plan-trust-'));
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const record: PlanRecord = {
      current: emptyCatalog(),
      desired: emptyCatalog(),
      castPaths: { up: [], down: [] },
    };
    try {
      writePlanRecord('k1', record, root);
      expect(readPlanRecord('k1', root)).toEqual(record);
      chmodSync(root, 0o770);
      expect(readPlanRecord('k1', root)).toBeUndefined();
      writePlanRecord('k2', record, root);
      expect(existsSync(join(root, 'plan-k2.json'))).toBe(false);
      expect(stderr).toHaveBeenCalledTimes(1);
    } finally {
      stderr.mockRestore();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

/** A generate that planned the same two keys before reads its catalogs and cast paths from the record. */
describeEachServer('planMigration: the plan record', (server) => {
  let dir: string;
  const saved = { ...process.env };
  const write = (path: string, text: string) => writeFileSync(join(dir, path), text);
  const plan = () =>
    planMigration({
      modelsDir: join(dir, 'models'),
      migrationsDir: join(dir, 'migrations'),
      shadowUrl: server.url,
    });
  const records = () => join(dir, 'cache', 'records');
  const fromRecord = (result: Awaited<ReturnType<typeof plan>>) => result.cache.recorded.includes('plan');
  const same = (a: Awaited<ReturnType<typeof plan>>, b: Awaited<ReturnType<typeof plan>>) => {
    expect(a.up).toEqual(b.up);
    expect(a.down).toEqual(b.down);
    expect(a.changes).toEqual(b.changes);
    expect(a.lint).toEqual(b.lint);
    expect(comparableCatalog(a.current)).toEqual(comparableCatalog(b.current));
    expect(comparableCatalog(a.desired)).toEqual(comparableCatalog(b.desired));
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pg-schema-plan-record-'));
    process.env.PG_SCHEMA_CACHE_DIR = join(dir, 'cache');
    delete process.env.PG_SCHEMA_CACHE;
    mkdirSync(join(dir, 'models'));
    mkdirSync(join(dir, 'migrations'));
    // A unique comment: keys no other run built. The models retype a column (a cast path to keep).
    const tag = randomBytes(6).toString('hex');
    write('models/01.sql', `-- ${tag}\nCREATE TABLE items (id bigint PRIMARY KEY, qty bigint, note text);\n`);
    write(
      'migrations/0001_initial.sql',
      `-- ${tag}\n-- migrate:up\nCREATE TABLE items (id bigint PRIMARY KEY, qty integer);\n\n-- migrate:down\nDROP TABLE items;\n`,
    );
    writeMigrationsSum(join(dir, 'migrations'));
  });
  afterEach(() => {
    process.env = { ...saved };
    rmSync(dir, { recursive: true, force: true });
  });

  it('plans from the record what the databases plan: no database opened', async () => {
    const first = await plan();
    expect(fromRecord(first)).toBe(false);
    const second = await plan();
    expect(fromRecord(second)).toBe(true);
    expect(second.cache).toEqual({ replay: 'hit', models: 'hit', recorded: ['plan'] });
    process.env.PG_SCHEMA_CACHE = 'off';
    const fresh = await plan();
    delete process.env.PG_SCHEMA_CACHE;
    expect(fresh.cache).toEqual({ replay: 'off', models: 'off', recorded: [] });
    same(second, fresh);
    expect(second.up.flatMap((step) => step.statements).join('\n')).toMatch(/TYPE bigint/);
  });

  it('never reuses the record of a changed models or migration file', async () => {
    await plan();
    write('models/01.sql', 'CREATE TABLE items (id bigint PRIMARY KEY, qty bigint);\n');
    const models = await plan();
    expect(fromRecord(models)).toBe(false);
    expect(models.changes.some((change) => change.object.includes('note'))).toBe(false);
    write(
      'migrations/0001_initial.sql',
      `-- migrate:up\nCREATE TABLE items (id bigint PRIMARY KEY, qty bigint);\n\n-- migrate:down\nDROP TABLE items;\n`,
    );
    writeMigrationsSum(join(dir, 'migrations'));
    const migrations = await plan();
    expect(fromRecord(migrations)).toBe(false);
    expect(migrations.empty).toBe(true);
    expect(fromRecord(await plan())).toBe(true);
  });

  it('ignores a corrupt or half-written record and writes a whole one again', async () => {
    const first = await plan();
    const [name] = readdirSync(records()).filter((n) => n.startsWith('plan-'));
    for (const text of ['{"current": {"tables": {}', '{"current": {}, "desired": {}, "castPaths": {}}']) {
      writeFileSync(join(records(), name), text);
      const again = await plan();
      expect(fromRecord(again)).toBe(false);
      same(again, first);
    }
    // Only whole records are left behind (temp names are renamed or removed): the plan's, and
    // the catalog records of its two sides (generate/plan-schemas.ts).
    expect(readdirSync(records()).filter((n) => !/^[0-9a-f]{64}\.json$/.test(n))).toEqual([name]);
    same(await plan(), first);
  });

  it('writes no record for a plan that renames in its databases', async () => {
    write(
      'models/01.sql',
      'CREATE TABLE goods ( -- @renamed-from items\n  id bigint PRIMARY KEY,\n  qty integer\n);\n',
    );
    const first = await plan();
    expect(first.changes.some((change) => change.action === 'rename')).toBe(true);
    const second = await plan();
    expect(fromRecord(second)).toBe(false);
    expect(second.up).toEqual(first.up);
  });
});
