import { depsOf, sameJson, type DiffContext } from '../../diff/context.js';
import { recreateObject } from '../../diff/diff-objects.js';
import { alterComment, commentOn, createStatement, dropStatement } from '../../diff/object-ops.js';
import { RANK, statement } from '../../plan/statement.js';
import type { AggregateInfo } from './aggregate.model.js';
import { aggregateCommentTarget, createAggregateSql, dropAggregateSql } from './aggregate.sql.js';

const AGGREGATE = { create: createAggregate, drop: dropAggregate };

/** After its support functions and types (pg_depend), as functions are ordered. */
export function createAggregate(ctx: DiffContext, id: string, aggregate: AggregateInfo): void {
  ctx.statements.push(createStatement(ctx, id, createAggregateSql(aggregate), RANK.createFunction));
  if (aggregate.comment !== undefined)
    ctx.statements.push(commentOn(aggregateCommentTarget(aggregate), aggregate.comment, id));
}

/** Before its support functions (they are released by it). */
export function dropAggregate(ctx: DiffContext, id: string, aggregate: AggregateInfo): void {
  ctx.statements.push(dropStatement(ctx, id, dropAggregateSql(aggregate), RANK.dropFunction));
}

/**
 * New options with the same kind, arguments and result: CREATE OR REPLACE AGGREGATE (views that
 * use it stay). Anything else, or a support function that is dropped (functions are diffed before
 * aggregates; the cascade would recreate the aggregate anyway), drops and creates it again, with
 * its users recreated.
 */
export function alterAggregate(ctx: DiffContext, id: string, c: AggregateInfo, d: AggregateInfo): void {
  if (createAggregateSql(c) === createAggregateSql(d)) {
    alterComment(ctx, aggregateCommentTarget(d), id, c.comment, d.comment);
    return;
  }
  if (!replaceableInPlace(c, d)) {
    const difference = { attribute: 'signature', before: signatureOf(c), after: signatureOf(d) };
    recreateObject(ctx, AGGREGATE, id, { current: c, desired: d }, difference);
    return;
  }
  const difference = { attribute: 'definition', before: c.options, after: d.options };
  if (depsOf(ctx.current, id).some((dep) => ctx.gone.has(dep))) {
    recreateObject(ctx, AGGREGATE, id, { current: c, desired: d }, difference);
    return;
  }
  ctx.statements.push(
    statement(createAggregateSql(d, true), RANK.createFunction, id, {
      creates: [id],
      requires: depsOf(ctx.desired, id),
      releases: depsOf(ctx.current, id),
    }),
  );
  ctx.changes.push({ action: 'alter', object: id, ...difference });
  alterComment(ctx, aggregateCommentTarget(d), id, c.comment, d.comment);
}

export function replaceableInPlace(c: AggregateInfo, d: AggregateInfo): boolean {
  return sameJson([c.kind, c.arguments, c.result], [d.kind, d.arguments, d.result]);
}

const signatureOf = (aggregate: AggregateInfo) =>
  `${aggregate.kind} (${aggregate.arguments}) RETURNS ${aggregate.result}`;
