import type { EnumInfo } from '../../catalog/catalog';
import { diffCatalogs } from '../../diff/diff';
import { UnsupportedChangeError } from '../../diff/unsupported';
import { enumKind } from '../enum/enum.kind';
import { catalogOf, column, keyed, table, tables } from '../test-support/catalogs';
import { castKey, castPathFromCatalogs } from './column-conversion';

const mood = (name: string): EnumInfo => ({ schema: 'public', name, values: ['a'] });
const withColumn = (type: string) =>
  catalogOf({
    enums: keyed(enumKind, mood('e1'), mood('e2')),
    tables: tables(table('t', [column('c', type)])),
  });
const sql = (from: string, to: string, conversions = {}) =>
  diffCatalogs(withColumn(from), withColumn(to), { conversions }).statements.map((s) => s.sql);

describe('column conversions', () => {
  it("casts, goes through text between enums, and uses the server's answer when it has one", () => {
    expect(sql('integer', 'bigint')).toEqual([
      'ALTER TABLE public.t ALTER COLUMN c TYPE bigint USING c::bigint;',
    ]);
    expect(sql('public.e1', 'public.e2')).toEqual([
      'ALTER TABLE public.t ALTER COLUMN c TYPE public.e2 USING c::text::public.e2;',
    ]);
    const castPaths = new Map([[castKey('date', 'integer'), 'none' as const]]);
    expect(() => sql('date', 'integer', { castPaths })).toThrow(UnsupportedChangeError);
  });

  it("uses the model's @using expression, and says how to give one when there is no conversion", () => {
    const using = new Map([
      ['column:public.t.c', { expression: "'a'::public.e2", where: 'models/01.sql:2' }],
    ]);
    expect(sql('integer', 'public.e2', { using })).toEqual([
      "ALTER TABLE public.t ALTER COLUMN c TYPE public.e2 USING 'a'::public.e2;",
    ]);
    expect(() => sql('integer', 'public.e2')).toThrow(
      "Column public.t.c changes type from integer to public.e2, and Postgres has no cast between them. Say how to convert the values with a hint on the column's line in the models: -- @using <expression of c as public.e2>",
    );
    const down = new Map([['column:public.t.c', { where: 'models/01.sql:2' }]]);
    expect(() => sql('public.e2', 'integer', { using: down, direction: 'down' })).toThrow(
      'for the down section (back to the committed type). Add the way back to the hint at models/01.sql:2: -- @using up: <expression>; down: <expression of c as integer>.',
    );
  });

  it('judges from the catalogs when the server was not asked', () => {
    const ctx = { current: withColumn('integer'), desired: withColumn('integer') };
    expect(castPathFromCatalogs(ctx, 'public.e1[]', 'public.e2[]')).toBe('text');
    expect(castPathFromCatalogs(ctx, 'public.e1', 'character varying(20)')).toBe('direct');
    expect(castPathFromCatalogs(ctx, 'integer', 'public.e1')).toBe('none');
    expect(castPathFromCatalogs(ctx, 'integer', 'numeric(10,2)')).toBe('direct');
  });
});
