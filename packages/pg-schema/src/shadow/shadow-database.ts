import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PgSchemaError } from '../errors.js';
import { quoteLiteral } from '../render/sql-text.js';
import { assertNotInterrupted, registerCleanup } from './cleanup.js';
import { dropInBackground, trashName } from './background-drop.js';
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
  server: { url: string; disposable?: boolean; private?: boolean },
  label: string,
  options: {
    /** A cached schema to copy (CREATE DATABASE ... TEMPLATE); default template0 (empty). */
    template?: string;
    /** The database's name; default `pg_schema_shadow_<label>_<random>`. */
    name?: string;
    /** Take this existing database over (renamed to the new name) instead of creating one. */
    adopt?: string;
    /** The session refuses writes (default_transaction_read_only): a copy that must stay as built. */
    readOnly?: boolean;
  } = {},
): Promise<ShadowDatabase> {
  assertNotInterrupted();
  const serverUrl = server.url;
  const name = options.name ?? `pg_schema_shadow_${label}_${randomBytes(5).toString('hex')}`;
  const url = withDatabase(serverUrl, name);
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  // Registered before CREATE DATABASE is sent: a Ctrl-C during the create waits for it, then drops.
  let creating: Promise<void> = Promise.resolve();
  const cleanup = registerCleanup(async () => {
    await creating.catch(() => undefined);
    // A session busy with a statement (a long migration at Ctrl-C) closes only when the statement
    // ends: do not wait for it, DROP ... WITH (FORCE) below ends it.
    await Promise.race([
      client.end().catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, 1000).unref()),
    ]);
    if (server.disposable) return;
    // On the workspace's own embedded server: renamed out of the way and dropped by a detached
    // process (background-drop.ts), so no run waits for DROP DATABASE's checkpoint. On a shared
    // server the drop is done here: the server's other users (and the roles a run made, which
    // DROP ROLE keeps while a database holds their grants) must not meet our leftovers, and a test
    // suite's hundreds of drops must not pile up behind it.
    const renamed = server.private && (await renameWhenFree(serverUrl, name, trashName()));
    if (renamed) dropInBackground(serverUrl);
    else await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
  });
  const drop = () => cleanup.run();
  creating = options.adopt
    ? adminQuery(serverUrl, `ALTER DATABASE ${options.adopt} RENAME TO ${name}`)
    : options.template
      ? cloneQuery(serverUrl, `CREATE DATABASE ${name} TEMPLATE ${options.template}`)
      : adminQuery(serverUrl, `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  await creating.catch(async (error: Error & { code?: string }) => {
    // Not created (unless a Ctrl-C already runs the cleanup, which then drops IF EXISTS).
    cleanup.forget();
    const hint =
      error.code === '42501'
        ? ' This user may not create databases: use a role with CREATEDB, or leave MIGRATE_SHADOW_URL unset to use the embedded Postgres.'
        : '';
    // A cached template dropped meanwhile (evicted by another run): the caller builds instead.
    if ((options.template || options.adopt) && ['3D000', '55006'].includes(error.code ?? '')) throw error;
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
    if (options.readOnly) await client.query('SET default_transaction_read_only = on');
  } catch (error) {
    await drop();
    throw error;
  }
  return { name, url, client, drop };
}

/** ALTER DATABASE ... RENAME, retried briefly while our own session to it is still closing (55006). */
async function renameWhenFree(serverUrl: string, from: string, to: string): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    // RENAME waits 5 s for other sessions before it fails: a session of ours still busy with a
    // statement (Ctrl-C during a long migration) is ended first (nobody else uses a shadow database).
    await adminQuery(
      serverUrl,
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ${quoteLiteral(from)} AND pid <> pg_backend_pid()`,
    ).catch(() => undefined);
    try {
      await adminQuery(serverUrl, `ALTER DATABASE ${from} RENAME TO ${to}`);
      return true;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt >= 3) return false;
    }
  }
}

/**
 * CREATE DATABASE ... TEMPLATE fails (55006) while any session is connected to the template. Our
 * cached templates refuse connections (datallowconn false), so only a session still closing (a
 * build that just published) or a stray superuser can be in the way: wait a little and retry.
 */
async function cloneQuery(serverUrl: string, sql: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await adminQuery(serverUrl, sql);
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt >= 40) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

export async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end().catch(() => undefined);
  }
}
