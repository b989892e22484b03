import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { primaryTestServer } from '@bakery-ia/test-db';
import { captureConsole, serviceWorkspace } from '../test-support/service-workspace';
import generateExecutor from './executor';

describe('migrate-generate executor', () => {
  let ws: ReturnType<typeof serviceWorkspace>;
  const shadowUrl = () => primaryTestServer().url;
  beforeEach(() => {
    ws = serviceWorkspace();
  });
  afterEach(() => ws.remove());
  const run = (options: Parameters<typeof generateExecutor>[0]) =>
    captureConsole(() => generateExecutor({ shadowUrl: shadowUrl(), ...options }, ws.context));

  it('--dry-run prints the migration and writes nothing', async () => {
    const { result, output } = await run({ dryRun: true });
    expect(result.success).toBe(true);
    expect(output).toContain('-- services/svc/migrations/0001_initial.sql (dry run: nothing written)');
    expect(output).toContain('CREATE TABLE public.items (');
    expect(existsSync(join(ws.dir, 'migrations'))).toBe(false);
  });

  it('--check fails while the models have no migration, and passes once generated', async () => {
    const before = await run({ check: true });
    expect(before.result.success).toBe(false);
    expect(before.output).toContain('+ table public.items');
    expect(before.output).toContain('Run: nx run svc:migrate-generate --name=<what_changed>');
    const generated = await run({ name: 'Create Items!' });
    expect(generated.output).toContain(
      'wrote services/svc/migrations/0001_create_items.sql and migrations.sum',
    );
    expect(readdirSync(join(ws.dir, 'migrations')).sort()).toEqual([
      '0001_create_items.sql',
      'migrations.sum',
    ]);
    expect((await run({ check: true })).result.success).toBe(true);
    const again = await run({});
    expect(again.output).toContain(
      'svc: no changes; the migrations already build the models. Nothing written.',
    );
  });

  it('fails with file and line for invalid SQL in the models, writing nothing', async () => {
    writeFileSync(
      join(ws.dir, 'models', '01.sql'),
      'CREATE TABLE items (id int PRIMARY KEY);\n\nCREATE TABLE broken (id int,, x);\n',
    );
    const { result, output } = await run({});
    expect(result.success).toBe(false);
    expect(output).toMatch(
      /svc:migrate-generate: Invalid SQL in the models:\n\s+\S+models\/01\.sql:3: syntax error/,
    );
    expect(existsSync(join(ws.dir, 'migrations'))).toBe(false);
  });

  it('refuses an unknown option instead of running', async () => {
    const { result, output } = await captureConsole(() =>
      generateExecutor({ dryrun: true } as never, ws.context),
    );
    expect(result.success).toBe(false);
    expect(output).toContain('unknown option(s) --dryrun');
  });

  it('says within seconds that an unreachable shadow server is unreachable', async () => {
    const started = Date.now();
    const { result, output } = await captureConsole(() =>
      generateExecutor({ shadowUrl: 'postgres://u:secret@127.0.0.1:1/x' }, ws.context),
    );
    expect(result.success).toBe(false);
    expect(output).toContain('The shadow server database "x" on 127.0.0.1:1 does not answer');
    expect(output).not.toContain('secret');
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
