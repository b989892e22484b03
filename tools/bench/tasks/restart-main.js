'use strict';
/**
 * A service's start as a whole process, like services/<name>/src/main.ts: load init-manager, bring
 * the database to the latest migration, print one line, exit. Timed from outside (spawn to exit).
 * `--floor`: the least any start that asks the database must do (load pg, connect, one query).
 */
const [url, migrationsDir, mode] = process.argv.slice(2);

if (mode === '--floor') {
  const pg = require('pg');
  const client = new pg.Client({ connectionString: url });
  client
    .connect()
    .then(() => client.query('SELECT count(*) FROM public.schema_migrations'))
    .then((result) => {
      console.log(`floor: ${result.rows[0].count} rows`);
      return client.end();
    })
    .catch((error) => {
      console.error(error.message);
      process.exitCode = 1;
    });
} else {
  const { initializeServiceDatabase } = require('@bakery-ia/init-manager');
  initializeServiceDatabase({
    service: 'bench',
    databaseUrl: url,
    migrationsDir,
    environment: 'production',
    logger: { info: () => undefined, warn: () => undefined },
  }).then(
    (result) => console.log(`bench: database ${result.mode} in ${result.durationMs} ms`),
    (error) => {
      console.error(`bench: ${error.message}`);
      process.exitCode = 1;
    },
  );
}
