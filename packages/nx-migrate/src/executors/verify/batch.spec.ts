import { Console } from 'node:console';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { primaryTestServer } from '@bakery-ia/test-db';
import { captureConsole, serviceWorkspace } from '../test-support/service-workspace';
import generateExecutor from '../generate/executor';
import { batchGraph, runBatch } from '../test-support/batch-run';
import verifyBatch from './batch';

describe('migrate-verify batch', () => {
  let ws: ReturnType<typeof serviceWorkspace>;
  const shadowUrl = () => primaryTestServer().url;
  const jestConsole = console;
  beforeAll(async () => {
    ws = serviceWorkspace();
    await captureConsole(() => generateExecutor({ shadowUrl: shadowUrl() }, ws.context));
    // The batch collects what tasks write to the process's streams, as Node's console does.
    global.console = new Console({ stdout: process.stdout, stderr: process.stderr });
  });
  afterAll(() => {
    global.console = jestConsole;
    ws.remove();
  });

  const run = async (ids: string[], options: Record<string, object>) =>
    (await runBatch(verifyBatch, batchGraph(ids), options, ws.context)).results;

  it("runs each task with its own options and hands Nx each one's output", async () => {
    const results = await run(['svc:migrate-verify', 'svc:migrate-verify-junit'], {
      'svc:migrate-verify': { shadowUrl: shadowUrl() },
      'svc:migrate-verify-junit': { shadowUrl: shadowUrl(), outputFormat: 'junit' },
    });
    expect(results['svc:migrate-verify'].success).toBe(true);
    expect(results['svc:migrate-verify'].terminalOutput).toContain('All checks passed');
    expect(results['svc:migrate-verify-junit'].success).toBe(true);
    expect(results['svc:migrate-verify-junit'].terminalOutput).toContain('<testsuite name="svc"');
    expect(results['svc:migrate-verify'].terminalOutput).not.toContain('<testsuite');
  });

  it('fails a task with its own message, and the others still run', async () => {
    writeFileSync(join(ws.dir, 'models', '02.sql'), 'CREATE TABLE extra (id int);\n');
    try {
      const results = await run(['svc:migrate-verify', 'svc:bad-option'], {
        'svc:migrate-verify': { shadowUrl: shadowUrl() },
        'svc:bad-option': { shadowUrl: shadowUrl(), databaseUrl: 'postgres://x@h/db' },
      });
      expect(results['svc:migrate-verify'].success).toBe(false);
      expect(results['svc:migrate-verify'].terminalOutput).toMatch(/model change without a migration/);
      expect(results['svc:bad-option'].success).toBe(false);
      expect(results['svc:bad-option'].terminalOutput).toContain(
        'a live database cannot be part of a cached target',
      );
    } finally {
      writeFileSync(join(ws.dir, 'models', '02.sql'), '');
    }
  });
});
