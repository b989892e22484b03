'use strict';
/**
 * Scratch databases of one run, named `real_history_<pid>_<label>`: created from template0,
 * dropped at the end, on Ctrl-C (synchronously, with psql, before the engine's own handler exits
 * the process), and at the start of a later run when the process that made them is gone.
 */
const { execFileSync } = require('node:child_process');
const pg = require('pg');

const PREFIX = 'real_history_';
const prefix = `${PREFIX}${process.pid}_`;

function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** The URL without its password, for messages. */
function describeUrl(url) {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return 'the server';
  }
}

async function query(url, sql, params) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 15_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function serverVersion(url) {
  const { rows } = await query(
    url,
    `SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS text`,
  );
  return { major: Math.floor(Number(rows[0].num) / 10000), text: rows[0].text.split(' ')[0] };
}

function databaseName(label) {
  return `${prefix}${label}`
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .slice(0, 63);
}

/** The databases created on each server, for the final and the Ctrl-C cleanup. */
const created = new Map();

let counter = 0;

async function createDatabase(serverUrl, label) {
  const name = databaseName(`${label}_${++counter}`);
  await query(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  if (!created.has(serverUrl)) created.set(serverUrl, new Set());
  created.get(serverUrl).add(name);
  await query(serverUrl, `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  return { name, url: withDatabase(serverUrl, name), drop: () => dropDatabase(serverUrl, name) };
}

async function dropDatabase(serverUrl, name) {
  await query(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  created.get(serverUrl)?.delete(name);
}

const dropping = new Set();

/** Drops in the background; dropCreated() waits for it. */
function dropLater(db) {
  const pending = db.drop().catch(() => undefined);
  dropping.add(pending);
  void pending.finally(() => dropping.delete(pending));
}

async function dropCreated() {
  await Promise.all([...dropping]);
  for (const [serverUrl, names] of created) {
    for (const name of [...names]) await dropDatabase(serverUrl, name).catch(() => undefined);
  }
}

/** Ctrl-C: drop what is left with psql, synchronously (the process may exit right after). */
function dropCreatedSync(psql) {
  for (const [serverUrl, names] of created) {
    for (const name of names) {
      try {
        execFileSync(
          psql,
          ['-X', '-q', '-d', serverUrl, '-c', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`],
          {
            stdio: 'ignore',
            timeout: 10_000,
          },
        );
      } catch {
        // the server may be gone (embedded, stopped first): nothing to keep then
      }
    }
  }
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Drops the scratch databases of earlier runs whose process no longer exists; returns their names. */
async function dropStale(serverUrl) {
  const { rows } = await query(serverUrl, `SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [
    PREFIX,
  ]);
  const stale = rows
    .map((row) => row.datname)
    .filter((name) => {
      const pid = Number(/^real_history_(\d+)_/.exec(name)?.[1]);
      return pid && pid !== process.pid && !processAlive(pid);
    });
  for (const name of stale)
    await query(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
  return stale;
}

module.exports = {
  query,
  serverVersion,
  withDatabase,
  describeUrl,
  createDatabase,
  dropLater,
  dropCreated,
  dropCreatedSync,
  dropStale,
  databaseName,
};
