import { loadSqlParser } from '@bakery-ia/init-manager';
import type { Catalog, ViewInfo } from '../../catalog/catalog';
import { diffCatalogs } from '../../diff/diff';
import { UnsupportedChangeError } from '../../diff/unsupported';
import { catalogOf, column, diffBothWays, keyed, table, tables } from '../test-support/catalogs';
import { collationKind } from './collation.kind';
import type { CollationInfo } from './collation.model';
import { collationOptions, createCollationSql } from './collation.sql';

beforeAll(() => loadSqlParser());

const ci = (changes: Partial<CollationInfo> = {}): CollationInfo => ({
  schema: 'public',
  name: 'ci',
  provider: 'icu',
  locale: 'und-u-ks-level2',
  deterministic: false,
  ...changes,
});
const COLLATION_ID = 'collation:public.ci';
const COLUMN_ID = 'column:public.products.code';
const codes: ViewInfo = {
  schema: 'public',
  name: 'codes',
  materialized: false,
  definition: ' SELECT products.code\n   FROM public.products',
  options: [],
  columnComments: {},
};
/** A table whose column uses the collation, and a view on that column. */
const withColumn = (collation: CollationInfo, extra: Partial<Catalog> = {}) =>
  catalogOf({
    collations: keyed(collationKind, collation),
    tables: tables(table('products', [column('code', 'text', { collation: 'public.ci' })])),
    views: { 'view:public.codes': codes },
    dependencies: {
      [COLUMN_ID]: [COLLATION_ID],
      'view:public.codes': [COLUMN_ID, 'table:public.products'],
    },
    ...extra,
  });

describe('collation rendering', () => {
  it('writes each provider with only the options it needs', () => {
    expect(createCollationSql(ci())).toBe(
      "CREATE COLLATION public.ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);",
    );
    const libc = ci({
      provider: 'libc',
      locale: undefined,
      lcCollate: 'C',
      lcCtype: 'C',
      deterministic: true,
    });
    expect(collationOptions(libc)).toBe("provider = libc, locale = 'C'");
    expect(collationOptions({ ...libc, lcCtype: 'C.UTF-8' })).toBe(
      "provider = libc, lc_collate = 'C', lc_ctype = 'C.UTF-8'",
    );
    expect(collationOptions(ci({ deterministic: true, rules: '&a < b' }))).toBe(
      "provider = icu, locale = 'und-u-ks-level2', rules = '&a < b'",
    );
    expect(collationOptions(ci({ provider: 'builtin', locale: 'C.UTF-8', deterministic: true }))).toBe(
      "provider = builtin, locale = 'C.UTF-8'",
    );
  });
});

describe('collation kind', () => {
  it('is created before a column that uses it, and dropped after', () => {
    const desired = catalogOf({
      collations: keyed(collationKind, ci({ comment: 'no case' })),
      tables: tables(table('t', [column('n', 'text', { collation: 'public.ci' })])),
      dependencies: { 'column:public.t.n': [COLLATION_ID] },
    });
    const current = catalogOf({ tables: tables(table('t', [column('n', 'text')])) });
    const { up, down } = diffBothWays(current, desired);
    expect(up.sql).toEqual([
      "CREATE COLLATION public.ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);",
      'ALTER TABLE public.t ALTER COLUMN n TYPE text COLLATE public.ci;',
      "COMMENT ON COLLATION public.ci IS 'no case';",
    ]);
    expect(down.sql).toEqual(['ALTER TABLE public.t ALTER COLUMN n TYPE text;', 'DROP COLLATION public.ci;']);
  });

  it('is recreated under a new name and its columns moved onto it, views around them recreated', () => {
    const { up, down } = diffBothWays(withColumn(ci()), withColumn(ci({ locale: 'und-u-ks-level1' })));
    expect(up.sql).toEqual([
      'DROP VIEW public.codes;',
      'ALTER COLLATION public.ci RENAME TO ci__old;',
      "CREATE COLLATION public.ci (provider = icu, locale = 'und-u-ks-level1', deterministic = false);",
      'ALTER TABLE public.products ALTER COLUMN code TYPE text COLLATE public.ci;',
      'DROP COLLATION public.ci__old;',
      'CREATE VIEW public.codes AS\n SELECT products.code\n   FROM public.products;',
    ]);
    expect(up.changes).toEqual([
      "~ collation public.ci definition: provider = icu, locale = 'und-u-ks-level2', deterministic = false -> provider = icu, locale = 'und-u-ks-level1', deterministic = false",
      '~ view public.codes (recreated: column public.products.code changes)',
    ]);
    expect(down.sql[2]).toBe(
      "CREATE COLLATION public.ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);",
    );
  });

  it('changes its comment in place', () => {
    const { up } = diffBothWays(withColumn(ci()), withColumn(ci({ comment: 'x' })));
    expect(up.sql).toEqual(["COMMENT ON COLLATION public.ci IS 'x';"]);
  });

  it('stops with a message when a domain or a retyped column would have to move', () => {
    const domain = {
      'type:public.code': {
        schema: 'public',
        name: 'code',
        baseType: 'text',
        notNull: false,
        constraints: {},
        collation: 'public.ci',
      },
    };
    const withDomain = (collation: CollationInfo) =>
      withColumn(collation, {
        domains: domain,
        dependencies: { 'type:public.code': [COLLATION_ID] },
      });
    const run = () => diffCatalogs(withDomain(ci()), withDomain(ci({ deterministic: true })));
    expect(run).toThrow(UnsupportedChangeError);
    expect(run).toThrow(/^Collation public\.ci changes .* while type public\.code uses it;/);
    const retyped = withColumn(ci({ deterministic: true }));
    retyped.tables['table:public.products'].columns[0].type = 'character varying';
    expect(() => diffCatalogs(withColumn(ci()), retyped)).toThrow(
      'Collation public.ci changes while the type of column public.products.code changes too; change them in two migrations',
    );
  });
});
