import { describeId, ids } from '../../catalog/object-id.js';
import type { DiffContext } from '../../diff/context.js';
import { recreateObject } from '../../diff/diff-objects.js';
import { alterComment, commentOn, createStatement, dropStatement } from '../../diff/object-ops.js';
import { UnsupportedChangeError } from '../../diff/unsupported.js';
import { RANK } from '../../plan/statement.js';
import { qualified } from '../../render/sql-text.js';
import { unrecreatableDependents } from '../stored-dependents.js';
import { dropTypeSql, typeCommentTarget } from '../user-type.js';
import type { RangeInfo } from './range.model.js';
import { createRangeSql, rangeOptions } from './range.sql.js';

const RANGE = { create: createRange, drop: dropRange };

export function createRange(ctx: DiffContext, id: string, range: RangeInfo): void {
  if (range.canonical !== undefined) {
    // The canonical function takes the range type, so it needs a shell type created before it
    // (CREATE TYPE name;), and only C functions can take a shell type.
    throw new UnsupportedChangeError(
      `Range type ${range.schema}.${range.name} has a canonical function (${range.canonical}), which needs a ` +
        `shell type created before the function; pg-schema does not write that sequence. Write this migration ` +
        `by hand: CREATE TYPE ${qualified(range.schema, range.name)}; then the function, then CREATE TYPE ... AS RANGE.`,
    );
  }
  ctx.statements.push(createStatement(ctx, id, createRangeSql(range), RANK.createType));
  if (range.comment !== undefined)
    ctx.statements.push(commentOn(typeCommentTarget(range), range.comment, id));
}

/** DROP TYPE takes the multirange type and the constructor functions along. */
export function dropRange(ctx: DiffContext, id: string, range: RangeInfo): void {
  ctx.statements.push(dropStatement(ctx, id, dropTypeSql(range), RANK.dropType));
}

/**
 * Postgres alters nothing of a range type but its name, owner and schema: a new definition
 * drops and creates it again, with functions and views on it recreated by the cascade; that
 * stops with a message while a column stores values of it.
 */
export function alterRange(ctx: DiffContext, id: string, c: RangeInfo, d: RangeInfo): void {
  const [before, after] = [rangeOptions(c), rangeOptions(d)];
  if (before === after) {
    alterComment(ctx, typeCommentTarget(d), id, c.comment, d.comment);
    return;
  }
  const types = new Set([qualified(c.schema, c.name), c.multirange]);
  const blockers = [...new Set([...unrecreatableDependents(ctx, id), ...keptHolders(ctx, types)])].map(
    describeId,
  );
  if (blockers.length > 0) {
    throw new UnsupportedChangeError(
      `Range type ${c.schema}.${c.name} changes (${before} -> ${after}) while ${blockers.join(', ')} uses it; ` +
        `Postgres cannot alter a range type in place. Write this migration by hand (create a new type, ` +
        `convert the columns, drop the old type).`,
    );
  }
  recreateObject(ctx, RANGE, id, { current: c, desired: d }, { attribute: 'definition', before, after });
}

/**
 * Columns and composite types that hold values of the types (or arrays of them) and that the
 * desired catalog keeps so (pg_depend names a composite's attributes, which the catalog does not map).
 */
function keptHolders(ctx: DiffContext, types: Set<string>): string[] {
  const holds = (type: string | undefined) => type !== undefined && types.has(type.replace(/\[\]$/, ''));
  const out: string[] = [];
  for (const [tableId, table] of Object.entries(ctx.current.tables)) {
    for (const column of table.columns) {
      const kept = ctx.desired.tables[tableId]?.columns.find((col) => col.name === column.name);
      if (holds(column.type) && holds(kept?.type))
        out.push(ids.column(table.schema, table.name, column.name));
    }
  }
  for (const [typeId, type] of Object.entries(ctx.current.composites)) {
    const kept = ctx.desired.composites[typeId];
    if (type.attributes.some((a) => holds(a.type)) && kept?.attributes.some((a) => holds(a.type)))
      out.push(typeId);
  }
  return out;
}
