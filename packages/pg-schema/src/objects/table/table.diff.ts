import { ids } from '../../catalog/object-id.js';
import { depsOfAll, type DiffContext } from '../../diff/context.js';
import { dropObject } from '../../diff/diff-objects.js';
import { alterComment, commentOn, droppedWith, markImplicit } from '../../diff/object-ops.js';
import { UnsupportedChangeError } from '../../diff/unsupported.js';
import { RANK, statement } from '../../plan/statement.js';
import { columnCommentTarget } from '../../render/comments.js';
import { indexCommentTarget } from '../index/index.sql.js';
import { storageKey } from './column-storage.diff.js';
import { CONSTRAINT, createConstraint } from './constraint.diff.js';
import { constraintCommentTarget } from './constraint.sql.js';
import { cyclicForeignKeys } from './cyclic-foreign-keys.js';
import { columnsAfterCreate, diffTableColumns, diffTableConstraints } from './inherited-members.diff.js';
import { alterRowSecurity, createRowSecurity } from './row-security.diff.js';
import { catalogConstraints, constraintsOf, tableMemberIds } from './table-members.js';
import { parentsOf } from './table-parents.js';
import { alterTableOptions } from './table-storage.diff.js';
import type { TableInfo } from './table.model.js';
import { alterTableSql, createTableSql, dropTableSql, tableCommentTarget } from './table.sql.js';

/**
 * CREATE TABLE with its columns and the constraints that need no other table; foreign keys
 * follow as their own statements (they need the tables they reference).
 */
export function createTable(ctx: DiffContext, id: string, table: TableInfo): void {
  const members = tableMemberIds(table).filter((member) => !isForeignKey(table, member));
  const requires = depsOfAll(ctx.desired, members);
  // A partition or child copies its parents' columns as they are after their changes.
  for (const parentId of parentsOf(table)) {
    requires.push(parentId);
    const parent = ctx.desired.tables[parentId];
    if (!parent) continue;
    for (const column of parent.columns) {
      const columnId = ids.column(parent.schema, parent.name, column.name);
      requires.push(columnId, storageKey(columnId));
    }
  }
  ctx.statements.push(statement(createTableSql(table), RANK.createTable, id, { creates: members, requires }));
  columnsAfterCreate(ctx, table);
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

/**
 * Columns (a partition's and a child's through their parents), constraints, row-level security,
 * persistence, storage parameters and comment change in place; a partition or child that joins
 * or leaves its parent was made a table of its own on that side (table-parents.ts).
 */
export function alterTable(ctx: DiffContext, id: string, c: TableInfo, d: TableInfo): void {
  if (c.partitionBy !== d.partitionBy) throw partitionKeyChange(d, c.partitionBy, d.partitionBy);
  diffTableColumns(ctx, c, d);
  diffTableConstraints(ctx, c, d);
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
  alterTableOptions(ctx, id, c, d);
  alterComment(ctx, tableCommentTarget(d), id, c.comment, d.comment);
}

/** ALTER TABLE has no form that changes a partition key, or makes a table partitioned or not. */
function partitionKeyChange(table: TableInfo, before: string | undefined, after: string | undefined): Error {
  const name = `${table.schema}.${table.name}`;
  return new UnsupportedChangeError(
    `The partition key of table ${name} changes (${before ?? 'not partitioned'} -> ${after ?? 'not partitioned'}): ` +
      `Postgres cannot change a table's partition key, or make a table partitioned or not, in place ` +
      `(partitions are attached and detached in place; the engine writes those). Write this migration by hand: ` +
      `create the new table under another name (with its partitions), copy the rows (INSERT INTO ... SELECT ...), ` +
      `drop the old table and rename the new one (ALTER TABLE ... RENAME TO ${table.name}); or make the old table ` +
      `a partition of the new one (ALTER TABLE new ATTACH PARTITION ${name} FOR VALUES ...).`,
  );
}

function isForeignKey(table: TableInfo, memberId: string): boolean {
  if (!memberId.startsWith('constraint:')) return false;
  return Object.values(table.constraints).some(
    (constraint) =>
      constraint.type === 'foreign' && ids.constraint(table.schema, table.name, constraint.name) === memberId,
  );
}
