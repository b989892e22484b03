import { ids } from '../../catalog/object-id.js';
import { depsOf, type DiffContext } from '../../diff/context.js';
import { alterComment, commentOn, createStatement, dropStatement } from '../../diff/object-ops.js';
import { UnsupportedChangeError } from '../../diff/unsupported.js';
import { RANK, statement } from '../../plan/statement.js';
import { quoteIdent } from '../../render/sql-text.js';
import { describeIds, unrecreatableDependents } from '../stored-dependents.js';
import { tableName } from '../table/table.sql.js';
import type { CompositeInfo } from '../composite/composite.model.js';
import type { CollationInfo } from './collation.model.js';
import {
  collationCommentTarget,
  collationName,
  collationOptions,
  createCollationSql,
  dropCollationSql,
  renameCollationSql,
} from './collation.sql.js';

export function createCollation(ctx: DiffContext, id: string, collation: CollationInfo): void {
  ctx.statements.push(createStatement(ctx, id, createCollationSql(collation), RANK.createType));
  if (collation.comment !== undefined)
    ctx.statements.push(commentOn(collationCommentTarget(collation), collation.comment, id));
}

export function dropCollation(ctx: DiffContext, id: string, collation: CollationInfo): void {
  ctx.statements.push(dropStatement(ctx, id, dropCollationSql(collation), RANK.dropType));
}

/** Postgres cannot change a collation's provider, locale or determinism: it is recreated. */
export function alterCollation(ctx: DiffContext, id: string, c: CollationInfo, d: CollationInfo): void {
  const [before, after] = [collationOptions(c), collationOptions(d)];
  if (before !== after) {
    recreateCollation(ctx, id, c, d);
    ctx.changes.push({ action: 'alter', object: id, attribute: 'definition', before, after });
    return;
  }
  alterComment(ctx, collationCommentTarget(d), id, c.comment, d.comment);
}

/**
 * As enums are: the old collation is renamed out of the way, the new one created, every kept
 * column moved onto it (no table rewrite; its indexes are rebuilt, views on it recreated by the
 * cascade) and the old one dropped. Types that hold columns (domains, composite and range types)
 * cannot be moved in place: that stops with a message.
 */
function recreateCollation(ctx: DiffContext, id: string, c: CollationInfo, d: CollationInfo): void {
  const name = collationName(c);
  const columns = columnsUsing(ctx, name);
  const blockers = [
    ...unrecreatableDependents(ctx, id, (dependent) => dependent.startsWith('column:')),
    ...compositesUsing(ctx, name),
  ];
  if (blockers.length > 0) {
    throw new UnsupportedChangeError(
      `Collation ${c.schema}.${c.name} changes (${collationOptions(c)} -> ${collationOptions(d)}) ` +
        `while ${describeIds(blockers)} uses it; Postgres cannot alter a collation in place, nor move ` +
        `those objects to another one. Write this migration by hand (create the new collation under ` +
        `another name, move the objects to it, drop the old one), or give the new collation a new name in the models.`,
    );
  }
  const retyped = columns.filter((column) => column.desiredType !== column.type);
  if (retyped.length > 0) {
    throw new UnsupportedChangeError(
      `Collation ${c.schema}.${c.name} changes while the type of column ${retyped[0].label} changes too; ` +
        `change them in two migrations (generate one, then the other).`,
    );
  }
  const oldName = `${c.name}__old`;
  const oldId = `${id}__old`;
  ctx.gone.add(id);
  ctx.replaced.add(id);
  ctx.statements.push(
    statement(renameCollationSql(c, oldName), RANK.alterType, `${id}#0rename`, {
      drops: [id],
      creates: [oldId],
    }),
  );
  ctx.statements.push(
    statement(createCollationSql(d), RANK.alterType, `${id}#1create`, {
      creates: [id],
      requires: depsOf(ctx.desired, id),
    }),
  );
  if (d.comment !== undefined) ctx.statements.push(commentOn(collationCommentTarget(d), d.comment, id));
  for (const column of columns) {
    const move = statement(
      `ALTER TABLE ${column.table} ALTER COLUMN ${quoteIdent(column.name)} TYPE ${column.type} COLLATE ${name};`,
      RANK.alterType,
      `${id}#2${column.id}`,
      { creates: [column.id], requires: [id], releases: [oldId] },
    );
    ctx.statements.push(move);
    ctx.retypedColumns.set(column.id, move);
  }
  ctx.statements.push(
    statement(dropCollationSql({ schema: c.schema, name: oldName }), RANK.alterType, `${id}#3drop`, {
      drops: [oldId],
      requires: [id],
    }),
  );
}

interface CollatedColumn {
  id: string;
  label: string;
  table: string;
  name: string;
  type: string;
  desiredType: string;
}

/** Columns that use the collation now and keep it in the desired catalog. */
function columnsUsing(ctx: DiffContext, collation: string): CollatedColumn[] {
  const out: CollatedColumn[] = [];
  for (const table of Object.values(ctx.current.tables)) {
    const desiredTable = ctx.desired.tables[ids.table(table.schema, table.name)];
    for (const column of table.columns) {
      if (column.collation !== collation) continue;
      const desired = desiredTable?.columns.find((col) => col.name === column.name);
      if (desired?.collation !== collation) continue;
      out.push({
        id: ids.column(table.schema, table.name, column.name),
        label: `${table.schema}.${table.name}.${column.name}`,
        table: tableName(table),
        name: column.name,
        type: column.type,
        desiredType: desired.type,
      });
    }
  }
  return out;
}

/**
 * Kept composite types whose attributes use the collation (their pg_depend rows name the
 * attributes, which the catalog does not map).
 */
function compositesUsing(ctx: DiffContext, collation: string): string[] {
  const uses = (type: CompositeInfo | undefined) =>
    type?.attributes.some((attribute) => attribute.collation === collation) ?? false;
  return Object.keys(ctx.current.composites).filter(
    (compositeId) => uses(ctx.current.composites[compositeId]) && uses(ctx.desired.composites[compositeId]),
  );
}
