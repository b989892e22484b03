import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type pg from 'pg';

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

/** A statement that sleeps 60 s while the table control.sleep_flag exists, else returns at once. */
export const SLEEP_WHILE_FLAGGED =
  "SELECT pg_sleep(CASE WHEN to_regclass('control.sleep_flag') IS NULL THEN 0 ELSE 60 END);";

/**
 * Starts a service process whose pending migration runs SLEEP_WHILE_FLAGGED, kills it with SIGKILL
 * inside that sleep and waits until the server has ended its backend (rolled its transaction back).
 * The flag is gone afterwards, so the next start runs through.
 */
export async function killMidMigration(client: pg.Client, env: Record<string, string>): Promise<void> {
  await client.query('CREATE SCHEMA control; CREATE TABLE control.sleep_flag ()');
  const first = startService(env);
  const backendPid = await waitFor(async () => {
    const { rows } = await client.query(
      // A step is one message (BEGIN; ...; COMMIT): look for the sleep inside it.
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%SELECT pg_sleep(CASE%' AND state = 'active' AND pid <> pg_backend_pid()`,
    );
    return rows[0]?.pid as number | undefined;
  });
  first.child.kill('SIGKILL');
  await first.done;
  // The server notices the dead client (client_connection_check_interval) and rolls back.
  await waitFor(async () => {
    const { rows } = await client.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [backendPid]);
    return rows.length === 0 ? true : undefined;
  });
  await client.query('DROP TABLE control.sleep_flag');
}
