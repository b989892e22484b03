import { createTestDatabase, describeEachServer, type TestDatabase } from '@bakery-ia/test-db';
import { introspectCatalog } from '../../introspect/introspect';

// Both test servers are built with ICU (PG15: ICU 72, collversion 153.120; the embedded PG18:
// collversion 153.80), so nothing here is skipped. The builtin provider exists from PG17 only
// and ICU rules from PG16: their rendering is unit-tested (collation.spec.ts).
describeEachServer('collation introspection', (server) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(server, 'coll');
    await (
      await db.client()
    ).query(`
      CREATE COLLATION ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
      CREATE COLLATION mixed (provider = libc, lc_collate = 'C', lc_ctype = 'C.UTF-8');
      COMMENT ON COLLATION mixed IS 'sorts bytes';
      CREATE TABLE t (n text COLLATE ci);
    `);
  });
  afterAll(() => db.drop());

  it('reads the same entries on every version (the locale column moved in PG17)', async () => {
    const catalog = await introspectCatalog(await db.client());
    expect(catalog.collations).toEqual({
      'collation:public.ci': {
        schema: 'public',
        name: 'ci',
        provider: 'icu',
        locale: 'und-u-ks-level2',
        deterministic: false,
      },
      'collation:public.mixed': {
        schema: 'public',
        name: 'mixed',
        provider: 'libc',
        lcCollate: 'C',
        lcCtype: 'C.UTF-8',
        deterministic: true,
        comment: 'sorts bytes',
      },
    });
    expect(catalog.dependencies['column:public.t.n']).toEqual(['collation:public.ci']);
  });
});
