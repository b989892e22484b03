'use strict';
/**
 * The floor: Postgres alone. Two fresh databases, each script sent as one simple-query message
 * (one implicit transaction, no client-side splitting), one catalog read each, then both dropped.
 * The two builds run in parallel, as our engine builds its two shadow databases.
 */
const { readFileSync } = require('node:fs');
const { performance } = require('node:perf_hooks');
const { createDatabase, dropDatabase, runScript, query } = require('../lib/server.js');

const CATALOG_READ = `
SELECT n.nspname, c.relname, c.relkind, a.attname, format_type(a.atttypid, a.atttypmod) AS type
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
 WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')`;

module.exports = async function floor({ serverUrl, beforeFile, afterFile, label }) {
  const scripts = [readFileSync(beforeFile, 'utf8'), readFileSync(afterFile, 'utf8')];
  const parts = {};
  const time = async (part, run) => {
    const started = performance.now();
    const result = await run();
    parts[part] = performance.now() - started;
    return result;
  };
  const started = performance.now();
  const dbs = await time('create databases', () =>
    Promise.all(['a', 'b'].map((side) => createDatabase(serverUrl, `floor_${label}_${side}`))),
  );
  await time('build schemas', () => Promise.all(dbs.map((db, i) => runScript(db.url, scripts[i]))));
  const rows = await time('catalog read', () => Promise.all(dbs.map((db) => query(db.url, CATALOG_READ))));
  await time('cleanup', () => Promise.all(dbs.map((db) => dropDatabase(serverUrl, db.name))));
  const ms = performance.now() - started;
  return { ms, timings: parts, rows: rows.map((r) => r.rowCount) };
};
