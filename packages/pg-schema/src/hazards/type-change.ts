import type { TypeName } from 'libpg-query';
import { stringValue } from '../parse-tree.js';

/** A column type in one spelling for both the catalog (format_type) and the parse tree. */
export interface ColumnType {
  /** e.g. `integer`, `character varying`, `timestamptz`, `public.mood`. */
  base: string;
  /** Type modifiers: `[100]` for varchar(100), `[12, 2]` for numeric(12,2). */
  mods: number[];
  array: boolean;
}

/** Internal and SQL-standard spellings -> format_type's. */
const ALIASES: Record<string, string> = {
  int2: 'smallint',
  int4: 'integer',
  int: 'integer',
  int8: 'bigint',
  float4: 'real',
  float8: 'double precision',
  bool: 'boolean',
  decimal: 'numeric',
  varchar: 'character varying',
  bpchar: 'character',
  char: 'character',
  varbit: 'bit varying',
  timestamp: 'timestamp',
  'timestamp without time zone': 'timestamp',
  'timestamp with time zone': 'timestamptz',
  time: 'time',
  'time without time zone': 'time',
  'time with time zone': 'timetz',
};

/** Parses a format_type text such as `character varying(100)`, `timestamp(3) with time zone`, `integer[]`. */
export function parseColumnType(text: string): ColumnType {
  let rest = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const array = rest.endsWith('[]');
  rest = rest.replace(/(\[\d*\])+$/, '');
  let mods: number[] = [];
  const zone = / (with|without) time zone$/.exec(rest);
  if (zone) rest = rest.slice(0, zone.index);
  const withMods = /^(.*?)\s?\(([\d,\s]+)\)$/.exec(rest);
  if (withMods) {
    rest = withMods[1];
    mods = withMods[2].split(',').map((m) => Number(m.trim()));
  }
  const spelled = zone ? `${rest} ${zone[1]} time zone` : rest;
  return { base: ALIASES[spelled] ?? ALIASES[rest] ?? spelled, mods, array };
}

/** The type a ColumnDef names in the parse tree; user types without a schema are taken as `public`. */
export function typeOfTypeName(typeName: TypeName | undefined): ColumnType | undefined {
  const names = (typeName?.names ?? []).map(stringValue);
  if (names.length === 0 || names.some((n) => n === undefined)) return undefined;
  const last = String(names[names.length - 1]).toLowerCase();
  const builtin = names[0] === 'pg_catalog' || (names.length === 1 && (ALIASES[last] || BUILTIN.has(last)));
  const base = builtin ? (ALIASES[last] ?? last) : names.length === 1 ? `public.${last}` : names.join('.');
  const mods = (typeName?.typmods ?? []).map((m) => ('A_Const' in m ? (m.A_Const.ival?.ival ?? 0) : 0));
  return { base, mods, array: (typeName?.arrayBounds ?? []).length > 0 };
}

const BUILTIN = new Set([
  'text',
  'smallint',
  'integer',
  'bigint',
  'numeric',
  'real',
  'boolean',
  'uuid',
  'jsonb',
  'json',
  'bytea',
  'date',
  'interval',
  'inet',
  'cidr',
  'serial',
  'bigserial',
  'smallserial',
  'serial4',
  'serial8',
  'serial2',
  'timestamptz',
  'timetz',
  'money',
  'xml',
]);

export function formatColumnType(type: ColumnType): string {
  const mods = type.mods.length ? `(${type.mods.join(',')})` : '';
  return `${type.base}${mods}${type.array ? '[]' : ''}`;
}

function sameType(a: ColumnType, b: ColumnType): boolean {
  return a.base === b.base && a.array === b.array && a.mods.join(',') === b.mods.join(',');
}

const STRING_TYPES = new Set(['text', 'character varying']);
const PRECISION_TYPES = new Set(['timestamp', 'timestamptz', 'time', 'timetz', 'interval']);

/**
 * Whether `ALTER COLUMN ... TYPE` from one type to the other (without USING) rewrites the table.
 * Postgres skips the rewrite for binary-coercible changes that cannot fail: varchar widening,
 * varchar <-> text (to an unbounded type), numeric precision widening at the same scale, and
 * precision increases of times, timestamps, intervals and bit varying (measured on PG15 and PG18:
 * the table's relfilenode stays). Arrays, char(n) and everything else rewrite.
 */
export function typeChangeRewrites(before: ColumnType, after: ColumnType): boolean {
  if (sameType(before, after)) return false;
  if (before.array || after.array) return true;
  const unbounded = after.mods.length === 0;
  if (STRING_TYPES.has(before.base) && STRING_TYPES.has(after.base)) {
    if (after.base === 'text' || unbounded) return false;
    return !(
      before.base === 'character varying' &&
      before.mods.length === 1 &&
      after.mods[0] >= before.mods[0]
    );
  }
  if (before.base !== after.base) return !(before.base === 'cidr' && after.base === 'inet');
  if (before.base === 'numeric') {
    if (unbounded) return false;
    if (before.mods.length === 0) return true;
    return !(after.mods[0] >= before.mods[0] && (after.mods[1] ?? 0) === (before.mods[1] ?? 0));
  }
  if (PRECISION_TYPES.has(before.base) || before.base === 'bit varying')
    return !(unbounded || (before.mods.length > 0 && after.mods[0] >= before.mods[0]));
  return true;
}

const INTEGER_WIDTH: Record<string, number> = { smallint: 2, integer: 4, bigint: 8 };

/** Conversions that never fail and never lose data (they may still rewrite: integer -> bigint). */
export function isWidening(before: ColumnType, after: ColumnType): boolean {
  if (sameType(before, after)) return true;
  if (before.array !== after.array) return false;
  if (INTEGER_WIDTH[before.base] && INTEGER_WIDTH[after.base])
    return INTEGER_WIDTH[after.base] >= INTEGER_WIDTH[before.base];
  if (after.base === 'text' && ['character varying', 'character', 'text'].includes(before.base)) return true;
  if (before.base === 'text' && after.base === 'character varying') return after.mods.length === 0;
  if (before.base === 'character varying' && after.base === 'character varying')
    return after.mods.length === 0 || (before.mods.length > 0 && after.mods[0] >= before.mods[0]);
  if (before.base === 'numeric' && after.base === 'numeric') {
    if (after.mods.length === 0) return true;
    if (before.mods.length === 0) return false;
    const [bp, bs = 0] = before.mods;
    const [ap, as = 0] = after.mods;
    return ap - as >= bp - bs && as >= bs;
  }
  if (before.base === after.base && (PRECISION_TYPES.has(before.base) || before.base === 'bit varying'))
    return after.mods.length === 0 || (before.mods.length > 0 && after.mods[0] >= before.mods[0]);
  return before.base === 'cidr' && after.base === 'inet';
}
