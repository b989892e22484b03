import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';

/**
 * DROP DATABASE waits for a checkpoint: on a busy server with fsync on, 1-4 s per database, after
 * the result is known. A shadow database is instead renamed to `pg_schema_shadow_trash_<time>_<rand>`
 * (a catalog update; nobody else ever connects to it) and dropped by a detached Node process
 * started when this one is done with the server, so the run (and the Nx task) does not wait. A
 * trash database whose dropper died is dropped by the next dropper on that server (it drops every
 * trash database nobody is connected to), and on the shared embedded server when it starts.
 * The server URL (it may carry a password) goes to the dropper in its environment, not its argv.
 */
export const TRASH_PREFIX = 'pg_schema_shadow_trash_';

export function trashName(): string {
  return `${TRASH_PREFIX}${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
}

/** Trash databases nobody is connected to (a dropper's or a run's own). */
const TRASH_SQL =
  "SELECT datname FROM pg_database d WHERE starts_with(datname, '" +
  TRASH_PREFIX +
  "') AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datid = d.oid)";

const DROPPER = String.raw`
const pg = require(process.env.PG_SCHEMA_PG_MODULE);
(async () => {
  const client = new pg.Client({ connectionString: process.env.PG_SCHEMA_TRASH_URL, connectionTimeoutMillis: 10000 });
  client.on('error', () => undefined);
  await client.connect();
  const { rows } = await client.query(process.env.PG_SCHEMA_TRASH_SQL);
  for (const { datname } of rows) {
    // A build published half way may still carry the template flag.
    await client.query('ALTER DATABASE ' + datname + ' IS_TEMPLATE false').catch(() => undefined);
    await client.query('DROP DATABASE IF EXISTS ' + datname).catch(() => undefined);
  }
  await client.end();
})().catch(() => undefined).finally(() => process.exit(0));
`;

const pendingServers = new Set<string>();
let timer: NodeJS.Timeout | undefined;
let hooked = false;

/**
 * Schedules one dropper for `serverUrl` (a few ms later, or at exit: whichever comes first);
 * `now`: started at once, for a caller whose process may end before either (a killed one runs
 * no exit hook). Eviction on a shared server asks for it: a CI run there left 4 evicted entries
 * in the trash for good; whether their dropper never started (a Jest worker ended early) or one of
 * its drops was refused was not established.
 */
export function dropInBackground(serverUrl: string, { now = false } = {}): void {
  pendingServers.add(serverUrl);
  if (now) return startDroppers();
  if (!hooked) {
    hooked = true;
    process.on('exit', startDroppers);
  }
  clearTimeout(timer);
  timer = setTimeout(startDroppers, 200);
  timer.unref();
}

function startDroppers(): void {
  clearTimeout(timer);
  for (const url of pendingServers) {
    try {
      const child = spawn(process.execPath, ['-e', DROPPER], {
        detached: true,
        stdio: 'ignore',
        env: {
          ...process.env,
          PG_SCHEMA_TRASH_URL: url,
          PG_SCHEMA_TRASH_SQL: TRASH_SQL,
          PG_SCHEMA_PG_MODULE: require.resolve('pg'),
        },
      });
      child.on('error', () => undefined);
      child.unref();
    } catch {
      // dropped by the next run's dropper
    }
  }
  pendingServers.clear();
}
