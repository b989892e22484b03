import { catalogOf, diffBothWays, keyed } from '../test-support/catalogs';
import { defaultSequenceOptions, sequenceAlterClauses, sequenceOptionClauses } from './sequence-options';
import { sequenceKind } from './sequence.kind';
import type { SequenceInfo } from './sequence.model';
import { createSequenceSql } from './sequence.sql';

const seq = (changes: Partial<SequenceInfo> = {}): SequenceInfo => ({
  schema: 'public',
  name: 'order_no',
  type: 'bigint',
  start: '1',
  increment: '1',
  min: '1',
  max: '9223372036854775807',
  cache: '1',
  cycle: false,
  ...changes,
});
const withSequence = (sequence: SequenceInfo) => catalogOf({ sequences: keyed(sequenceKind, sequence) });

describe('sequence options', () => {
  it('knows what Postgres picks for each type and direction', () => {
    expect(defaultSequenceOptions('integer', '1')).toEqual({
      start: '1',
      increment: '1',
      min: '1',
      max: '2147483647',
      cache: '1',
      cycle: false,
    });
    expect(defaultSequenceOptions('smallint', '-1')).toMatchObject({ start: '-1', min: '-32768', max: '-1' });
  });

  it('writes only the clauses that differ from the defaults', () => {
    expect(sequenceOptionClauses(seq())).toEqual([]);
    expect(sequenceOptionClauses(seq({ start: '1000', increment: '5', cache: '20', cycle: true }))).toEqual([
      'INCREMENT BY 5',
      'START WITH 1000',
      'CACHE 20',
      'CYCLE',
    ]);
    expect(createSequenceSql(seq({ type: 'integer', max: '2147483647', start: '10' }))).toBe(
      'CREATE SEQUENCE public.order_no AS integer START WITH 10;',
    );
  });

  it('alters what changed, with a prefix for identity columns', () => {
    expect(sequenceAlterClauses(seq(), seq({ type: 'integer', cycle: true }))).toEqual([
      'AS integer',
      'CYCLE',
    ]);
    expect(sequenceAlterClauses(seq(), seq({ increment: '2', cycle: true }), 'SET ')).toEqual([
      'SET INCREMENT BY 2',
      'SET CYCLE',
    ]);
  });
});

describe('sequence kind', () => {
  it('creates a sequence, then its OWNED BY after the column exists', () => {
    const owned = seq({ ownedBy: { table: 'table:public.orders', column: 'no' } });
    const { up, down } = diffBothWays(catalogOf({}), withSequence(owned));
    expect(up.sql).toEqual([
      'CREATE SEQUENCE public.order_no;',
      'ALTER SEQUENCE public.order_no OWNED BY public.orders.no;',
    ]);
    expect(down.sql).toEqual(['DROP SEQUENCE public.order_no;']);
  });

  it('changes options and ownership in place', () => {
    const { up, down } = diffBothWays(
      withSequence(seq()),
      withSequence(seq({ increment: '10', ownedBy: { table: 'table:public.orders', column: 'no' } })),
    );
    expect(up.sql).toEqual([
      'ALTER SEQUENCE public.order_no INCREMENT BY 10;',
      'ALTER SEQUENCE public.order_no OWNED BY public.orders.no;',
    ]);
    expect(up.changes).toEqual([
      '~ sequence public.order_no options: INCREMENT BY 1 -> INCREMENT BY 10',
      '~ sequence public.order_no owned by: (none) -> public.orders.no',
    ]);
    expect(down.sql).toEqual([
      'ALTER SEQUENCE public.order_no INCREMENT BY 1;',
      'ALTER SEQUENCE public.order_no OWNED BY NONE;',
    ]);
  });

  it('goes with the table that owns it', () => {
    expect(sequenceKind.dropsWith?.(seq({ ownedBy: { table: 'table:public.t', column: 'id' } }))).toBe(
      'table:public.t',
    );
    expect(sequenceKind.dropsWith?.(seq())).toBeUndefined();
  });
});
