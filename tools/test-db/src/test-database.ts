import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestServer } from './servers';
import { withDatabase } from '../../../packages/pg-schema/src/shadow/database-url';

export interface TestDatabase {
  name: string;
  url: string;
  server: TestServer;
  /** A connected client on the database, closed by drop(). */
  client(): Promise<pg.Client>;
  drop(): Promise<void>;
}

/** The URL of another database on the server (TCP or Unix socket URL, as the embedded one is). */
export function databaseUrl(serverUrl: string, database: string): string {
  return withDatabase(serverUrl, database);
}

/** Runs one statement on the server's maintenance database. */
export async function adminQuery(server: TestServer, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** A fresh, empty database (from template0) with a unique name; drop() removes it and its clients. */
export async function createTestDatabase(server: TestServer, prefix = 't'): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await adminQuery(server, `CREATE DATABASE ${name} TEMPLATE template0`);
  const url = databaseUrl(server.url, name);
  const clients: pg.Client[] = [];
  return {
    name,
    url,
    server,
    async client() {
      const client = new pg.Client({ connectionString: url });
      client.on('error', () => undefined);
      await client.connect();
      clients.push(client);
      return client;
    },
    async drop() {
      await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
      await adminQuery(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
