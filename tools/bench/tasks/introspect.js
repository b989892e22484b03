'use strict';
/** One introspectCatalog of an existing database (the engine's catalog read alone). */
const { performance } = require('node:perf_hooks');
const pg = require('pg');
const { introspectCatalog } = require('@bakery-ia/pg-schema');

module.exports = async function introspect({ url }) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    const catalog = await introspectCatalog(client);
    const ms = performance.now() - started;
    return { ms, tables: Object.keys(catalog.tables).length };
  } finally {
    await client.end();
  }
};
