import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { startEmbeddedPostgres as StartEmbedded } from '../../../packages/pg-schema/src/shadow/embedded-server';
import { describeServer, LOCAL_SERVER_URL, probeServer, SERVERS_ENV, type TestServer } from './servers';

interface EmbeddedHandle {
  stop(): Promise<void>;
}
declare global {
  var __bakeryEmbeddedServer: EmbeddedHandle | undefined;
}

const ROOT = join(__dirname, '..', '..', '..');

/**
 * Picks the servers for the whole run: TEST_DATABASE_URL alone when set; otherwise the local
 * server when it answers and an embedded one (PG18), so suites run on both majors. Also builds
 * the packages, since some tests start child processes that run the compiled code.
 */
export default async function globalSetup(): Promise<void> {
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-b'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  const servers: TestServer[] = [];
  const explicit = process.env.TEST_DATABASE_URL;
  if (explicit) {
    const version = await probeServer(explicit, 10_000);
    if (!version)
      throw new Error(`TEST_DATABASE_URL does not answer (${explicit.replace(/:[^:@/]*@/, ':***@')}).`);
    servers.push(describeServer(explicit, 'TEST_DATABASE_URL', version));
  } else {
    const localVersion = await probeServer(LOCAL_SERVER_URL);
    if (localVersion) servers.push(describeServer(LOCAL_SERVER_URL, 'local', localVersion));
    if (process.env.TEST_EMBEDDED_POSTGRES !== 'off') {
      // The compiled engine (built above): the global setup runs outside Jest's module mapping.
      const { startEmbeddedPostgres } = require(
        join(ROOT, 'packages', 'pg-schema', 'dist', 'shadow', 'embedded-server.js'),
      ) as { startEmbeddedPostgres: typeof StartEmbedded };
      const embedded = await startEmbeddedPostgres();
      globalThis.__bakeryEmbeddedServer = embedded;
      const version = await probeServer(embedded.url, 10_000);
      servers.push(describeServer(embedded.url, 'embedded', version ?? 180000));
    }
  }
  if (servers.length === 0) throw new Error('No Postgres server for the tests.');
  process.env[SERVERS_ENV] = JSON.stringify(servers);
  process.env.BAKERY_TEST_PRIMARY_URL = servers[0].url;
  const list = servers.map((s) => `PostgreSQL ${formatVersion(s.versionNum)} (${s.origin})`).join(', ');
  console.log(`\nTest databases on: ${list}`);
}

function formatVersion(versionNum: number): string {
  return `${Math.floor(versionNum / 10000)}.${versionNum % 100}`;
}
