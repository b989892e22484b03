import { createTestDatabase, describeEachServer, type TestDatabase } from '@bakery-ia/test-db';
import { introspectCatalog } from '../../introspect/introspect';

describeEachServer('extension introspection', (server) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(server, 'ext');
    await (
      await db.client()
    ).query(`
      CREATE SCHEMA ext;
      CREATE EXTENSION citext WITH SCHEMA ext;
      CREATE EXTENSION pg_trgm VERSION '1.5';
    `);
  });
  afterAll(() => db.drop());

  it('reads the installed version, the default one and where the server can update to', async () => {
    const catalog = await introspectCatalog(await db.client());
    expect(catalog.extensions['extension:pg_trgm']).toEqual({
      name: 'pg_trgm',
      schema: 'public',
      version: '1.5',
      defaultVersion: '1.6',
      updatableTo: ['1.6'],
    });
    expect(catalog.extensions['extension:citext']).toMatchObject({ schema: 'ext' });
  });

  it('reads only the extensions installed into the managed schemas', async () => {
    const catalog = await introspectCatalog(await db.client(), { schemas: ['public'] });
    expect(Object.keys(catalog.extensions)).toEqual(['extension:pg_trgm']);
  });
});
