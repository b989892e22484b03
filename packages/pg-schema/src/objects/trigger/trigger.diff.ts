import { depsOf, type DiffContext } from '../../diff/context.js';
import { recreateObject } from '../../diff/diff-objects.js';
import { alterComment, commentOn, dropStatement } from '../../diff/object-ops.js';
import { RANK, statement } from '../../plan/statement.js';
import type { TriggerInfo } from './trigger.model.js';
import { createTriggerSql, dropTriggerSql, triggerCommentTarget, triggerEnabledSql } from './trigger.sql.js';

const TRIGGER = { create: createTrigger, drop: dropTrigger };

export function createTrigger(ctx: DiffContext, id: string, trigger: TriggerInfo): void {
  ctx.statements.push(
    statement(createTriggerSql(trigger), RANK.createTrigger, id, {
      creates: [id],
      requires: [...depsOf(ctx.desired, id), trigger.table],
    }),
  );
  if (trigger.enabled !== 'O') ctx.statements.push(enabledStatement(id, trigger));
  if (trigger.comment !== undefined)
    ctx.statements.push(commentOn(triggerCommentTarget(trigger), trigger.comment, id));
}

export function dropTrigger(ctx: DiffContext, id: string, trigger: TriggerInfo): void {
  ctx.statements.push(dropStatement(ctx, id, dropTriggerSql(trigger), RANK.dropTrigger));
}

/** A trigger is recreated when its definition changes; enabled and comment change in place. */
export function alterTrigger(ctx: DiffContext, id: string, c: TriggerInfo, d: TriggerInfo): void {
  if (c.definition !== d.definition) {
    const difference = { attribute: 'definition', before: c.definition, after: d.definition };
    recreateObject(ctx, TRIGGER, id, { current: c, desired: d }, difference);
    return;
  }
  if (c.enabled !== d.enabled) {
    ctx.statements.push(enabledStatement(id, d));
    ctx.changes.push({
      action: 'alter',
      object: id,
      attribute: 'enabled',
      before: c.enabled,
      after: d.enabled,
    });
  }
  alterComment(ctx, triggerCommentTarget(d), id, c.comment, d.comment);
}

function enabledStatement(id: string, trigger: TriggerInfo) {
  return statement(triggerEnabledSql(trigger), RANK.createTrigger, `${id}#enabled`, { requires: [id] });
}
