'use strict';
/**
 * The Postgres server the bench uses: BENCH_DATABASE_URL, else the local server on 127.0.0.1:5432,
 * else an embedded Postgres. Every database the bench creates is named `bench_<pid>_...` and is
 * dropped at the end (also on Ctrl-C).
 */
const pg = require('pg');

const LOCAL_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
/** Child processes inherit the parent's prefix, so the parent can drop what a crashed child left. */
const prefix = process.env.BENCH_DB_PREFIX || `bench_${process.pid}_`;
process.env.BENCH_DB_PREFIX = prefix;

/** The URL of another database on the server: TCP, or a Unix socket (the embedded server has no TCP port). */
function withDatabase(url, database) {
  return require('@bakery-ia/pg-schema').withDatabase(url, database);
}

async function query(url, sql, params) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 30_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Waits until the engine's detached drops are done (no `pg_schema_shadow_trash_` database left),
 * then checkpoints: the next measurement starts from the same server state as the one before it
 * instead of sharing the disk with the previous one's drops and the checkpoint each one forces.
 */
async function settle(url, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await query(
      url,
      "SELECT count(*)::int AS n FROM pg_database WHERE datname LIKE 'pg\\_schema\\_shadow\\_trash\\_%'",
    );
    if (rows[0].n === 0 || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await query(url, 'CHECKPOINT');
}

async function answers(url) {
  try {
    await query(url, 'SELECT 1');
    return true;
  } catch {
    return false;
  }
}

async function serverFacts(url) {
  const { rows } = await query(
    url,
    `SELECT current_setting('server_version') AS version, current_setting('fsync') AS fsync,
            current_setting('synchronous_commit') AS synchronous_commit, current_setting('shared_buffers') AS shared_buffers`,
  );
  return rows[0];
}

/** Picks the server: { url, source, version, facts, stop() }; BENCH_DATABASE_URL=embedded forces the embedded one. */
async function chooseServer(log) {
  const wanted = process.env.BENCH_DATABASE_URL;
  let url = wanted === 'embedded' ? undefined : wanted;
  let source = 'BENCH_DATABASE_URL';
  let stop = async () => undefined;
  if (!url) {
    if (wanted !== 'embedded' && (await answers(LOCAL_URL))) {
      url = LOCAL_URL;
      source = 'local server 127.0.0.1:5432';
    } else {
      log(
        wanted === 'embedded'
          ? 'starting an embedded Postgres'
          : 'no server answers on 127.0.0.1:5432: starting an embedded Postgres',
      );
      const { startEmbeddedPostgres } = require('@bakery-ia/pg-schema');
      const embedded = await startEmbeddedPostgres();
      url = embedded.url;
      source =
        wanted === 'embedded'
          ? 'embedded Postgres (BENCH_DATABASE_URL=embedded)'
          : 'embedded Postgres (no server answered on 127.0.0.1:5432)';
      stop = () => embedded.stop();
    }
  }
  const facts = await serverFacts(url);
  return { url, source, version: facts.version.split(' ')[0], facts, stop };
}

function databaseName(label) {
  return `${prefix}${label}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
}

/** Creates a database (from template0, or a copy of `template`) and returns its URL. */
async function createDatabase(serverUrl, label, template = 'template0') {
  const name = databaseName(label);
  await query(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  if (template !== 'template0') {
    // A template must have no sessions (a peer tool's pool may linger for a moment).
    await query(serverUrl, 'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [
      template,
    ]);
  }
  await query(serverUrl, `CREATE DATABASE ${name} TEMPLATE ${template} ENCODING 'UTF8'`);
  return { name, url: withDatabase(serverUrl, name) };
}

async function dropDatabase(serverUrl, name) {
  await query(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

/** Drops every database of this bench run (its prefix), whoever created it; says what is left. */
async function dropAll(serverUrl) {
  const left = async () =>
    (
      await query(serverUrl, 'SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [prefix])
    ).rows.map((row) => row.datname);
  for (let attempt = 0; attempt < 2; attempt++) {
    for (const name of await left()) await dropDatabase(serverUrl, name).catch(() => undefined);
  }
  const remaining = await left();
  if (remaining.length) process.stderr.write(`bench: could not drop ${remaining.join(', ')}\n`);
}

/** Runs a whole script as one simple-query message (one implicit transaction). */
async function runScript(url, sql) {
  await query(url, sql);
}

module.exports = {
  chooseServer,
  createDatabase,
  dropDatabase,
  dropAll,
  runScript,
  query,
  settle,
  withDatabase,
  databaseName,
  prefix,
};
