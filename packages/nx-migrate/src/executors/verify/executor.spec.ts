import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase, primaryTestServer } from '@bakery-ia/test-db';
import { applyMigrations, readMigrations, writeMigrationsSum } from '@bakery-ia/init-manager';
import { captureConsole, serviceWorkspace } from '../test-support/service-workspace';
import generateExecutor from '../generate/executor';
import verifyExecutor from './executor';

describe('migrate-verify executor', () => {
  let ws: ReturnType<typeof serviceWorkspace>;
  const shadowUrl = () => primaryTestServer().url;
  beforeAll(async () => {
    ws = serviceWorkspace();
    await captureConsole(() => generateExecutor({ shadowUrl: shadowUrl() }, ws.context));
  });
  afterAll(() => ws.remove());

  it('writes a JUnit report and prints the summary', async () => {
    const { result, output } = await captureConsole(() =>
      verifyExecutor(
        { shadowUrl: shadowUrl(), outputFormat: 'junit', outputFile: 'reports/verify.xml' },
        ws.context,
      ),
    );
    expect(result.success).toBe(true);
    expect(output).toContain('All checks passed');
    const xml = readFileSync(join(ws.root, 'reports', 'verify.xml'), 'utf8');
    expect(xml).toContain('<testsuite name="svc" tests="8" failures="0" skipped="0">');
  });

  it('refuses a live database on the cached target and names the live one', async () => {
    const { result, output } = await captureConsole(() =>
      verifyExecutor({ shadowUrl: shadowUrl(), databaseUrl: 'postgres://x@h/db' }, ws.context),
    );
    expect(result.success).toBe(false);
    expect(output).toContain(
      'a live database cannot be part of a cached target: run nx run svc:migrate-verify-live',
    );
  });

  it('compares a live database: passes when it matches, names the drift when changed by hand', async () => {
    const db = await createTestDatabase(primaryTestServer(), 'live');
    try {
      const client = await db.client();
      await applyMigrations(client, await readMigrations(join(ws.dir, 'migrations')));
      const ok = await captureConsole(() =>
        verifyExecutor({ shadowUrl: shadowUrl(), databaseUrl: db.url, live: true }, ws.context),
      );
      expect(ok.output).toMatch(
        /ok\s+the live database matches the migrations \(database "live_\w+" on [\d.:]+: 1 applied, 0 pending\)/,
      );
      await client.query('ALTER TABLE items ADD COLUMN hotfix text');
      const drift = await captureConsole(() =>
        verifyExecutor({ shadowUrl: shadowUrl(), databaseUrl: db.url, live: true }, ws.context),
      );
      expect(drift.result.success).toBe(false);
      expect(drift.output).toContain(
        'the live schema differs from what its 1 applied migration(s) build (changed by hand?)',
      );
      expect(drift.output).toContain('+ column public.items.hotfix');
    } finally {
      await db.drop();
    }
  });

  it('says which schema_migrations rows were deleted by hand, with the SQL that records them again', async () => {
    const history = serviceWorkspace(
      {},
      'CREATE TABLE users (id int PRIMARY KEY);\nCREATE TABLE roles (id int PRIMARY KEY);\nCREATE TABLE perms (id int PRIMARY KEY);\n',
    );
    const dir = join(history.dir, 'migrations');
    mkdirSync(dir);
    ['users', 'roles', 'perms'].forEach((table, index) =>
      writeFileSync(
        join(dir, `000${index + 1}_${table}.sql`),
        `-- migrate:up\nCREATE TABLE ${table} (id int PRIMARY KEY);\n\n-- migrate:down\nDROP TABLE ${table};\n`,
      ),
    );
    writeMigrationsSum(dir);
    const db = await createTestDatabase(primaryTestServer(), 'live');
    const verifyLive = () =>
      captureConsole(() =>
        verifyExecutor({ shadowUrl: shadowUrl(), databaseUrl: db.url, live: true }, history.context),
      );
    try {
      const client = await db.client();
      await applyMigrations(client, await readMigrations(dir));
      await client.query(`DELETE FROM schema_migrations WHERE version = '0002'`);
      const hole = await verifyLive();
      expect(hole.result.success).toBe(false);
      expect(hole.output).toContain(
        '0002_roles.sql: has no row in public.schema_migrations on database "live_',
      );
      expect(hole.output).toContain('its row was deleted by hand (a hole in the history)');
      expect(hole.output).toContain(
        `INSERT INTO public.schema_migrations (version, name, checksum, duration_ms) VALUES ('0002', 'roles', 'h1:`,
      );
      await client.query(`DELETE FROM schema_migrations WHERE version <> '0001'`);
      const last = await verifyLive();
      expect(last.result.success).toBe(false);
      expect(last.output).toContain(
        'the live schema is what the first 3 migration(s) build, but only 1 are recorded in public.schema_migrations: the row(s) of 0002_roles.sql, 0003_perms.sql are missing (deleted by hand?)',
      );
      expect(last.output).not.toContain('changed by hand?');
    } finally {
      await db.drop();
      history.remove();
    }
  });

  it('the hint after a failure keeps the flags that changed the checks (--fail-on=warning)', async () => {
    const warned = serviceWorkspace(
      {},
      'CREATE TABLE items (id int PRIMARY KEY, sku text);\nCREATE INDEX items_sku_idx ON items (sku);\n',
    );
    const dir = join(warned.dir, 'migrations');
    mkdirSync(dir);
    writeFileSync(
      join(dir, '0001_items.sql'),
      '-- migrate:up\nCREATE TABLE items (id int PRIMARY KEY, sku text);\n\n-- migrate:down\nDROP TABLE items;\n',
    );
    writeFileSync(
      join(dir, '0002_sku_index.sql'),
      '-- migrate:up\nCREATE INDEX items_sku_idx ON items (sku);\n\n-- migrate:down\nDROP INDEX items_sku_idx;\n',
    );
    writeMigrationsSum(dir);
    try {
      const run = await captureConsole(() =>
        verifyExecutor({ shadowUrl: shadowUrl(), failOn: 'warning', roundTrip: false }, warned.context),
      );
      expect(run.result.success).toBe(false);
      expect(run.output).toContain('index-not-concurrent');
      expect(run.output).toContain(
        'Fix the failures above, then run: nx run svc:migrate-verify --fail-on=warning --no-round-trip',
      );
    } finally {
      warned.remove();
    }
  });
});
