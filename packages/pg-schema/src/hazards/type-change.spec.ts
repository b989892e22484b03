import { isWidening, parseColumnType, typeChangeRewrites } from './type-change';

const t = parseColumnType;

describe('parseColumnType', () => {
  it.each([
    ['character varying(100)', { base: 'character varying', mods: [100], array: false }],
    ['timestamp(3) with time zone', { base: 'timestamptz', mods: [3], array: false }],
    ['timestamp without time zone', { base: 'timestamp', mods: [], array: false }],
    ['numeric(12,2)', { base: 'numeric', mods: [12, 2], array: false }],
    ['integer[]', { base: 'integer', mods: [], array: true }],
    ['public.mood', { base: 'public.mood', mods: [], array: false }],
  ])('%s', (text, expected) => expect(parseColumnType(text)).toEqual(expected));
});

describe('isWidening', () => {
  it.each([
    ['integer', 'bigint', true],
    ['bigint', 'integer', false],
    ['character varying(10)', 'text', true],
    ['character varying(10)', 'varchar(20)', true],
    ['character varying(20)', 'character varying(10)', false],
    ['character varying(20)', 'character varying', true],
    ['text', 'varchar', true],
    ['numeric(10,2)', 'numeric(12,2)', true],
    ['numeric(10,2)', 'numeric(10,1)', false],
    ['numeric(10,2)', 'numeric', true],
    ['text', 'integer', false],
  ])('%s -> %s: %s', (before, after, expected) => {
    expect(isWidening(t(before), t(after))).toBe(expected);
  });
});

describe('typeChangeRewrites (measured: relfilenode changes on PG15)', () => {
  it.each([
    ['character varying(10)', 'character varying(20)', false],
    ['character varying(10)', 'text', false],
    ['text', 'character varying', false],
    ['character varying', 'character varying(30)', true],
    ['text', 'character varying(5)', true],
    ['numeric(10,2)', 'numeric(12,2)', false],
    ['numeric(10,2)', 'numeric(14,3)', true],
    ['numeric(10,2)', 'numeric', false],
    ['character(5)', 'text', true],
    ['character(5)', 'character(10)', true],
    ['integer', 'bigint', true],
    ['timestamp(3) without time zone', 'timestamp(6) without time zone', false],
    ['timestamp without time zone', 'timestamp with time zone', true],
    ['cidr', 'inet', false],
    ['json', 'jsonb', true],
    ['integer[]', 'bigint[]', true],
    ['character varying(5)[]', 'text[]', true],
    ['bit varying(5)', 'bit varying(10)', false],
  ])('%s -> %s: %s', (before, after, expected) => {
    expect(typeChangeRewrites(t(before), t(after))).toBe(expected);
  });
});
