import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const SCRIPT = join(__dirname, 'start-service.js');

/** What test-support/start-service.js prints. */
export interface Outcome {
  ok: boolean;
  mode?: string;
  applied?: string[];
  skipped?: number;
  code?: string;
  message?: string;
  /** Queries the process sent (pg's Client.prototype.query calls). */
  queries?: number;
  parserLoaded?: boolean;
}

/** Starts initializeServiceDatabase in its own Node process, as a service does. */
export function startService(env: Record<string, string>): { child: ChildProcess; done: Promise<Outcome> } {
  const child = spawn(process.execPath, [SCRIPT], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  child.stderr!.on('data', (chunk) => (out += chunk));
  const done = new Promise<Outcome>((resolve) =>
    child.on('close', () => {
      const line = out.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(line) as Outcome);
      } catch {
        resolve({ ok: false, message: out });
      }
    }),
  );
  return { child, done };
}

export async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
