import { loadSqlParser } from '@bakery-ia/init-manager';
import type { ViewInfo } from '../catalog/catalog';
import { catalogOf, column, diffBothWays, table, tables } from '../objects/test-support/catalogs';

beforeAll(() => loadSqlParser());

const view: ViewInfo = {
  schema: 'public',
  name: 'big_orders',
  materialized: false,
  definition: ' SELECT orders.total\n   FROM public.orders\n  WHERE orders.total > 100',
  options: [],
  columnComments: {},
};
const at = (type: string) =>
  catalogOf({
    tables: tables(table('orders', [column('total', type)])),
    views: { 'view:public.big_orders': view },
    dependencies: { 'view:public.big_orders': ['column:public.orders.total', 'table:public.orders'] },
  });

describe('cascade', () => {
  it('drops a view on a retyped column before the ALTER TYPE and creates it after', () => {
    const { up } = diffBothWays(at('integer'), at('bigint'));
    expect(up.sql).toEqual([
      'DROP VIEW public.big_orders;',
      'ALTER TABLE public.orders ALTER COLUMN total TYPE bigint USING total::bigint;',
      'CREATE VIEW public.big_orders AS\n SELECT orders.total\n   FROM public.orders\n  WHERE orders.total > 100;',
    ]);
    expect(up.changes).toEqual([
      '~ column public.orders.total type: integer -> bigint',
      '~ view public.big_orders (recreated: column public.orders.total changes)',
    ]);
  });

  it('recreates what depends on a recreated object, transitively', () => {
    const top: ViewInfo = {
      ...view,
      name: 'top',
      definition: ' SELECT big_orders.total\n   FROM public.big_orders',
    };
    const withTop = (type: string) => {
      const catalog = at(type);
      catalog.views['view:public.top'] = top;
      catalog.dependencies['view:public.top'] = ['view:public.big_orders'];
      return catalog;
    };
    const { up } = diffBothWays(withTop('integer'), withTop('bigint'));
    expect(up.sql).toEqual([
      'DROP VIEW public.top;',
      'DROP VIEW public.big_orders;',
      'ALTER TABLE public.orders ALTER COLUMN total TYPE bigint USING total::bigint;',
      'CREATE VIEW public.big_orders AS\n SELECT orders.total\n   FROM public.orders\n  WHERE orders.total > 100;',
      'CREATE VIEW public.top AS\n SELECT big_orders.total\n   FROM public.big_orders;',
    ]);
  });

  it('leaves alone what does not depend on the change', () => {
    const catalog = at('integer');
    const same = structuredClone(catalog);
    same.tables['table:public.orders'].comment = 'orders';
    expect(diffBothWays(catalog, same).up.sql).toEqual(["COMMENT ON TABLE public.orders IS 'orders';"]);
  });
});
