import { describeChange } from '../diff/change.js';
import type { MigrationPlan } from '../generate/plan-migration.js';
import { renderMigrationText } from '../render/migration-text.js';

/** `pg-schema diff --format json`: the changes in detail, lint findings, hazards and both SQL texts. */
export function planToJson(plan: MigrationPlan): Record<string, unknown> {
  const stepsSql = (steps: MigrationPlan['up']) =>
    steps.map((step) => ({
      transaction: step.transactional,
      // pre | main | concurrent | validate | post (docs/migrate-generate.md, "Online forms").
      ...(step.phase ? { phase: step.phase } : {}),
      sql: step.statements.join('\n\n'),
    }));
  return {
    changed: !plan.empty,
    changes: plan.changes.map((change) => ({ ...change, summary: describeChange(change) })),
    lint: plan.lint,
    hazards: plan.hazards,
    up: stepsSql(plan.up),
    down: stepsSql(plan.down),
    file: plan.empty ? null : renderMigrationText(plan),
    staleRenameHints: plan.staleHints.map((hint) => ({ where: hint.where, from: hint.from })),
    unusedUsingHints: plan.unusedUsingHints.map((hint) => ({
      where: hint.where,
      column: `${hint.schema}.${hint.table}.${hint.column}`,
    })),
    shadow: plan.shadow,
    timings: plan.timings,
  };
}
