import { normalizeQuery } from '../../catalog/normalize.js';
import { depsOf, type DiffContext } from '../../diff/context.js';
import { recreateObject } from '../../diff/diff-objects.js';
import { alterComment, commentOn, dropStatement } from '../../diff/object-ops.js';
import { RANK, statement } from '../../plan/statement.js';
import type { RuleInfo } from './rule.model.js';
import { createRuleSql, dropRuleSql, replaceRuleSql, ruleCommentTarget, ruleEnabledSql } from './rule.sql.js';

const RULE = { create: createRule, drop: dropRule };

/** After its table or view and what its actions use, as triggers are. */
export function createRule(ctx: DiffContext, id: string, rule: RuleInfo): void {
  ctx.statements.push(
    statement(createRuleSql(rule), RANK.createTrigger, id, {
      creates: [id],
      requires: [...depsOf(ctx.desired, id), rule.relation],
    }),
  );
  if (rule.enabled !== 'O') ctx.statements.push(enabledStatement(id, rule));
  if (rule.comment !== undefined) ctx.statements.push(commentOn(ruleCommentTarget(rule), rule.comment, id));
}

export function dropRule(ctx: DiffContext, id: string, rule: RuleInfo): void {
  ctx.statements.push(dropStatement(ctx, id, dropRuleSql(rule), RANK.dropTrigger));
}

/**
 * A new definition replaces the rule in place (CREATE OR REPLACE RULE keeps its comment and
 * state); enabled and comment change in place. A rule whose relation or columns are dropped,
 * recreated or retyped (tables and views are diffed before rules) is dropped and created instead,
 * as the cascade would do.
 */
export function alterRule(ctx: DiffContext, id: string, c: RuleInfo, d: RuleInfo): void {
  const changed =
    c.definition !== d.definition && normalizeQuery(c.definition) !== normalizeQuery(d.definition);
  if (changed && mustRecreate(ctx, id)) {
    const difference = { attribute: 'definition', before: c.definition, after: d.definition };
    recreateObject(ctx, RULE, id, { current: c, desired: d }, difference);
    return;
  }
  if (changed) {
    ctx.statements.push(
      statement(replaceRuleSql(d), RANK.createTrigger, id, {
        creates: [id],
        requires: [...depsOf(ctx.desired, id), d.relation],
        releases: depsOf(ctx.current, id),
      }),
    );
    ctx.changes.push({
      action: 'alter',
      object: id,
      attribute: 'definition',
      before: c.definition,
      after: d.definition,
    });
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
  alterComment(ctx, ruleCommentTarget(d), id, c.comment, d.comment);
}

function mustRecreate(ctx: DiffContext, id: string): boolean {
  if (ctx.implicitlyDropped.has(id)) return true;
  return depsOf(ctx.current, id).some((dep) => ctx.gone.has(dep) || ctx.retypedColumns.has(dep));
}

function enabledStatement(id: string, rule: RuleInfo) {
  return statement(ruleEnabledSql(rule), RANK.createTrigger, `${id}#enabled`, { requires: [id] });
}
