import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { adminQuery, createTestDatabase, describeEachServer, type TestDatabase } from '@bakery-ia/test-db';
import { introspectCatalog, type IntrospectOptions } from './introspect';

/**
 * The parallel reader (several connections in one snapshot, rows as JSON documents, comments by
 * index lookup) reads exactly what the one-connection reader of before read: the snapshots were
 * written by that reader (commit 7169511) on each server, and every option combination must
 * still give them, key order included (JSON text compared).
 */
describeEachServer('introspectCatalog of a schema with every kind', (server) => {
  let db: TestDatabase;
  beforeAll(async () => {
    await adminQuery(
      server,
      `DO $$ BEGIN CREATE ROLE introspect_fixture_reader NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`,
    );
    db = await createTestDatabase(server, 'introspect');
    await (await db.client()).query(readFileSync(join(__dirname, 'introspect.fixture.sql'), 'utf8'));
  }, 60_000);
  afterAll(() => db.drop());

  const cases: Array<[string, IntrospectOptions]> = [
    ['defaults', {}],
    ['privileges not managed', { privileges: false }],
    ['one schema', { schemas: ['app'] }],
  ];
  for (const [name, options] of cases) {
    it(`reads the same catalog as before: ${name}`, async () => {
      const client = await db.client();
      const parallel = JSON.stringify(await introspectCatalog(client, options), null, 1);
      const single = JSON.stringify(await introspectCatalog(client, { ...options, connections: 1 }), null, 1);
      expect(single).toBe(parallel);
      expect(parallel).toMatchSnapshot();
    });
  }

  it('reads the same catalog with named statements, again after the server lost them and after DDL', async () => {
    const client = await db.client();
    const plain = JSON.stringify(await introspectCatalog(client, { connections: 1 }));
    const prepared = () => introspectCatalog(client, { connections: 1, prepare: true });
    for (let i = 0; i < 7; i++) expect(JSON.stringify(await prepared())).toBe(plain);
    const count = async () =>
      (
        await client.query<{ count: number }>(
          `SELECT count(*)::int AS count FROM pg_prepared_statements WHERE starts_with(name, 'pg_schema_')`,
        )
      ).rows[0].count;
    expect(await count()).toBeGreaterThan(10);
    // A migration's DEALLOCATE ALL in verify's replay: pg still thinks the names are prepared.
    await client.query('DEALLOCATE ALL');
    expect(JSON.stringify(await prepared())).toBe(plain);
    // Plans stay valid across catalog changes: the next read sees the new table.
    await client.query('CREATE TABLE app.prepared_probe (id int)');
    try {
      expect(Object.keys((await prepared()).tables)).toContain('table:app.prepared_probe');
    } finally {
      await client.query('DROP TABLE app.prepared_probe');
    }
    expect(JSON.stringify(await prepared())).toBe(plain);
  });

  it('leaves the caller its client, outside any transaction, and closes its other connections', async () => {
    const client = await db.client();
    await introspectCatalog(client);
    const { rows } = await client.query<{ open: number; in_tx: boolean }>(
      `SELECT (SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
                AND application_name = '' AND state IS NOT NULL AND backend_type = 'client backend'
                AND query LIKE '%SET TRANSACTION SNAPSHOT%') AS open,
              now() <> statement_timestamp() AS in_tx`,
    );
    expect(rows[0]).toEqual({ open: 0, in_tx: false });
  });

  it('reads one consistent state: a change committed mid-read is not seen by any connection', async () => {
    const reader = await db.client();
    const writer = await db.client();
    let wrote = false;
    // The first query of the read is the schema list: a table created after it, but before the
    // other connections take theirs, must stay unseen everywhere (shared snapshot).
    const original = reader.query.bind(reader);
    const spy = jest.spyOn(reader, 'query').mockImplementation(((...args: Parameters<typeof original>) => {
      const result = original(...args);
      if (!wrote && typeof args[0] === 'string' && args[0].includes('pg_export_snapshot')) {
        wrote = true;
        return Promise.resolve(result).then(async (value) => {
          await writer.query(
            'CREATE TABLE app.created_mid_read (id int); COMMENT ON TABLE app.created_mid_read IS $$x$$',
          );
          return value;
        });
      }
      return result;
    }) as typeof original);
    try {
      const catalog = await introspectCatalog(reader);
      expect(wrote).toBe(true);
      expect(Object.keys(catalog.tables)).not.toContain('table:app.created_mid_read');
      expect(Object.keys(catalog.dependencies)).not.toContain('table:app.created_mid_read');
      expect(catalog.unsupported.map((object) => object.name)).not.toContain('app.created_mid_read');
    } finally {
      spy.mockRestore();
      await writer.query('DROP TABLE IF EXISTS app.created_mid_read');
    }
  });
});
