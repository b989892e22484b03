import { depsOf, type DiffContext } from '../../diff/context.js';
import { recreateObject } from '../../diff/diff-objects.js';
import { alterComment, commentOn, dropStatement } from '../../diff/object-ops.js';
import { RANK, statement } from '../../plan/statement.js';
import type { PolicyInfo } from './policy.model.js';
import { createPolicySql, dropPolicySql, policyCommentTarget } from './policy.sql.js';

const POLICY = { create: createPolicy, drop: dropPolicy };

export function createPolicy(ctx: DiffContext, id: string, policy: PolicyInfo): void {
  ctx.statements.push(
    statement(createPolicySql(policy), RANK.createPolicy, id, {
      creates: [id],
      requires: [...depsOf(ctx.desired, id), policy.table],
    }),
  );
  if (policy.comment !== undefined)
    ctx.statements.push(commentOn(policyCommentTarget(policy), policy.comment, id));
}

export function dropPolicy(ctx: DiffContext, id: string, policy: PolicyInfo): void {
  ctx.statements.push(dropStatement(ctx, id, dropPolicySql(policy), RANK.dropPolicy));
}

/** Any change but the comment recreates the policy (ALTER POLICY cannot change its command). */
export function alterPolicy(ctx: DiffContext, id: string, c: PolicyInfo, d: PolicyInfo): void {
  const [before, after] = [definitionOf(c), definitionOf(d)];
  if (before !== after) {
    recreateObject(ctx, POLICY, id, { current: c, desired: d }, { attribute: 'definition', before, after });
    return;
  }
  alterComment(ctx, policyCommentTarget(d), id, c.comment, d.comment);
}

/** Everything but the comment, as one comparable text. */
function definitionOf(policy: PolicyInfo): string {
  return JSON.stringify({ ...policy, comment: undefined });
}
