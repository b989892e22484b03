import { column, table } from '../test-support/catalogs';
import { identitySequence, keepSequencePosition, nextvalSequence } from './sequence-position';

describe('sequence position', () => {
  const t = table('Orders', []);
  it('moves a new sequence past the values the rows hold, for integer columns only', () => {
    const id = column('Id', 'bigint');
    expect(
      keepSequencePosition(t, id, identitySequence(t, id), { start: '1', increment: '1' }, 'c')?.sql,
    ).toBe(
      `SELECT setval(pg_get_serial_sequence('public."Orders"', 'Id'), max("Id")) FROM public."Orders" HAVING max("Id") >= 1;`,
    );
    expect(keepSequencePosition(t, id, "'s'", { start: '-1', increment: '-1' }, 'c')?.sql).toBe(
      `SELECT setval('s', min("Id")) FROM public."Orders" HAVING min("Id") <= -1;`,
    );
    expect(
      keepSequencePosition(t, column('n', 'numeric'), "'s'", { start: '1', increment: '1' }, 'c'),
    ).toBeUndefined();
  });

  it('reads the sequence of a nextval default', () => {
    expect(nextvalSequence("nextval('public.t_id_seq'::regclass)")).toBe('public.t_id_seq');
    expect(nextvalSequence("nextval('public.\"it''s\"'::regclass)")).toBe(`public."it's"`);
    expect(nextvalSequence('77')).toBeUndefined();
    expect(nextvalSequence(undefined)).toBeUndefined();
  });
});
