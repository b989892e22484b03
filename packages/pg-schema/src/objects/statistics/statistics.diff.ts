import { depsOf, type DiffContext } from '../../diff/context.js';
import { recreateObject } from '../../diff/diff-objects.js';
import { alterComment, commentOn, dropStatement } from '../../diff/object-ops.js';
import { RANK, statement } from '../../plan/statement.js';
import type { StatisticsInfo } from './statistics.model.js';
import {
  createStatisticsSql,
  dropStatisticsSql,
  statisticsCommentTarget,
  statisticsTargetSql,
} from './statistics.sql.js';

const STATISTICS = { create: createStatistics, drop: dropStatistics };

/** After its table and columns, as indexes are. */
export function createStatistics(ctx: DiffContext, id: string, statistics: StatisticsInfo): void {
  ctx.statements.push(
    statement(createStatisticsSql(statistics), RANK.createIndex, id, {
      creates: [id],
      requires: [...depsOf(ctx.desired, id), statistics.relation],
    }),
  );
  if (statistics.target !== undefined) ctx.statements.push(targetStatement(id, statistics));
  if (statistics.comment !== undefined)
    ctx.statements.push(commentOn(statisticsCommentTarget(statistics), statistics.comment, id));
}

/** Before the columns it uses are dropped (Postgres would take it along silently). */
export function dropStatistics(ctx: DiffContext, id: string, statistics: StatisticsInfo): void {
  ctx.statements.push(dropStatement(ctx, id, dropStatisticsSql(statistics), RANK.dropIndex));
}

/**
 * New columns, expressions or kinds: dropped and created again (there is no ALTER for them);
 * the statistics target and the comment change in place. A retyped column keeps them: Postgres
 * rebuilds them itself.
 */
export function alterStatistics(ctx: DiffContext, id: string, c: StatisticsInfo, d: StatisticsInfo): void {
  if (c.definition !== d.definition) {
    const difference = { attribute: 'definition', before: c.definition, after: d.definition };
    recreateObject(ctx, STATISTICS, id, { current: c, desired: d }, difference);
    return;
  }
  if (c.target !== d.target) {
    ctx.statements.push(targetStatement(id, d));
    ctx.changes.push({
      action: 'alter',
      object: id,
      attribute: 'statistics',
      before: c.target,
      after: d.target,
    });
  }
  alterComment(ctx, statisticsCommentTarget(d), id, c.comment, d.comment);
}

function targetStatement(id: string, statistics: StatisticsInfo) {
  return statement(statisticsTargetSql(statistics), RANK.createIndex, `${id}#target`, { requires: [id] });
}
