import type { Catalog } from '../../catalog/catalog.js';
import { ids } from '../../catalog/object-id.js';
import type { DiffContext } from '../../diff/context.js';
import { UnsupportedChangeError } from '../../diff/unsupported.js';
import { quoteIdent } from '../../render/sql-text.js';
import type { ColumnInfo } from './column.model.js';
import type { TableInfo } from './table.model.js';

/**
 * How values of one type become another in `ALTER COLUMN ... TYPE ... USING`: `direct`, Postgres
 * has a cast (`col::new`, which covers pg_cast, binary and I/O casts to and from text, domains and
 * arrays); `text`, none, but both are enums (or composites, ranges) whose text forms carry over
 * (`col::text::new`); `none`, no conversion exists (integer to an enum).
 */
export type CastPath = 'direct' | 'text' | 'none';

/** A `-- @using` hint's expression for one direction, and where the hint is. */
export interface UsingExpression {
  /** Undefined: the hint gives no expression for this direction. */
  expression?: string;
  /** `models/02_tables.sql:14`, for messages. */
  where: string;
}

/** What the diff knows about converting column values (from the server and the models' hints). */
export interface ColumnConversions {
  /** The cast paths the server found, by `castKey(from, to)`; pairs not listed are judged from the catalogs. */
  castPaths?: ReadonlyMap<string, CastPath>;
  /** `-- @using` hints of this direction, by column id (the column's id in the diff's desired catalog). */
  using?: ReadonlyMap<string, UsingExpression>;
  /** The direction being diffed, for messages (the down section needs its own conversion). */
  direction?: 'up' | 'down';
}

export function castKey(from: string, to: string): string {
  return `${from}\u0000${to}`;
}

/**
 * The ` USING ...` clause of a type change: the hint's expression, else a cast; stops with a
 * message that says how to give the conversion when there is none.
 */
export function usingClause(ctx: DiffContext, table: TableInfo, c: ColumnInfo, d: ColumnInfo): string {
  const conversions = ctx.conversions;
  const columnId = ids.column(table.schema, table.name, d.name);
  const hint = conversions.using?.get(columnId);
  if (hint?.expression !== undefined) return ` USING ${hint.expression}`;
  const col = quoteIdent(d.name);
  const path =
    conversions.castPaths?.get(castKey(c.type, d.type)) ?? castPathFromCatalogs(ctx, c.type, d.type);
  if (path === 'direct') return ` USING ${col}::${d.type}`;
  if (path === 'text') return ` USING ${col}::text::${d.type}`;
  throw new UnsupportedChangeError(noConversionMessage(table, d, c.type, conversions.direction, hint));
}

function noConversionMessage(
  table: TableInfo,
  column: ColumnInfo,
  from: string,
  direction: 'up' | 'down' | undefined,
  hint: UsingExpression | undefined,
): string {
  const name = `${table.schema}.${table.name}.${column.name}`;
  const what = `Column ${name} changes type from ${from} to ${column.type}, and Postgres has no cast between them`;
  if (direction === 'down') {
    return (
      `${what} for the down section (back to the committed type). ` +
      (hint
        ? `Add the way back to the hint at ${hint.where}: -- @using up: <expression>; down: <expression of ${column.name} as ${column.type}>.`
        : `Give both directions on the column's line in the models: -- @using up: <expression>; down: <expression of ${column.name} as ${column.type}>.`)
    );
  }
  return (
    `${what}. Say how to convert the values with a hint on the column's line in the models: ` +
    `-- @using <expression of ${column.name} as ${column.type}> ` +
    `(and "; down: <expression>" for the way back when it has no cast either: -- @using up: <expression>; down: <expression>). ` +
    `See docs/migrate-generate.md#converting-a-column-to-another-type.`
  );
}

/**
 * The cast path when the server was not asked (unit tests, drift reports): enums (and composite
 * types) convert through text to another of their kind and cast to and from text types; between
 * other types a cast is assumed (the server's answer replaces this in generate).
 */
export function castPathFromCatalogs(
  ctx: Pick<DiffContext, 'current' | 'desired'>,
  from: string,
  to: string,
): CastPath {
  const family = (type: string) => userTypeFamily(ctx.current, type) ?? userTypeFamily(ctx.desired, type);
  const [a, b] = [family(from), family(to)];
  if (a === undefined && b === undefined) return 'direct';
  if (a === b) return 'text';
  return (a === undefined && isTextType(from)) || (b === undefined && isTextType(to)) ? 'direct' : 'none';
}

/** The built-in string types (I/O casts to and from them always exist). */
function isTextType(type: string): boolean {
  return /^(text|name|character varying(\(\d+\))?|character(\(\d+\))?)$/.test(type);
}

/** `enum`, `composite` (with `[]` per array level) for a user type of the catalog, else undefined. */
function userTypeFamily(catalog: Catalog, type: string): string | undefined {
  const dims = /(\[\])*$/.exec(type)?.[0] ?? '';
  const element = type.slice(0, type.length - dims.length);
  const id = ids.type(element);
  if (catalog.enums[id]) return `enum${dims}`;
  if (catalog.composites[id]) return `composite${dims}`;
  const domain = catalog.domains[id];
  return domain ? userTypeFamily(catalog, domain.baseType + dims) : undefined;
}
