import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PgSchemaError } from '../errors.js';
import { assertNotInterrupted, registerCleanup } from './cleanup.js';
import { withDatabase } from './database-url.js';

export interface ShadowDatabase {
  name: string;
  url: string;
  client: pg.Client;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database from template0 on the shadow server, with one connected client.
 * drop() closes the client and removes the database (also run on Ctrl-C); on a disposable
 * server it only closes the client, since the server and its data go at release.
 */
export async function createShadowDatabase(
  server: { url: string; disposable?: boolean },
  label: string,
): Promise<ShadowDatabase> {
  assertNotInterrupted();
  const serverUrl = server.url;
  const name = `pg_schema_shadow_${label}_${randomBytes(5).toString('hex')}`;
  const url = withDatabase(serverUrl, name);
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  // Registered before CREATE DATABASE is sent: a Ctrl-C during the create waits for it, then drops.
  let creating: Promise<void> = Promise.resolve();
  const cleanup = registerCleanup(async () => {
    await creating.catch(() => undefined);
    await client.end().catch(() => undefined);
    if (!server.disposable) {
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    }
  });
  const drop = () => cleanup.run();
  creating = adminQuery(serverUrl, `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  await creating.catch(async (error: Error & { code?: string }) => {
    // Not created (unless a Ctrl-C already runs the cleanup, which then drops IF EXISTS).
    cleanup.forget();
    const hint =
      error.code === '42501'
        ? ' This user may not create databases: use a role with CREATEDB, or leave MIGRATE_SHADOW_URL unset to use the embedded Postgres.'
        : '';
    throw new PgSchemaError(
      'SHADOW_UNAVAILABLE',
      `Could not create a shadow database: ${error.message}.${hint}`,
    );
  });
  try {
    await client.connect();
    // A throw-away database need not wait for WAL flushes: thousands of model statements each
    // commit on their own, and on a server with fsync on that wait dominated the build.
    await client.query('SET synchronous_commit = off');
  } catch (error) {
    await drop();
    throw error;
  }
  return { name, url, client, drop };
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end().catch(() => undefined);
  }
}
