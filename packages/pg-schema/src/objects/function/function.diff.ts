import { depsOf, type DiffContext } from '../../diff/context.js';
import { recreateObject } from '../../diff/diff-objects.js';
import { alterComment, commentOn, createStatement, dropStatement } from '../../diff/object-ops.js';
import { RANK, statement } from '../../plan/statement.js';
import type { FunctionInfo } from './function.model.js';
import { createFunctionSql, dropFunctionSql, functionCommentTarget } from './function.sql.js';

const FUNCTION = { create: createFunction, drop: dropFunction };

export function createFunction(ctx: DiffContext, id: string, fn: FunctionInfo): void {
  ctx.statements.push(createStatement(ctx, id, createFunctionSql(fn), RANK.createFunction));
  if (fn.comment !== undefined) ctx.statements.push(commentOn(functionCommentTarget(fn), fn.comment, id));
}

export function dropFunction(ctx: DiffContext, id: string, fn: FunctionInfo): void {
  ctx.statements.push(dropStatement(ctx, id, dropFunctionSql(fn), RANK.dropFunction));
}

/**
 * A new body with the same signature and result is replaced in place (CREATE OR REPLACE keeps
 * its comment and its dependents); any other change drops and creates the function again.
 */
export function alterFunction(ctx: DiffContext, id: string, c: FunctionInfo, d: FunctionInfo): void {
  if (c.definition === d.definition) {
    alterComment(ctx, functionCommentTarget(d), id, c.comment, d.comment);
    return;
  }
  const difference = { attribute: 'definition', before: c.definition, after: d.definition };
  if (!replaceableInPlace(c, d)) {
    recreateObject(ctx, FUNCTION, id, { current: c, desired: d }, difference);
    return;
  }
  ctx.statements.push(
    statement(createFunctionSql(d), RANK.createFunction, id, {
      creates: [id],
      requires: depsOf(ctx.desired, id),
      releases: depsOf(ctx.current, id),
    }),
  );
  ctx.changes.push({ action: 'alter', object: id, ...difference });
  alterComment(ctx, functionCommentTarget(d), id, c.comment, d.comment);
}

export function replaceableInPlace(c: FunctionInfo, d: FunctionInfo): boolean {
  return c.kind === d.kind && c.result === d.result && c.arguments === d.arguments;
}
