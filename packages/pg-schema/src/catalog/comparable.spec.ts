import { loadSqlParser } from '@bakery-ia/init-manager';
import { catalogOf, column, table, tables } from '../objects/test-support/catalogs';
import { comparableCatalog } from './comparable';

beforeAll(() => loadSqlParser());

describe('comparableCatalog', () => {
  it('equates catalogs that differ only in column order and view printing, without changing them', () => {
    const view = (definition: string) => ({
      schema: 'public',
      name: 'v',
      materialized: false,
      definition,
      options: [],
      columnComments: {},
    });
    const a = catalogOf({
      tables: tables(table('t', [column('a', 'int'), column('b', 'int')])),
      views: { 'view:public.v': view(' SELECT t.a\n   FROM public.t') },
    });
    const b = catalogOf({
      tables: tables(table('t', [column('b', 'int'), column('a', 'int')])),
      views: { 'view:public.v': view(' SELECT a\n   FROM public.t') },
    });
    expect(JSON.stringify(comparableCatalog(a))).toBe(JSON.stringify(comparableCatalog(b)));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(b));
    expect(b.tables['table:public.t'].columns[0].name).toBe('b');
  });
});
