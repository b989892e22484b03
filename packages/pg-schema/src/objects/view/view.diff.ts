import { normalizeQuery } from '../../catalog/normalize.js';
import { allKeys, depsOf, type DiffContext } from '../../diff/context.js';
import { recreateObject } from '../../diff/diff-objects.js';
import { alterComment, commentOn, droppedWith, dropStatement, markImplicit } from '../../diff/object-ops.js';
import { RANK, statement } from '../../plan/statement.js';
import { columnCommentTarget } from '../../render/comments.js';
import { alterOptionsSql } from '../table/storage-options.js';
import type { ViewInfo } from './view.model.js';
import { createViewSql, dropViewSql, viewCommentTarget } from './view.sql.js';

const VIEW = { create: createView, drop: dropView };

export function createView(ctx: DiffContext, id: string, view: ViewInfo): void {
  ctx.statements.push(
    statement(createViewSql(view), RANK.createView, id, { creates: [id], requires: depsOf(ctx.desired, id) }),
  );
  if (view.comment !== undefined) ctx.statements.push(commentOn(viewCommentTarget(view), view.comment, id));
  for (const [column, comment] of Object.entries(view.columnComments)) {
    ctx.statements.push(commentOn(columnCommentTarget(view.schema, view.name, column), comment, id));
  }
}

/** A materialized view's indexes and a view's triggers go with it. */
export function dropView(ctx: DiffContext, id: string, view: ViewInfo): void {
  const members = droppedWith(ctx, id);
  for (const member of members) markImplicit(ctx, member);
  const drop = dropStatement(ctx, id, dropViewSql(view), RANK.dropView);
  drop.drops.push(...members);
  ctx.statements.push(drop);
}

/**
 * A view is recreated when its query changes; its options (a materialized view's storage
 * parameters, a view's check_option or security_invoker) and comments change in place.
 */
export function alterView(ctx: DiffContext, id: string, c: ViewInfo, d: ViewInfo): void {
  const difference = definitionChange(c, d);
  if (difference) {
    recreateObject(ctx, VIEW, id, { current: c, desired: d }, difference);
    return;
  }
  const options = alterOptionsSql(viewCommentTarget(d), c.options, d.options);
  options.forEach((sql, index) =>
    ctx.statements.push(statement(sql, RANK.createView, `${id}#options${index}`, { requires: [id] })),
  );
  if (options.length > 0)
    ctx.changes.push({
      action: 'alter',
      object: id,
      attribute: 'options',
      before: c.options,
      after: d.options,
    });
  alterComment(ctx, viewCommentTarget(d), id, c.comment, d.comment);
  for (const column of allKeys(c.columnComments, d.columnComments)) {
    const target = columnCommentTarget(d.schema, d.name, column);
    const [before, after] = [c.columnComments[column], d.columnComments[column]];
    alterComment(ctx, target, id, before, after, `comment on column ${column}`);
  }
}

/** What makes a view a new one; queries are compared through their parse trees (PG15 vs PG16+). */
export function definitionChange(
  a: ViewInfo,
  b: ViewInfo,
): { attribute: string; before: unknown; after: unknown } | undefined {
  if (a.materialized !== b.materialized)
    return { attribute: 'materialized', before: a.materialized, after: b.materialized };
  if (a.definition !== b.definition && normalizeQuery(a.definition) !== normalizeQuery(b.definition)) {
    return { attribute: 'definition', before: a.definition, after: b.definition };
  }
  return undefined;
}
