import { createTestDatabase, describeEachServer, type TestDatabase } from '@bakery-ia/test-db';
import { introspectCatalog } from '../../introspect/introspect';

describeEachServer('range introspection', (server) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(server, 'range');
    await (
      await db.client()
    ).query(`
      CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
      CREATE TABLE t (spans floatmultirange[]);
      CREATE FUNCTION first_span(m floatmultirange) RETURNS floatrange LANGUAGE sql AS $$ SELECT range_merge(m) $$;
    `);
  });
  afterAll(() => db.drop());

  it('reads a range as one object: its constructors are not functions, its multirange maps onto it', async () => {
    const catalog = await introspectCatalog(await db.client());
    expect(catalog.ranges).toEqual({
      'type:public.floatrange': {
        schema: 'public',
        name: 'floatrange',
        subtype: 'double precision',
        subtypeDiff: 'float8mi',
        multirange: 'public.floatmultirange',
      },
    });
    expect(Object.keys(catalog.functions)).toEqual(['function:public.first_span(public.floatmultirange)']);
    expect(catalog.dependencies['column:public.t.spans']).toEqual(['type:public.floatrange']);
    expect(catalog.dependencies['function:public.first_span(public.floatmultirange)']).toEqual([
      'schema:public',
      'type:public.floatrange',
    ]);
  });
});
