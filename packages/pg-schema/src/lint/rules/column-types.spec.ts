import { loadSqlParser } from '@bakery-ia/init-manager';
import { lintRule } from './lint-test-support';

beforeAll(() => loadSqlParser());

const table = [
  'CREATE TABLE t (',
  '  id integer GENERATED ALWAYS AS IDENTITY,',
  '  other_id int PRIMARY KEY,',
  '  seq serial,',
  '  big bigserial,',
  '  quantity integer,',
  '  code char(3),',
  '  name varchar(40),',
  '  note text,',
  '  at timestamp,',
  '  at_tz timestamptz,',
  '  CONSTRAINT t_pkey2 UNIQUE (quantity)',
  ');',
].join('\n');

describe('column type rules', () => {
  it('prefer-bigint: key columns only (identity, primary key, serial)', () => {
    expect(lintRule('prefer-bigint', table).map((f) => f.split(' is ')[0])).toEqual([
      '1 warning prefer-bigint: key column public.t.id',
      '1 warning prefer-bigint: key column public.t.other_id',
      '1 warning prefer-bigint: key column public.t.seq',
    ]);
    expect(
      lintRule('prefer-bigint', 'CREATE TABLE u (id smallint, CONSTRAINT u_pkey PRIMARY KEY (id));'),
    ).toEqual([
      '1 warning prefer-bigint: key column public.u.id is smallint: it runs out at 32,767; use bigint',
    ]);
  });

  it('prefer-identity: serial types', () => {
    expect(lintRule('prefer-identity', table).map((f) => f.split(' is ')[0])).toEqual([
      '1 info prefer-identity: public.t.seq',
      '1 info prefer-identity: public.t.big',
    ]);
  });

  it('prefer-text-field, prefer-timestamptz and char-field, also on ADD COLUMN', () => {
    expect(lintRule('prefer-text-field', table).map((f) => f.split(';')[0])).toEqual([
      '1 info prefer-text-field: public.t.name is varchar(40)',
    ]);
    expect(lintRule('prefer-timestamptz', table)).toEqual([
      '1 warning prefer-timestamptz: public.t.at is timestamp without time zone: the UTC offset is dropped on insert; use timestamptz',
    ]);
    expect(lintRule('char-field', 'ALTER TABLE t ADD COLUMN c character(2);')).toEqual([
      '1 info char-field: public.t.c is char(n), which pads with blanks; text (with a CHECK) is usually meant',
    ]);
  });

  it('identifier-too-long', () => {
    const long = 'x'.repeat(64);
    expect(
      lintRule('identifier-too-long', `CREATE TABLE ${long} (id int);\nCREATE INDEX short ON t (id);`),
    ).toEqual([
      `1 warning identifier-too-long: "${long}" is longer than 63 bytes: Postgres truncates it to "${'x'.repeat(63)}"`,
    ]);
  });
});
