import pg from 'pg';
import { describeDatabaseUrl, maskSecrets } from '@bakery-ia/init-manager';
import { PgSchemaError } from '../errors.js';
import { assertNotInterrupted, InterruptedError } from './cleanup.js';
import { cacheEnabled } from '../cache/cache-mode.js';
import { startEmbeddedPostgres } from './embedded-server.js';
import { acquireSharedEmbedded } from './shared-embedded.js';

export interface ShadowServer {
  /** Superuser-ish URL of a maintenance database on the server. */
  url: string;
  /** `embedded PostgreSQL 18.4` or `PostgreSQL 15.20 at host:port`. */
  description: string;
  majorVersion: number;
  /**
   * The whole server is thrown away at release (embedded): its databases need no DROP DATABASE,
   * whose checkpoint was the slowest step of a run on large schemas.
   */
  disposable: boolean;
  /** Only pg-schema uses the server (the workspace's embedded one): no real database lives there. */
  private?: boolean;
  release(): Promise<void>;
}

/**
 * The server that holds throw-away shadow databases: `shadowUrl` (MIGRATE_SHADOW_URL) when given,
 * to match production's major version; otherwise an embedded Postgres started for this run.
 */
export async function acquireShadowServer(shadowUrl: string | undefined): Promise<ShadowServer> {
  if (shadowUrl) {
    const version = await serverVersion(shadowUrl, 10_000).catch((error: Error) => {
      throw new PgSchemaError(
        'SHADOW_UNAVAILABLE',
        `The shadow server ${describeDatabaseUrl(shadowUrl)} does not answer: ${maskSecrets(error.message)}. ` +
          `Check MIGRATE_SHADOW_URL / --shadow-url, or unset it to use the embedded Postgres.`,
      );
    });
    return {
      url: shadowUrl,
      description: `PostgreSQL ${version.text} (${describeDatabaseUrl(shadowUrl)})`,
      majorVersion: version.major,
      disposable: false,
      release: async () => undefined,
    };
  }
  if (cacheEnabled()) return sharedEmbedded();
  let embedded;
  try {
    assertNotInterrupted();
    // The server registers its own cleanup (stop, remove its folder) from its first step on.
    embedded = await startEmbeddedPostgres();
  } catch (error) {
    if (error instanceof InterruptedError) throw error;
    throw new PgSchemaError(
      'SHADOW_UNAVAILABLE',
      `${(error as Error).message}\nSet MIGRATE_SHADOW_URL to a Postgres server where this user may create databases instead.`,
    );
  }
  try {
    const version = await serverVersion(embedded.url, 10_000);
    return {
      url: embedded.url,
      description: `embedded PostgreSQL ${version.text}`,
      majorVersion: version.major,
      disposable: true,
      release: () => embedded.stop(),
    };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}

/**
 * The workspace's persistent embedded server (shared-embedded.ts): its databases are dropped as
 * on any shared server, and the cached templates stay in it between runs.
 */
async function sharedEmbedded(): Promise<ShadowServer> {
  let shared;
  try {
    assertNotInterrupted();
    shared = await acquireSharedEmbedded();
  } catch (error) {
    if (error instanceof InterruptedError) throw error;
    throw new PgSchemaError(
      'SHADOW_UNAVAILABLE',
      `Could not start the embedded Postgres: ${(error as Error).message}\nSet PG_SCHEMA_CACHE=off for a throw-away server in the temp folder, or MIGRATE_SHADOW_URL to a Postgres server where this user may create databases.`,
    );
  }
  try {
    const version = await serverVersion(shared.url, 10_000);
    return {
      url: shared.url,
      description: `embedded PostgreSQL ${version.text}`,
      majorVersion: version.major,
      disposable: false,
      private: true,
      release: () => shared.release(),
    };
  } catch (error) {
    await shared.release();
    throw error;
  }
}

async function serverVersion(url: string, timeoutMs: number): Promise<{ major: number; text: string }> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ num: string; text: string }>(
      `SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS text`,
    );
    return { major: Math.floor(Number(rows[0].num) / 10000), text: rows[0].text.split(' ')[0] };
  } finally {
    await client.end().catch(() => undefined);
  }
}
