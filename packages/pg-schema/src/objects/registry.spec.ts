import { emptyCatalog, type Catalog } from '../catalog/catalog';
import { catalogObjectIds } from '../catalog/catalog-objects';
import { addressesOf, OBJECT_KINDS } from './registry';
import { catalogOf, column, table, tables } from './test-support/catalogs';

describe('the kind registry', () => {
  it('has a kind for every map of the Catalog', () => {
    const catalog = emptyCatalog();
    const maps = (Object.keys(catalog) as Array<keyof Catalog>).filter(
      (key) => key !== 'dependencies' && key !== 'unsupported',
    );
    const held = new Set(OBJECT_KINDS.map((kind) => kind.objects(catalog)));
    for (const key of maps) expect({ key, held: held.has(catalog[key]) }).toEqual({ key, held: true });
  });

  it('reads tables before the columns and constraints that attach to them', () => {
    const names = OBJECT_KINDS.map((kind) => kind.name);
    expect(names.indexOf('table')).toBeLessThan(names.indexOf('column'));
    expect(names.indexOf('table')).toBeLessThan(names.indexOf('constraint'));
  });

  it('diffs in the order the changes are reported', () => {
    const diffed = OBJECT_KINDS.filter((kind) => kind.diff && !kind.nested).map((kind) => kind.name);
    expect(diffed).toEqual([
      'schema',
      'extension',
      'collation',
      'enum',
      'domain',
      'composite type',
      'range type',
      'table',
      'sequence',
      'function',
      'aggregate',
      'index',
      'statistics',
      'view',
      'trigger',
      'rule',
      'policy',
    ]);
  });

  it('can create and drop every kind the cascade recreates', () => {
    for (const kind of OBJECT_KINDS.filter((k) => k.recreate))
      expect({ kind: kind.name, diff: !!kind.diff }).toEqual({ kind: kind.name, diff: true });
  });

  it('maps each pg_depend address type to one kind', () => {
    const addresses = addressesOf(OBJECT_KINDS);
    expect(addresses.get('materialized view')?.(['public', 'm'], [])).toBe('view:public.m');
    expect(addresses.get('rule')?.(['public', 'v', '_RETURN'], [])).toBe('view:public.v');
    expect(addresses.get('rule')?.(['public', 'v', 'other'], [])).toBe('rule:public.v.other');
    expect(addresses.get('collation')?.(['public', 'ci'], [])).toBe('collation:public.ci');
    expect(addresses.get('aggregate')?.(['public', 'total'], ['integer'])).toBe(
      'aggregate:public.total(integer)',
    );
    expect(addresses.get('statistics object')?.(['public', 'st'], [])).toBe('statistics:public.st');
    expect(addresses.get('type')?.(['public.mood[]'], [])).toBe('type:public.mood');
    expect(addresses.get('type')?.(['pg_catalog.int4'], [])).toBeUndefined();
    expect(addresses.get('function')?.(['public', 'f'], ['integer', 'text'])).toBe(
      'function:public.f(integer,text)',
    );
    const clash = [{ ...OBJECT_KINDS[0] }, { ...OBJECT_KINDS[0], addresses: { schema: () => undefined } }];
    expect(() => addressesOf(clash)).toThrow('two kinds read the address type "schema"');
  });

  it('lists every object id of a catalog, members of tables included', () => {
    const t = table('t', [column('id', 'integer')], {
      constraints: { t_pkey: { name: 't_pkey', type: 'primary', definition: 'PRIMARY KEY (id)' } },
    });
    const catalog = catalogOf({ schemas: { 'schema:public': { name: 'public' } }, tables: tables(t) });
    expect([...catalogObjectIds(catalog)].sort()).toEqual([
      'column:public.t.id',
      'constraint:public.t.t_pkey',
      'schema:public',
      'table:public.t',
    ]);
  });
});
