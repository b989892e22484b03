import { createTestDatabase, describeEachServer, type TestDatabase } from '@bakery-ia/test-db';
import { introspectCatalog } from '../introspect/introspect';
import { renderSchemaDocs } from './schema-docs';

const MODELS = `
  CREATE TABLE users (id int PRIMARY KEY);
  CREATE TABLE orders (
    id int PRIMARY KEY,
    user_id int NOT NULL REFERENCES users (id),
    coupon_owner int REFERENCES users (id)
  );
  CREATE TABLE profiles (user_id int PRIMARY KEY REFERENCES users (id));
  CREATE TABLE avatars (id int PRIMARY KEY, user_id int UNIQUE REFERENCES users (id));
  CREATE TABLE badges (id int PRIMARY KEY, user_id int NOT NULL REFERENCES users (id));
  CREATE UNIQUE INDEX badges_one_per_user ON badges (user_id) WHERE id > 0;
`;

describeEachServer('renderSchemaDocs: the ER diagram', (server) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(server, 'docs');
    await (await db.client()).query(MODELS);
  });
  afterAll(() => db.drop());

  const relationships = async () =>
    renderSchemaDocs(await introspectCatalog(await db.client(), { schemas: ['public'] }), 'T')
      .split('\n')
      .filter((line) => line.includes('--'));

  it('puts the cardinality of the parent on the parent side: exactly one for NOT NULL, zero or one for nullable', async () => {
    const lines = await relationships();
    expect(lines).toContain('    users ||--o{ orders : "orders_user_id_fkey"');
    expect(lines).toContain('    users |o--o{ orders : "orders_coupon_owner_fkey"');
  });

  it('draws at most one child per parent only when the foreign key columns are unique in the child', async () => {
    const lines = await relationships();
    expect(lines).toContain('    users ||--o| profiles : "profiles_user_id_fkey"');
    expect(lines).toContain('    users |o--o| avatars : "avatars_user_id_fkey"');
    // A partial unique index does not make the column unique.
    expect(lines).toContain('    users ||--o{ badges : "badges_user_id_fkey"');
  });
});
