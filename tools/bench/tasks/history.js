'use strict';
/**
 * The long history, in a fresh process each time (as a service starts):
 * - replay: readMigrations, then applyMigrations into a fresh database (the engine's shadow replay);
 * - init: initializeServiceDatabase on the given database (empty, or with everything applied), timed
 *   inside the process, with its own split of the time (files, connect) and whether it loaded the
 *   SQL parser (a restart with everything applied must not).
 */
const { performance } = require('node:perf_hooks');
const pg = require('pg');
const {
  readMigrations,
  applyMigrations,
  initializeServiceDatabase,
  silentLogger,
  isSqlParserLoaded,
} = require('@bakery-ia/init-manager');

async function replay({ url, migrationsDir }) {
  const readStarted = performance.now();
  const migrations = await readMigrations(migrationsDir);
  const readMs = performance.now() - readStarted;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    const result = await applyMigrations(client, migrations);
    const ms = performance.now() - started;
    if (result.error) throw result.error;
    return { ms, readMs, applied: result.results.length };
  } finally {
    await client.end();
  }
}

async function init({ url, migrationsDir }) {
  const started = performance.now();
  const result = await initializeServiceDatabase({
    service: 'bench',
    databaseUrl: url,
    migrationsDir,
    environment: 'production',
    logger: silentLogger,
  });
  return {
    ms: performance.now() - started,
    mode: result.mode,
    applied: result.applied.length,
    skipped: result.skipped,
    filesMs: result.timings.filesMs,
    connectMs: result.timings.connectMs,
    parserLoaded: isSqlParserLoaded(),
  };
}

module.exports = async function history(args) {
  if (args.mode === 'replay') return replay(args);
  if (args.mode === 'init') return init(args);
  throw new Error(`unknown history mode ${args.mode}`);
};
