// Runs initializeServiceDatabase from the compiled package in its own process, as a service would,
// and prints the result (or the error code and message) as one JSON line, with how many queries
// it sent and whether it loaded the SQL parser.
const pg = require('pg');
const { initializeServiceDatabase, isSqlParserLoaded } = require('../../dist/index.js');

let queries = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(...args) {
  queries++;
  return query.apply(this, args);
};

initializeServiceDatabase({
  service: process.env.SERVICE || 'svc',
  databaseUrl: process.env.DATABASE_URL,
  migrationsDir: process.env.MIGRATIONS_DIR,
  environment: process.env.TEST_ENVIRONMENT || 'test',
  lockWaitTimeoutMs: Number(process.env.LOCK_WAIT_MS || 120000),
  // 20 processes starting at once on a loaded 2-core machine can take a while to connect.
  connectDeadlineMs: 120000,
  logger: { info: () => undefined, warn: () => undefined },
}).then(
  (result) =>
    console.log(
      JSON.stringify({
        ok: true,
        mode: result.mode,
        applied: result.applied.map((m) => m.version),
        skipped: result.skipped,
        queries,
        parserLoaded: isSqlParserLoaded(),
      }),
    ),
  (error) => {
    console.log(
      JSON.stringify({
        ok: false,
        code: error.code,
        message: error.message,
        queries,
        parserLoaded: isSqlParserLoaded(),
      }),
    );
    process.exitCode = 1;
  },
);
