import type { TableInfo } from '../../catalog/catalog';
import { diffCatalogs } from '../../diff/diff';
import { catalogOf, diffBothWays, keyed } from '../test-support/catalogs';
import { compositeKind } from './composite.kind';
import type { CompositeInfo } from './composite.model';

const address = (...attributes: CompositeInfo['attributes']): CompositeInfo => ({
  schema: 'public',
  name: 'address',
  attributes,
});
const withType = (type: CompositeInfo, tables: Record<string, TableInfo> = {}) =>
  catalogOf({ composites: keyed(compositeKind, type), tables });

describe('composite kind', () => {
  it('creates a composite type with its attributes and drops it', () => {
    const type = address(
      { name: 'street', type: 'text', collation: 'pg_catalog."C"' },
      { name: 'zip', type: 'integer' },
    );
    const { up, down } = diffBothWays(catalogOf({}), withType(type));
    expect(up.sql).toEqual([
      'CREATE TYPE public.address AS (\n    street text COLLATE pg_catalog."C",\n    zip integer\n);',
    ]);
    expect(down.sql).toEqual(['DROP TYPE public.address;']);
  });

  it('adds, drops and retypes attributes in one ALTER TYPE', () => {
    const { up } = diffBothWays(
      withType(address({ name: 'street', type: 'text' }, { name: 'zip', type: 'integer' })),
      withType(address({ name: 'zip', type: 'bigint' }, { name: 'city', type: 'text' })),
    );
    expect(up.sql).toEqual([
      'ALTER TYPE public.address DROP ATTRIBUTE street, ALTER ATTRIBUTE zip TYPE bigint, ADD ATTRIBUTE city text;',
    ]);
    expect(up.changes).toEqual([
      '~ type public.address attributes: street text, zip integer -> zip bigint, city text',
    ]);
  });

  it('refuses to retype an attribute while a column stores the type', () => {
    const tables: Record<string, TableInfo> = {
      'table:public.customers': {
        schema: 'public',
        name: 'customers',
        columns: [{ name: 'home', type: 'public.address[]', notNull: false }],
        constraints: {},
        rowSecurity: false,
        forceRowSecurity: false,
        unlogged: false,
      },
    };
    expect(() =>
      diffCatalogs(
        withType(address({ name: 'zip', type: 'integer' }), tables),
        withType(address({ name: 'zip', type: 'bigint' }), tables),
      ),
    ).toThrow('while column public.customers.home stores values of it');
  });

  it('takes its name in the relation namespace', () => {
    expect(compositeKind.relationNames?.(address())).toEqual([{ schema: 'public', name: 'address' }]);
  });
});
