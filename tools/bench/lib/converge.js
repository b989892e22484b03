'use strict';
/**
 * Did a tool's up SQL work? Copy the "before" database, apply the SQL, then re-diff the result
 * against the "after" database with our engine (empty diff: converged) and compare identity
 * options, comments and enum labels straight from pg_catalog.
 */
const pg = require('pg');
const { introspectCatalog, diffCatalogs, describeChange } = require('@bakery-ia/pg-schema');
const { createDatabase, dropDatabase } = require('./server.js');
const { readFeatures, compareFeatures } = require('./features.js');

async function withClient(url, run) {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Our plan's steps: a transactional step in one transaction, others statement by statement. */
async function applySteps(client, steps) {
  for (const step of steps) {
    if (step.transactional) {
      await client.query('BEGIN');
      try {
        for (const sql of step.statements) await client.query(sql);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    } else {
      for (const sql of step.statements) await client.query(sql);
    }
  }
}

/** A peer's script as one simple-query message: one implicit transaction, like `psql -1 -f`. */
async function applyScript(client, sql) {
  if (sql.trim()) await client.query(sql);
}

/**
 * @param after {{ url: string, catalog: object, features: object }} the target, read once per size
 * @param apply (client) => Promise<void>
 */
async function checkConvergence(serverUrl, { label, beforeDb, after, apply }) {
  const copy = await createDatabase(serverUrl, `conv_${label}`, beforeDb);
  try {
    let error;
    await withClient(copy.url, (client) => apply(client)).catch((e) => (error = e));
    if (error) return { applied: false, converged: false, error: firstLine(error.message), residual: [] };
    const catalog = await withClient(copy.url, (client) => introspectCatalog(client));
    const residual = diffCatalogs(catalog, after.catalog).changes.map(describeChange);
    const lost = compareFeatures(await readFeatures(copy.url), after.features);
    return { applied: true, converged: residual.length === 0, residual, lost };
  } finally {
    await dropDatabase(serverUrl, copy.name);
  }
}

/** What convergence compares against, read once per size. */
async function readTarget(url) {
  const catalog = await withClient(url, (client) => introspectCatalog(client));
  return { url, catalog, features: await readFeatures(url) };
}

function firstLine(text) {
  return String(text).split('\n')[0].slice(0, 300);
}

module.exports = { checkConvergence, readTarget, applySteps, applyScript };
