import { loadSqlParser, splitStatements } from '@bakery-ia/init-manager';
import { createTestDatabase, describeEachServer, type TestDatabase } from '@bakery-ia/test-db';
import type pg from 'pg';
import { introspectCatalog } from '../introspect/introspect';
import { analyseHazards } from './analyse-hazards';
import { blocksOf, LOCK_MODES, pgLocksMode, type Blocks } from './lock-mode';
import { schemaContextOf, type SchemaContext } from './schema-context';

/**
 * The analyser's claims checked on a real server: session A runs the statement inside a
 * transaction; session B reads pg_locks for A's pid (the strongest mode granted on the table) and
 * tries a read and a write under a short lock_timeout (which fail with 55P03 when blocked).
 * A rewrite shows as a new relfilenode. No timing is asserted.
 */
const SETUP = `
CREATE TABLE users (id bigint PRIMARY KEY, name varchar(20), age integer);
CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, total numeric(10,2));
CREATE INDEX orders_total_idx ON orders (total);
ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
INSERT INTO users SELECT g, 'u' || g, g FROM generate_series(1, 50) g;
INSERT INTO orders SELECT g, g, g FROM generate_series(1, 50) g;
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
`;

const CASES: Array<[sql: string, table: string]> = [
  ['CREATE INDEX users_name_idx ON users (name)', 'users'],
  [
    'ALTER TABLE orders ADD CONSTRAINT orders_user_fk2 FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID',
    'orders',
  ],
  [
    'ALTER TABLE orders ADD CONSTRAINT orders_user_fk2 FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID',
    'users',
  ],
  ['ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk', 'orders'],
  ['ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID', 'orders'],
  ['ALTER TABLE users ALTER COLUMN age SET NOT NULL', 'users'],
  ['ALTER TABLE users ALTER COLUMN name TYPE varchar(40)', 'users'],
  ['ALTER TABLE users ALTER COLUMN age TYPE bigint', 'users'],
  ['ALTER TABLE users ADD COLUMN score integer DEFAULT 0', 'users'],
  ['ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid()', 'users'],
  ['ALTER TABLE users ADD COLUMN n bigint GENERATED ALWAYS AS IDENTITY', 'users'],
  ['CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch()', 'users'],
  ['ALTER TABLE users SET (fillfactor = 80)', 'users'],
  ['DROP INDEX orders_total_idx', 'orders'],
  ['ALTER TABLE users RENAME COLUMN name TO full_name', 'users'],
  ["COMMENT ON TABLE users IS 'people'", 'users'],
];

beforeAll(() => loadSqlParser());

describeEachServer('hazard claims on a real server', (server) => {
  let db: TestDatabase;
  let a: pg.Client;
  let b: pg.Client;
  let context: SchemaContext;
  beforeAll(async () => {
    db = await createTestDatabase(server, 'hazards');
    a = await db.client();
    b = await db.client();
    await a.query(SETUP);
    context = schemaContextOf([await introspectCatalog(a)], server.majorVersion);
  });
  afterAll(() => db.drop());

  it.each(CASES)('%s (on %s)', async (sql, table) => {
    const [claim] = analyseHazards([{ transaction: true, statements: splitStatements(`${sql};`) }], context);
    const lock = claim?.locks.find((l) => l.table === `public.${table}`);
    const rewrites =
      claim?.effects.some((e) => e.kind === 'rewrite' && e.table === `public.${table}`) ?? false;
    const pid = (await a.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    const relfilenode = async () =>
      (
        await a.query<{ n: string }>(`SELECT relfilenode::text AS n FROM pg_class WHERE relname = $1`, [
          table,
        ])
      ).rows[0].n;
    await a.query('BEGIN');
    try {
      const before = await relfilenode();
      await a.query(sql);
      const after = await relfilenode();
      const held = await b.query<{ mode: string }>(
        `SELECT l.mode FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
         WHERE l.pid = $1 AND l.granted AND c.relname = $2`,
        [pid, table],
      );
      const modes = LOCK_MODES.filter((mode) => held.rows.some((row) => row.mode === pgLocksMode(mode)));
      const strongest = modes[modes.length - 1];
      const blocked = async (query: string) => {
        try {
          await b.query(`SET lock_timeout = '50ms'; ${query}`);
          return false;
        } catch (error) {
          if ((error as { code?: string }).code === '55P03') return true;
          throw error;
        }
      };
      const reads = await blocked(`SELECT count(*) FROM ${table}`);
      const writes = await blocked(`UPDATE ${table} SET id = id WHERE false`);
      const observed: Blocks = reads ? 'reads and writes' : writes ? 'writes' : 'nothing';
      // A statement without hazards is left out of the analysis: its lock must block nothing.
      expect({ mode: lock?.mode ?? strongest, blocks: lock?.blocks ?? 'nothing', rewrites }).toEqual({
        mode: strongest,
        blocks: observed,
        rewrites: after !== before,
      });
      if (!lock) expect(blocksOf(strongest)).toBe('nothing');
    } finally {
      await a.query('ROLLBACK');
    }
  });
});
