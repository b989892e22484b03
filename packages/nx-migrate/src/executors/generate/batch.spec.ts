import { Console } from 'node:console';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { primaryTestServer } from '@bakery-ia/test-db';
import { serviceWorkspace } from '../test-support/service-workspace';
import { batchGraph, runBatch } from '../test-support/batch-run';
import generateBatch from './batch';

describe('migrate-generate batch', () => {
  let ws: ReturnType<typeof serviceWorkspace>;
  const shadowUrl = () => primaryTestServer().url;
  const jestConsole = console;
  beforeAll(() => {
    ws = serviceWorkspace();
    // The batch collects what tasks write to the process's streams, as Node's console does.
    global.console = new Console({ stdout: process.stdout, stderr: process.stderr });
  });
  afterAll(() => {
    global.console = jestConsole;
    ws.remove();
  });

  it('runs each task with its own options (the --name of run-many included), after the tasks it depends on', async () => {
    const write = 'svc:migrate-generate';
    const check = 'svc:migrate-generate-check';
    const { results, order } = await runBatch(
      generateBatch,
      batchGraph([check, write], { [check]: [write] }),
      {
        [write]: { shadowUrl: shadowUrl(), name: 'add items' },
        [check]: { shadowUrl: shadowUrl(), check: true },
      },
      ws.context,
    );
    expect(order).toEqual([write, check]);
    expect(results[write].success).toBe(true);
    expect(results[write].terminalOutput).toContain(
      'svc: wrote services/svc/migrations/0001_add_items.sql and migrations.sum',
    );
    expect(results[check]).toMatchObject({ success: true });
    expect(results[check].terminalOutput).toContain('svc: models and migrations agree.');
    expect(results[check].terminalOutput).not.toContain('wrote');
    expect(readdirSync(join(ws.dir, 'migrations')).sort()).toEqual(['0001_add_items.sql', 'migrations.sum']);
  });

  it('skips a task whose dependency failed', async () => {
    const bad = 'svc:migrate-generate-bad';
    const after = 'svc:migrate-generate-after';
    const { results } = await runBatch(
      generateBatch,
      batchGraph([bad, after], { [after]: [bad] }),
      {
        [bad]: { shadowUrl: shadowUrl(), nonsense: true } as object,
        [after]: { shadowUrl: shadowUrl(), check: true },
      },
      ws.context,
    );
    expect(results[bad].success).toBe(false);
    expect(results[bad].terminalOutput).toContain('nonsense');
    expect(results[after]).toMatchObject({ success: false, status: 'skipped' });
  });
});
