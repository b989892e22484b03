import { writeMigrationsSum } from '@bakery-ia/init-manager';
import { describeEachServer } from '@bakery-ia/test-db';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { comparableCatalog } from '../catalog/comparable';
import { planMigration, type MigrationPlan } from './plan-migration';

/**
 * A side whose build was introspected before comes from its catalog record: the everyday models
 * change opens no replay database unless the plan needs one (renames, retyped columns), and every
 * plan equals the one PG_SCHEMA_CACHE=off gives.
 */
describeEachServer('planMigration: catalog records of each side', (server) => {
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
  /** Plan records forgotten: only the sides' records can be used. */
  const planWithoutPlanRecord = () => {
    for (const name of readdirSync(records()).filter((n) => n.startsWith('plan-')))
      rmSync(join(records(), name));
    return plan();
  };
  const offPlan = async () => {
    process.env.PG_SCHEMA_CACHE = 'off';
    return plan().finally(() => delete process.env.PG_SCHEMA_CACHE);
  };
  const same = (a: MigrationPlan, b: MigrationPlan) => {
    expect([a.up, a.down, a.changes, a.lint]).toEqual([b.up, b.down, b.changes, b.lint]);
    expect(comparableCatalog(a.current)).toEqual(comparableCatalog(b.current));
    expect(comparableCatalog(a.desired)).toEqual(comparableCatalog(b.desired));
  };
  const models = (text: string) => write('models/01.sql', `-- ${randomBytes(6).toString('hex')}\n${text}`);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pg-schema-side-records-'));
    process.env.PG_SCHEMA_CACHE_DIR = join(dir, 'cache');
    delete process.env.PG_SCHEMA_CACHE;
    mkdirSync(join(dir, 'models'));
    mkdirSync(join(dir, 'migrations'));
    const tag = randomBytes(6).toString('hex');
    write(
      'migrations/0001_initial.sql',
      `-- ${tag}\n-- migrate:up\nCREATE TABLE items (id bigint PRIMARY KEY, qty integer);\n\n-- migrate:down\nDROP TABLE items;\n`,
    );
    writeMigrationsSum(join(dir, 'migrations'));
    models('CREATE TABLE items (id bigint PRIMARY KEY, qty integer, note text);\n');
  });
  afterEach(() => {
    process.env = { ...saved };
    rmSync(dir, { recursive: true, force: true });
  });

  it('a models change reads the replay from its record and opens only the models database', async () => {
    const first = await plan();
    expect(first.cache.recorded).toEqual([]);
    models('CREATE TABLE items (id bigint PRIMARY KEY, qty integer, note text, added date);\n');
    const changed = await plan();
    expect(changed.cache).toEqual({ replay: 'hit', models: 'miss', recorded: ['replay'] });
    expect(Object.keys(changed.timings)).not.toContain('open recorded databases');
    same(changed, await offPlan());
    expect(changed.up.flatMap((step) => step.statements).join('\n')).toMatch(/ADD COLUMN added date/);
  });

  it('opens a recorded side when the plan asks the server for cast paths', async () => {
    await plan();
    // qty integer -> bigint: the server is asked how the column converts, in both databases.
    models('CREATE TABLE items (id bigint PRIMARY KEY, qty bigint, note text);\n');
    const retyped = await plan();
    expect(retyped.cache.recorded).toEqual(['replay']);
    expect(Object.keys(retyped.timings)).toContain('open recorded databases');
    same(retyped, await offPlan());
    // Both sides recorded now: the plan record forgotten, both are read and then opened.
    const again = await planWithoutPlanRecord();
    expect(again.cache.recorded).toEqual(['replay', 'models']);
    same(again, retyped);
  });

  it('opens the recorded sides to write renames into them', async () => {
    await plan();
    models('CREATE TABLE goods ( -- @renamed-from items\n  id bigint PRIMARY KEY,\n  qty integer\n);\n');
    const renamed = await plan();
    expect(renamed.cache.recorded).toEqual(['replay']);
    expect(renamed.changes.some((change) => change.action === 'rename')).toBe(true);
    same(renamed, await offPlan());
  });

  it('never uses a corrupt side record', async () => {
    const first = await plan();
    for (const name of readdirSync(records()).filter((n) => /^[0-9a-f]{64}\.json$/.test(n)))
      writeFileSync(join(records(), name), '{"states": [{"tables": {}');
    const again = await planWithoutPlanRecord();
    expect(again.cache.recorded).toEqual([]);
    same(again, first);
  });
});
