import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { PgSchemaError } from '../errors.js';
import { assertNotInterrupted, installSignalHandlers, registerCleanup } from '../shadow/cleanup.js';

/** In the migrations folder; not a `.sql` file, so readers of migrations never see it. */
export const LOCK_FILE = '.pg-schema-generate.lock';

export interface LockHolder {
  pid: number;
  host: string;
  since: string;
  token: string;
}

export interface LockOptions {
  /** How long to wait for another generate of the same folder; default 60 s. */
  timeoutMs?: number;
  /** Called once when the lock is held by someone else and this run starts waiting. */
  onWait?: (message: string) => void;
  pollMs?: number;
}

export interface GenerateLock {
  release(): Promise<void>;
}

/** A stale break that crashed midway leaves its marker; older than this it is ignored. */
const BREAK_MARKER_STALE_MS = 10_000;

/**
 * Takes the exclusive lock of one migrations folder, so two generates of one service never both
 * number a migration from the same listing. The lock file is created complete and atomically
 * (written under a unique name, then hard-linked into place: link fails if it exists) and holds
 * the holder's pid, host and start time. A holder on this host whose process is gone is stale and
 * removed; one on another host (a shared folder) is never guessed dead. Waits up to `timeoutMs`,
 * then stops with the holder and the way out. Released by `release()` and on SIGINT/SIGTERM.
 */
export async function acquireGenerateLock(
  migrationsDir: string,
  options: LockOptions = {},
): Promise<GenerateLock> {
  // A Ctrl-C while waiting exits 130 like one later in the run.
  installSignalHandlers();
  const timeoutMs = options.timeoutMs ?? 60_000;
  const pollMs = options.pollMs ?? 200;
  const path = join(migrationsDir, LOCK_FILE);
  const me: LockHolder = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    token: randomBytes(8).toString('hex'),
  };
  const createdDir = ensureDir(migrationsDir);
  const deadline = Date.now() + timeoutMs;
  let waited = false;
  while (true) {
    assertNotInterrupted();
    const holder = tryCreate(path, me);
    if (holder === 'acquired') break;
    if (holder === 'retry') continue;
    if (isStale(holder)) {
      breakStale(path, holder);
      continue;
    }
    if (Date.now() >= deadline) {
      removeIfEmpty(migrationsDir, createdDir);
      throw new PgSchemaError(
        'LOCKED',
        `Another generate of ${migrationsDir} holds ${path} (${describeHolder(holder)}) and did not finish within ` +
          `${Math.round(timeoutMs / 1000)} s. Wait for it and run again; if no generate runs there any more, delete ${path}.`,
      );
    }
    if (!waited) {
      waited = true;
      options.onWait?.(
        `waiting for another generate of ${migrationsDir} (${describeHolder(holder)}, lock ${path})...`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs + Math.floor(Math.random() * pollMs)));
  }
  const cleanup = registerCleanup(async () => {
    // Only our own lock: a stale-lock breaker may have replaced it (it never should, but be safe).
    if (readHolder(path)?.token === me.token) rmSync(path, { force: true });
    removeIfEmpty(migrationsDir, createdDir);
  });
  return { release: () => cleanup.run() };
}

/** `acquired`, `retry` (it was released meanwhile), or who holds it. */
function tryCreate(path: string, me: LockHolder): 'acquired' | 'retry' | LockHolder {
  const temp = `${path}.${me.pid}.${me.token}.tmp`;
  try {
    writeFileSync(temp, JSON.stringify(me) + '\n', { flag: 'wx', mode: 0o644 });
  } catch (error) {
    // The folder was removed by a generate that created it and wrote nothing.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dirname(path), { recursive: true });
    return 'retry';
  }
  try {
    linkSync(temp, path);
    return 'acquired';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readHolder(path) ?? 'retry';
  } finally {
    rmSync(temp, { force: true });
  }
}

function readHolder(path: string): LockHolder | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (parsed && typeof parsed === 'object' && 'pid' in parsed && 'host' in parsed && 'token' in parsed) {
      const { pid, host, token } = parsed;
      const since = 'since' in parsed ? String(parsed.since) : '';
      if (typeof pid === 'number' && typeof host === 'string' && typeof token === 'string')
        return { pid, host, since, token };
    }
    // Not a lock we wrote: treat it as held by an unknown process elsewhere (never removed).
    return { pid: 0, host: 'unknown (unreadable lock file)', since: '', token: 'foreign' };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return { pid: 0, host: 'unknown (unreadable lock file)', since: '', token: 'foreign' };
  }
}

/** A holder on this host whose process no longer runs. */
export function isStale(holder: LockHolder): boolean {
  if (holder.host !== hostname() || holder.pid <= 0) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Removes a stale lock, unless someone else replaced it meanwhile: breakers take turns through
 * a marker file (created exclusively), and only the lock still holding the stale token goes.
 */
function breakStale(path: string, stale: LockHolder): void {
  const marker = `${path}.break`;
  try {
    writeFileSync(marker, String(process.pid), { flag: 'wx' });
  } catch {
    try {
      if (Date.now() - statSync(marker).mtimeMs > BREAK_MARKER_STALE_MS) rmSync(marker, { force: true });
    } catch {
      // the other breaker just finished
    }
    return;
  }
  try {
    if (readHolder(path)?.token === stale.token) rmSync(path, { force: true });
  } finally {
    rmSync(marker, { force: true });
  }
}

function describeHolder(holder: LockHolder): string {
  const since = holder.since ? ` since ${holder.since}` : '';
  return holder.pid > 0 ? `pid ${holder.pid} on host ${holder.host}${since}` : `held by ${holder.host}`;
}

/** Creates the folder for the lock; true when it did not exist (removed again if nothing is written). */
function ensureDir(dir: string): boolean {
  try {
    statSync(dir);
    return false;
  } catch {
    mkdirSync(dir, { recursive: true });
    return true;
  }
}

function removeIfEmpty(dir: string, created: boolean): void {
  if (!created) return;
  try {
    rmdirSync(dir);
  } catch {
    // not empty (a migration was written, or another generate's lock): keep it
  }
}
