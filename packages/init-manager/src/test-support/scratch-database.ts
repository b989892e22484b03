import { createTestDatabase, type TestDatabase, type TestServer } from '@bakery-ia/test-db';
import type pg from 'pg';
import type { MigrationFile } from '../migration-file';
import { readMigrations } from '../read-migrations';
import { migrationsFolder, removeFolder } from './migrations-fixture';

/** What each test of a suite gets afresh; everything of it is gone after the test. */
export interface ScratchDatabase {
  /** The test's own empty database (from template0); `db.client()` opens more sessions. */
  readonly db: TestDatabase;
  /** A session on it, connected before the test. */
  readonly client: pg.Client;
  /** A temp folder of the given files (with migrations.sum unless `withSum: false`). */
  folder(files: Record<string, string>, options?: { withSum?: boolean }): string;
  /** The migrations of a new folder of the given files, as the applier reads them. */
  read(files: Record<string, string>): Promise<MigrationFile[]>;
  /** The first row a query on `client` returns. */
  one(sql: string): Promise<Record<string, unknown>>;
  /** Drops the database and starts the test on a new one (a role cannot go while a database holds grants to it). */
  renew(): Promise<void>;
}

/**
 * Registers beforeEach/afterEach in the calling describe block (the suite of one server, from
 * describeEachServer), so every test runs on a database of its own named `<prefix>_<hex>`.
 */
export function scratchDatabase(server: TestServer, prefix = 't'): ScratchDatabase {
  let db: TestDatabase | undefined;
  let client: pg.Client | undefined;
  const folders: string[] = [];
  const open = async () => {
    db = await createTestDatabase(server, prefix);
    client = await db.client();
  };
  beforeEach(open);
  afterEach(async () => {
    await db?.drop();
    db = client = undefined;
    folders.splice(0).forEach(removeFolder);
  });
  const folder = (files: Record<string, string>, options: { withSum?: boolean } = {}) => {
    const dir = migrationsFolder(files, options);
    folders.push(dir);
    return dir;
  };
  const opened = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the scratch database exists only inside a test');
    return value;
  };
  return {
    get db() {
      return opened(db);
    },
    get client() {
      return opened(client);
    },
    folder,
    read: (files) => readMigrations(folder(files)),
    one: async (sql) => (await opened(client).query(sql)).rows[0],
    async renew() {
      await opened(db).drop();
      await open();
    },
  };
}
