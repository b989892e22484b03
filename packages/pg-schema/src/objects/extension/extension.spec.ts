import { catalogOf, diffBothWays, keyed } from '../test-support/catalogs';
import { extensionKind } from './extension.kind';
import { createExtensionSql } from './extension.sql';

describe('extension kind', () => {
  it('creates an extension after its schema, and drops it before', () => {
    const desired = catalogOf({
      schemas: { 'schema:ext': { name: 'ext' } },
      extensions: keyed(extensionKind, { name: 'pg_trgm', schema: 'ext' }),
    });
    const { up, down } = diffBothWays(catalogOf({}), desired);
    expect(up.sql).toEqual(['CREATE SCHEMA ext;', 'CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA ext;']);
    expect(down.sql).toEqual(['DROP EXTENSION pg_trgm;', 'DROP SCHEMA ext;']);
    expect(up.changes).toEqual(['+ schema ext', '+ extension pg_trgm']);
  });

  it('moves an extension to another schema in place', () => {
    const at = (schema: string) =>
      catalogOf({ extensions: keyed(extensionKind, { name: 'citext', schema }) });
    const { up, down } = diffBothWays(at('public'), at('ext'));
    expect(up.sql).toEqual(['ALTER EXTENSION citext SET SCHEMA ext;']);
    expect(up.changes).toEqual(['~ extension citext schema: public -> ext']);
    expect(down.sql).toEqual(['ALTER EXTENSION citext SET SCHEMA public;']);
  });

  it('quotes names that need it', () => {
    expect(createExtensionSql({ name: 'uuid-ossp', schema: 'public' })).toBe(
      'CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA public;',
    );
  });
});
