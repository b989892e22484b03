import pg from 'pg';

/** A Postgres server the tests run against. */
export interface TestServer {
  /** e.g. `pg15`, used in test names. */
  label: string;
  /** Where it came from, for the run's header line. */
  origin: 'TEST_DATABASE_URL' | 'local' | 'embedded';
  /** Superuser URL of a maintenance database on that server. */
  url: string;
  majorVersion: number;
  versionNum: number;
}

export const SERVERS_ENV = 'BAKERY_TEST_SERVERS';
export const LOCAL_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** Connects and reads the server version; undefined when nothing answers in time. */
export async function probeServer(url: string, timeoutMs = 2000): Promise<number | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`);
    return Number(rows[0].v);
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function describeServer(url: string, origin: TestServer['origin'], versionNum: number): TestServer {
  const majorVersion = Math.floor(versionNum / 10000);
  return { label: `pg${majorVersion}`, origin, url, majorVersion, versionNum };
}

/** The servers chosen by the global setup of this run (in every Jest worker). */
export function testServers(): TestServer[] {
  const raw = process.env[SERVERS_ENV];
  if (!raw) {
    throw new Error(
      `${SERVERS_ENV} is not set: run the tests through Jest (jest.config.js sets up the servers).`,
    );
  }
  return JSON.parse(raw) as TestServer[];
}

/** One server (the first) for tests whose subject is not version-dependent. */
export function primaryTestServer(): TestServer {
  return testServers()[0];
}
