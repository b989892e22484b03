import { depsOf, type DiffContext } from '../../diff/context.js';
import { recreateObject } from '../../diff/diff-objects.js';
import { alterComment, commentOn, dropStatement } from '../../diff/object-ops.js';
import { RANK, statement } from '../../plan/statement.js';
import type { IndexInfo } from './index.model.js';
import { createIndexSql, dropIndexSql, indexCommentTarget } from './index.sql.js';

const INDEX = { create: createIndex, drop: dropIndex };

export function createIndex(ctx: DiffContext, id: string, index: IndexInfo): void {
  ctx.statements.push(
    statement(createIndexSql(index), RANK.createIndex, id, {
      creates: [id],
      requires: [...depsOf(ctx.desired, id), index.table],
    }),
  );
  if (index.comment !== undefined)
    ctx.statements.push(commentOn(indexCommentTarget(index.schema, index.name), index.comment, id));
}

export function dropIndex(ctx: DiffContext, id: string, index: IndexInfo): void {
  ctx.statements.push(dropStatement(ctx, id, dropIndexSql(index), RANK.dropIndex));
}

/** An index is recreated when its definition changes; its comment changes in place. */
export function alterIndex(ctx: DiffContext, id: string, c: IndexInfo, d: IndexInfo): void {
  if (c.definition !== d.definition) {
    const difference = { attribute: 'definition', before: c.definition, after: d.definition };
    recreateObject(ctx, INDEX, id, { current: c, desired: d }, difference);
    return;
  }
  alterComment(ctx, indexCommentTarget(d.schema, d.name), id, c.comment, d.comment);
}
