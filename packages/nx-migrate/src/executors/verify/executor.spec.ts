import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestDatabase, primaryTestServer } from '@bakery-ia/test-db';
import { applyMigrations, readMigrations } from '@bakery-ia/init-manager';
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
    expect(xml).toContain('<testsuite name="svc" tests="7" failures="0" skipped="0">');
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
});
