import { ids } from '../../catalog/object-id.js';
import { depsOf, type DiffContext } from '../../diff/context.js';
import { recreateObject } from '../../diff/diff-objects.js';
import { alterComment, commentOn } from '../../diff/object-ops.js';
import { RANK, statement } from '../../plan/statement.js';
import { indexCommentTarget } from '../index/index.sql.js';
import type { ConstraintInfo, TableConstraint } from './constraint.model.js';
import { alterOptionsSql, withClause } from './storage-options.js';
import { qualified } from '../../render/sql-text.js';
import { addConstraintSql, constraintCommentTarget, dropConstraintSql } from './constraint.sql.js';

export const CONSTRAINT = { create: createConstraint, drop: dropConstraint };

/** ADD CONSTRAINT after its table (foreign keys after every table and key they need). */
export function createConstraint(ctx: DiffContext, id: string, { table, constraint }: TableConstraint): void {
  const rank = constraint.type === 'foreign' ? RANK.addForeignKey : RANK.addConstraint;
  const tableId = ids.table(table.schema, table.name);
  ctx.statements.push(
    statement(addConstraintSql(table, constraint), rank, id, {
      creates: [id],
      requires: [...depsOf(ctx.desired, id), tableId],
      online: { form: 'add-constraint', table, constraint },
    }),
  );
  if (constraint.comment !== undefined) {
    ctx.statements.push(commentOn(constraintCommentTarget(tableId, constraint), constraint.comment, id));
  }
  if (constraint.indexComment !== undefined)
    ctx.statements.push(
      commentOn(indexCommentTarget(table.schema, constraint.name), constraint.indexComment, id),
    );
}

export function dropConstraint(ctx: DiffContext, id: string, { table, constraint }: TableConstraint): void {
  ctx.statements.push(
    statement(
      dropConstraintSql(table, constraint),
      constraint.type === 'foreign' ? RANK.dropForeignKey : RANK.dropConstraint,
      id,
      { drops: [id], releases: depsOf(ctx.current, id) },
    ),
  );
}

/**
 * A changed definition recreates the constraint; its index's storage parameters, its comment and
 * its index's comment change in place.
 */
export function alterConstraint(ctx: DiffContext, id: string, c: TableConstraint, d: TableConstraint): void {
  const [before, after] = [c.constraint, d.constraint];
  const optionsOnly = before.type === after.type && baseDefinition(before) === baseDefinition(after);
  if (optionsOnly) alterIndexOptions(ctx, id, d, before.indexOptions, after.indexOptions);
  else if (before.definition !== after.definition || before.type !== after.type) {
    const difference = { attribute: 'definition', before: before.definition, after: after.definition };
    recreateObject(ctx, CONSTRAINT, id, { current: c, desired: d }, difference);
    return;
  }
  const tableId = ids.table(d.table.schema, d.table.name);
  alterComment(ctx, constraintCommentTarget(tableId, after), id, before.comment, after.comment);
  const onIndex = indexCommentTarget(d.table.schema, after.name);
  alterComment(ctx, onIndex, id, before.indexComment, after.indexComment, 'index comment');
}

/** The definition without its index's WITH (...), as pg_get_constraintdef prints it. */
function baseDefinition(constraint: ConstraintInfo): string {
  return constraint.indexOptions
    ? constraint.definition.replace(withClause(constraint.indexOptions), '')
    : constraint.definition;
}

/** ALTER INDEX ... SET / RESET on the key's index (no rebuild): the order of the options is not a change. */
function alterIndexOptions(
  ctx: DiffContext,
  id: string,
  { table, constraint }: TableConstraint,
  before: readonly string[] = [],
  after: readonly string[] = [],
): void {
  if ([...before].sort().join('\n') === [...after].sort().join('\n')) return;
  const target = `INDEX ${qualified(table.schema, constraint.name)}`;
  for (const sql of alterOptionsSql(target, before, after))
    ctx.statements.push(statement(sql, RANK.alterColumn, id, { requires: [id] }));
  ctx.changes.push({ action: 'alter', object: id, attribute: 'index storage parameters', before, after });
}
