import { ids } from '../../catalog/object-id.js';
import { depsOfAll, sameJson, type DiffContext } from '../../diff/context.js';
import { diffObjects, dropObject } from '../../diff/diff-objects.js';
import { alterComment, commentOn, droppedWith, markImplicit } from '../../diff/object-ops.js';
import { UnsupportedChangeError } from '../../diff/unsupported.js';
import { RANK, statement } from '../../plan/statement.js';
import { columnCommentTarget } from '../../render/comments.js';
import { indexCommentTarget } from '../index/index.sql.js';
import { addColumn, alterColumn, dropColumn } from './column.diff.js';
import { CONSTRAINT, createConstraint } from './constraint.diff.js';
import { constraintKind } from './constraint.kind.js';
import { constraintCommentTarget } from './constraint.sql.js';
import { cyclicForeignKeys } from './cyclic-foreign-keys.js';
import { alterRowSecurity, createRowSecurity } from './row-security.diff.js';
import { catalogConstraints, constraintsOf, tableMemberIds } from './table-members.js';
import type { TableInfo } from './table.model.js';
import { alterTableSql, createTableSql, dropTableSql, tableCommentTarget } from './table.sql.js';

/**
 * CREATE TABLE with its columns and the constraints that need no other table; foreign keys
 * follow as their own statements (they need the tables they reference).
 */
export function createTable(ctx: DiffContext, id: string, table: TableInfo): void {
  const members = tableMemberIds(table).filter((member) => !isForeignKey(table, member));
  const requires = depsOfAll(ctx.desired, members);
  if (table.partitionOf) requires.push(table.partitionOf.parent);
  ctx.statements.push(statement(createTableSql(table), RANK.createTable, id, { creates: members, requires }));
  for (const [constraintId, entry] of Object.entries(constraintsOf(table))) {
    if (entry.constraint.type === 'foreign') createConstraint(ctx, constraintId, entry);
  }
  createRowSecurity(ctx, id, table);
  if (table.comment !== undefined)
    ctx.statements.push(commentOn(tableCommentTarget(table), table.comment, id));
  for (const column of table.columns) {
    if (column.comment !== undefined) {
      ctx.statements.push(
        commentOn(columnCommentTarget(table.schema, table.name, column.name), column.comment, id),
      );
    }
  }
  for (const constraint of Object.values(table.constraints)) {
    if (constraint.type === 'foreign') continue;
    if (constraint.comment !== undefined) {
      ctx.statements.push(commentOn(constraintCommentTarget(id, constraint), constraint.comment, id));
    }
    if (constraint.indexComment !== undefined) {
      ctx.statements.push(
        commentOn(indexCommentTarget(table.schema, constraint.name), constraint.indexComment, id),
      );
    }
  }
}

/**
 * DROP TABLE takes its columns, constraints, indexes, triggers, policies and owned sequences
 * along (no statements of their own); foreign keys on a cycle of dropped tables go first, and a
 * partition goes with its dropped parent.
 */
export function dropTable(ctx: DiffContext, id: string, table: TableInfo): void {
  const cyclic = cyclicForeignKeys(ctx);
  const members = [...tableMemberIds(table), ...droppedWith(ctx, id)];
  for (const member of members) {
    if (cyclic.has(member)) dropObject(ctx, CONSTRAINT, member, catalogConstraints(ctx.current)[member]);
  }
  const dropSet = members.filter((member) => !cyclic.has(member));
  for (const member of dropSet) if (member !== id) markImplicit(ctx, member);
  const parent = table.partitionOf?.parent;
  if (parent && !ctx.desired.tables[parent] && ctx.current.tables[parent]) {
    ctx.implicitlyDropped.add(id);
    return;
  }
  ctx.statements.push(
    statement(dropTableSql(table), RANK.dropTable, id, {
      drops: dropSet,
      releases: depsOfAll(ctx.current, dropSet),
    }),
  );
}

/** Columns, constraints, row-level security, persistence and comment change in place. */
export function alterTable(ctx: DiffContext, id: string, c: TableInfo, d: TableInfo): void {
  if (c.partitionBy !== d.partitionBy || !sameJson(c.partitionOf, d.partitionOf)) {
    throw new UnsupportedChangeError(
      `The partitioning of table ${d.schema}.${d.name} changes; Postgres cannot change it in place. ` +
        `Write this migration by hand (create the new table, copy the rows, swap the names).`,
    );
  }
  const before = new Map(c.columns.map((column) => [column.name, column]));
  const after = new Map(d.columns.map((column) => [column.name, column]));
  for (const column of c.columns) if (!after.has(column.name)) dropColumn(ctx, c, column);
  for (const column of d.columns) {
    const old = before.get(column.name);
    if (!old) addColumn(ctx, d, column);
    else alterColumn(ctx, c, d, old, column);
  }
  diffObjects(ctx, constraintKind, constraintsOf(c), constraintsOf(d));
  alterRowSecurity(ctx, id, c, d);
  if (c.unlogged !== d.unlogged) {
    ctx.statements.push(
      statement(
        alterTableSql(d, `SET ${d.unlogged ? 'UNLOGGED' : 'LOGGED'}`),
        RANK.alterColumn,
        `${id}#logged`,
        {
          creates: [id],
        },
      ),
    );
    ctx.changes.push({
      action: 'alter',
      object: id,
      attribute: 'unlogged',
      before: c.unlogged,
      after: d.unlogged,
    });
  }
  alterComment(ctx, tableCommentTarget(d), id, c.comment, d.comment);
}

function isForeignKey(table: TableInfo, memberId: string): boolean {
  if (!memberId.startsWith('constraint:')) return false;
  return Object.values(table.constraints).some(
    (constraint) =>
      constraint.type === 'foreign' && ids.constraint(table.schema, table.name, constraint.name) === memberId,
  );
}
