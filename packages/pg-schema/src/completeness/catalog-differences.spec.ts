import { catalogOf, column, table, tables } from '../objects/test-support/catalogs';
import { catalogDifferences } from './catalog-differences';

describe('catalogDifferences', () => {
  it('names the paths where two catalogs differ, pg_depend edges and unsupported aside', () => {
    const a = catalogOf({ tables: tables(table('t', [column('id', 'integer')])) });
    const b = catalogOf({ tables: tables(table('t', [column('id', 'integer')], { unlogged: true })) });
    expect(catalogDifferences(a, b)).toEqual(['tables.table:public.t.unlogged']);
    expect(catalogDifferences(a, { ...a, dependencies: { 'table:public.t': ['schema:public'] } })).toEqual(
      [],
    );
    expect(catalogDifferences(a, structuredClone(a))).toEqual([]);
  });

  it('compares columns by name, as the kinds make them comparable', () => {
    const a = catalogOf({ tables: tables(table('t', [column('a', 'integer'), column('b', 'text')])) });
    const b = catalogOf({ tables: tables(table('t', [column('b', 'text'), column('a', 'integer')])) });
    expect(catalogDifferences(a, b)).toEqual([]);
  });
});
