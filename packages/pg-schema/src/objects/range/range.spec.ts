import { loadSqlParser } from '@bakery-ia/init-manager';
import type { FunctionInfo } from '../../catalog/catalog';
import { diffCatalogs } from '../../diff/diff';
import { UnsupportedChangeError } from '../../diff/unsupported';
import { catalogOf, column, diffBothWays, keyed, table, tables } from '../test-support/catalogs';
import { rangeKind } from './range.kind';
import type { RangeInfo } from './range.model';
import { createRangeSql, defaultMultirangeName } from './range.sql';

beforeAll(() => loadSqlParser());

const floatrange = (changes: Partial<RangeInfo> = {}): RangeInfo => ({
  schema: 'public',
  name: 'floatrange',
  subtype: 'double precision',
  subtypeDiff: 'float8mi',
  multirange: 'public.floatmultirange',
  ...changes,
});
const RANGE_ID = 'type:public.floatrange';
const width: FunctionInfo = {
  schema: 'public',
  name: 'width',
  kind: 'f',
  identityArguments: 'r public.floatrange',
  arguments: 'r public.floatrange',
  result: 'double precision',
  definition:
    'CREATE OR REPLACE FUNCTION public.width(r public.floatrange)\n RETURNS double precision\n LANGUAGE sql\nAS $function$ SELECT upper(r) - lower(r) $function$\n',
};
const withRange = (range: RangeInfo, columnType?: string) =>
  catalogOf({
    ranges: keyed(rangeKind, range),
    functions: { 'function:public.width(public.floatrange)': width },
    tables: tables(table('t', columnType ? [column('r', columnType)] : [])),
    dependencies: {
      'function:public.width(public.floatrange)': [RANGE_ID],
      ...(columnType ? { 'column:public.t.r': [RANGE_ID] } : {}),
    },
  });

describe('range rendering', () => {
  it('names the multirange only when Postgres would pick another name', () => {
    expect(defaultMultirangeName('floatrange')).toBe('floatmultirange');
    expect(defaultMultirangeName('range_of_days')).toBe('multirange_of_days');
    expect(defaultMultirangeName('period')).toBe('period_multirange');
    expect(createRangeSql(floatrange())).toBe(
      'CREATE TYPE public.floatrange AS RANGE (subtype = double precision, subtype_diff = float8mi);',
    );
    const text = floatrange({
      name: 'textrange',
      subtype: 'text',
      subtypeDiff: undefined,
      subtypeOpclass: 'pg_catalog.text_pattern_ops',
      collation: 'pg_catalog."C"',
      multirange: 'public.text_ranges',
    });
    expect(createRangeSql(text)).toBe(
      'CREATE TYPE public.textrange AS RANGE (subtype = text, subtype_opclass = pg_catalog.text_pattern_ops, collation = pg_catalog."C", multirange_type_name = public.text_ranges);',
    );
  });
});

describe('range kind', () => {
  it('is created before the functions and columns that use it, with its comment', () => {
    const { up, down } = diffBothWays(
      catalogOf({}),
      withRange(floatrange({ comment: 'doubles' }), 'public.floatrange'),
    );
    expect(up.sql[0]).toBe(
      'CREATE TYPE public.floatrange AS RANGE (subtype = double precision, subtype_diff = float8mi);',
    );
    expect(up.sql.slice(1, 3)).toEqual([
      'CREATE OR REPLACE FUNCTION public.width(r public.floatrange)\n RETURNS double precision\n LANGUAGE sql\nAS $function$ SELECT upper(r) - lower(r) $function$;',
      'CREATE TABLE public.t (\n    r public.floatrange\n);',
    ]);
    expect(up.sql).toContain("COMMENT ON TYPE public.floatrange IS 'doubles';");
    expect(down.sql).toEqual([
      'DROP TABLE public.t;',
      'DROP FUNCTION public.width(r public.floatrange);',
      'DROP TYPE public.floatrange;',
    ]);
  });

  it('is dropped and created again when no column stores it, its functions with it', () => {
    const { up } = diffBothWays(withRange(floatrange()), withRange(floatrange({ subtypeDiff: undefined })));
    expect(up.sql).toEqual([
      'DROP FUNCTION public.width(r public.floatrange);',
      'DROP TYPE public.floatrange;',
      'CREATE TYPE public.floatrange AS RANGE (subtype = double precision);',
      'CREATE OR REPLACE FUNCTION public.width(r public.floatrange)\n RETURNS double precision\n LANGUAGE sql\nAS $function$ SELECT upper(r) - lower(r) $function$;',
    ]);
    expect(up.changes[1]).toBe(
      '~ function public.width(public.floatrange) (recreated: type public.floatrange changes)',
    );
  });

  it('stops with a message while a column stores it or its multirange', () => {
    for (const type of ['public.floatrange', 'public.floatmultirange[]']) {
      const run = () =>
        diffCatalogs(withRange(floatrange(), type), withRange(floatrange({ subtypeDiff: undefined }), type));
      expect(run).toThrow(UnsupportedChangeError);
      expect(run).toThrow('while column public.t.r uses it; Postgres cannot alter a range type in place.');
    }
  });

  it('stops with a message for a canonical function (a shell type comes first)', () => {
    const run = () => diffCatalogs(catalogOf({}), withRange(floatrange({ canonical: 'public.canon' })));
    expect(run).toThrow('has a canonical function (public.canon), which needs a shell type');
  });
});
