import { catalogOf, diffBothWays, keyed } from '../test-support/catalogs';
import { schemaKind } from './schema.kind';

const schemas = (...list: Array<{ name: string; comment?: string }>) => keyed(schemaKind, ...list);

describe('schema kind', () => {
  it('creates a schema with its comment, and drops it the other way', () => {
    const { up, down } = diffBothWays(
      catalogOf({}),
      catalogOf({ schemas: schemas({ name: 'billing', comment: "Kate's" }) }),
    );
    expect(up.sql).toEqual(['CREATE SCHEMA billing;', "COMMENT ON SCHEMA billing IS 'Kate''s';"]);
    expect(up.changes).toEqual(['+ schema billing']);
    expect(down.sql).toEqual(['DROP SCHEMA billing;']);
    expect(down.changes).toEqual(['- schema billing']);
  });

  it('changes only the comment of a kept schema', () => {
    const { up, down } = diffBothWays(
      catalogOf({ schemas: schemas({ name: 'Billing' }) }),
      catalogOf({ schemas: schemas({ name: 'Billing', comment: 'money' }) }),
    );
    expect(up.sql).toEqual([`COMMENT ON SCHEMA "Billing" IS 'money';`]);
    expect(up.changes).toEqual(['~ schema Billing comment: (none) -> money']);
    expect(down.sql).toEqual([`COMMENT ON SCHEMA "Billing" IS NULL;`]);
  });

  it('spells ids and ignores system schemas in pg_depend addresses', () => {
    expect(schemaKind.id?.({ name: 'app' })).toBe('schema:app');
    expect(schemaKind.addresses?.schema(['app'], [])).toBe('schema:app');
    expect(schemaKind.addresses?.schema(['pg_catalog'], [])).toBeUndefined();
    expect(schemaKind.addresses?.schema(['information_schema'], [])).toBeUndefined();
  });

  it('finds nothing to do between equal catalogs', () => {
    const catalog = catalogOf({ schemas: schemas({ name: 'a' }, { name: 'b', comment: 'x' }) });
    expect(diffBothWays(catalog, structuredClone(catalog)).up.sql).toEqual([]);
  });
});
