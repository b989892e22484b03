import type { FunctionInfo } from '../../catalog/catalog';
import { catalogOf, diffBothWays } from '../test-support/catalogs';
import { aggregateOptions, type AggregateRow } from './aggregate-options';
import type { AggregateInfo } from './aggregate.model';
import { createAggregateSql, dropAggregateSql } from './aggregate.sql';

const row = (changes: Partial<AggregateRow> = {}): AggregateRow => ({
  kind: 'n',
  parallel: 'u',
  sfunc: 'int4pl',
  stype: 'integer',
  sspace: 0,
  finalfunc: null,
  finalfunc_extra: false,
  finalfunc_modify: 'r',
  combinefunc: null,
  serialfunc: null,
  deserialfunc: null,
  initcond: null,
  msfunc: null,
  minvfunc: null,
  mstype: null,
  msspace: 0,
  mfinalfunc: null,
  mfinalfunc_extra: false,
  mfinalfunc_modify: 'r',
  minitcond: null,
  sortop: null,
  ...changes,
});
const ID = 'aggregate:public.total(integer)';
const FN_ID = 'function:public.add(integer,integer)';
const total = (changes: Partial<AggregateInfo> = {}): AggregateInfo => ({
  schema: 'public',
  name: 'total',
  kind: 'normal',
  identityArguments: 'integer',
  arguments: 'integer',
  result: 'integer',
  options: ['SFUNC = public.add', 'STYPE = integer', "INITCOND = '0'"],
  ...changes,
});
const add = (args = 'integer, integer'): FunctionInfo => ({
  schema: 'public',
  name: 'add',
  kind: 'f',
  identityArguments: args,
  arguments: args,
  result: 'integer',
  definition: `CREATE OR REPLACE FUNCTION public.add(${args})\n RETURNS integer\n LANGUAGE sql\nAS $function$ SELECT $1 + $2 $function$\n`,
});
const withAggregate = (aggregate: AggregateInfo, fnId = FN_ID, fn = add()) =>
  catalogOf({ aggregates: { [ID]: aggregate }, functions: { [fnId]: fn }, dependencies: { [ID]: [fnId] } });

describe('aggregate options', () => {
  it('writes what pg_aggregate holds, leaving out the defaults', () => {
    expect(aggregateOptions(row({ initcond: '0' }))).toEqual([
      'SFUNC = int4pl',
      'STYPE = integer',
      "INITCOND = '0'",
    ]);
    expect(
      aggregateOptions(
        row({ kind: 'o', finalfunc: 'percentile_disc_final', finalfunc_extra: true, finalfunc_modify: 'w' }),
      ),
    ).toEqual(['SFUNC = int4pl', 'STYPE = integer', 'FINALFUNC = percentile_disc_final', 'FINALFUNC_EXTRA']);
    expect(aggregateOptions(row({ finalfunc: 'f', finalfunc_modify: 's', sspace: 16 }))).toEqual([
      'SFUNC = int4pl',
      'STYPE = integer',
      'SSPACE = 16',
      'FINALFUNC = f',
      'FINALFUNC_MODIFY = SHAREABLE',
    ]);
    expect(
      aggregateOptions(
        row({
          msfunc: 'm',
          minvfunc: 'i',
          mstype: 'bigint',
          mfinalfunc: 'mf',
          minitcond: '1',
          sortop: 'OPERATOR(pg_catalog.>)',
          parallel: 's',
          kind: 'h',
          mfinalfunc_modify: 'w',
        }),
      ),
    ).toEqual([
      'SFUNC = int4pl',
      'STYPE = integer',
      'MSFUNC = m',
      'MINVFUNC = i',
      'MSTYPE = bigint',
      'MFINALFUNC = mf',
      "MINITCOND = '1'",
      'SORTOP = OPERATOR(pg_catalog.>)',
      'PARALLEL = SAFE',
      'HYPOTHETICAL',
    ]);
  });

  it('writes an aggregate of no arguments with (*)', () => {
    const tally = total({ name: 'tally', identityArguments: '', arguments: '' });
    expect(createAggregateSql(tally)).toMatch(/^CREATE AGGREGATE public\.tally\(\*\) \(\n {4}SFUNC/);
    expect(dropAggregateSql(tally)).toBe('DROP AGGREGATE public.tally(*);');
  });
});

describe('aggregate kind', () => {
  it('is created after its support functions and dropped before them', () => {
    const { up, down } = diffBothWays(catalogOf({}), withAggregate(total({ comment: 'sum' })));
    expect(up.sql).toEqual([
      add().definition.trim() + ';',
      "CREATE AGGREGATE public.total(integer) (\n    SFUNC = public.add,\n    STYPE = integer,\n    INITCOND = '0'\n);",
      "COMMENT ON AGGREGATE public.total(integer) IS 'sum';",
    ]);
    expect(down.sql).toEqual([
      'DROP AGGREGATE public.total(integer);',
      'DROP FUNCTION public.add(integer, integer);',
    ]);
  });

  it('is replaced in place when only its options change', () => {
    const { up } = diffBothWays(
      withAggregate(total()),
      withAggregate(total({ options: ['SFUNC = public.add', 'STYPE = integer'] })),
    );
    expect(up.sql).toEqual([
      'CREATE OR REPLACE AGGREGATE public.total(integer) (\n    SFUNC = public.add,\n    STYPE = integer\n);',
    ]);
    expect(up.changes).toEqual([
      "~ aggregate public.total(integer) definition: SFUNC = public.add, STYPE = integer, INITCOND = '0' -> SFUNC = public.add, STYPE = integer",
    ]);
  });

  it('is dropped and created again for a new result, or when its support function goes', () => {
    const wider = total({ result: 'bigint', options: ['SFUNC = public.add', 'STYPE = bigint'] });
    expect(diffBothWays(withAggregate(total()), withAggregate(wider)).up.sql[0]).toBe(
      'DROP AGGREGATE public.total(integer);',
    );
    const bigAdd = 'function:public.add(bigint,integer)';
    const moved = withAggregate(
      total({ options: ['SFUNC = public.add', 'STYPE = bigint'] }),
      bigAdd,
      add('bigint, integer'),
    );
    const { up } = diffBothWays(withAggregate(total()), moved);
    expect(up.sql.filter((sql) => sql.includes('AGGREGATE'))).toEqual([
      'DROP AGGREGATE public.total(integer);',
      'CREATE AGGREGATE public.total(integer) (\n    SFUNC = public.add,\n    STYPE = bigint\n);',
    ]);
    expect(up.sql.indexOf('DROP FUNCTION public.add(integer, integer);')).toBeGreaterThan(0);
  });
});
