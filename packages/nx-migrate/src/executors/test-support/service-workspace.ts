import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExecutorContext } from '@nx/devkit';

/** A temp workspace with one service folder, and the ExecutorContext an executor gets for it. */
export function serviceWorkspace(
  config: Record<string, unknown> = {},
  models = 'CREATE TABLE items (id int PRIMARY KEY);\n',
) {
  const root = mkdtempSync(join(tmpdir(), 'nx-migrate-exec-'));
  const dir = join(root, 'services', 'svc');
  mkdirSync(join(dir, 'models'), { recursive: true });
  writeFileSync(join(dir, 'migrate.config.json'), JSON.stringify({ service: 'svc', ...config }));
  writeFileSync(join(dir, 'models', '01.sql'), models);
  const context = {
    root,
    cwd: root,
    isVerbose: false,
    projectName: 'svc',
    projectsConfigurations: { version: 2, projects: { svc: { root: 'services/svc' } } },
    nxJsonConfiguration: {},
  } as unknown as ExecutorContext;
  return { root, dir, context, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** Captures console output of a block, for asserting on messages. */
export async function captureConsole<T>(run: () => Promise<T>): Promise<{ result: T; output: string }> {
  const lines: string[] = [];
  const original = {
    log: console.log,
    error: console.error,
    warn: console.warn,
    write: process.stdout.write.bind(process.stdout),
  };
  console.log = (...args: unknown[]) => lines.push(args.join(' '));
  console.error = (...args: unknown[]) => lines.push(args.join(' '));
  console.warn = (...args: unknown[]) => lines.push(args.join(' '));
  process.stdout.write = ((chunk: string) => {
    lines.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  try {
    const result = await run();
    return { result, output: lines.join('\n') };
  } finally {
    console.log = original.log;
    console.error = original.error;
    console.warn = original.warn;
    process.stdout.write = original.write;
  }
}
