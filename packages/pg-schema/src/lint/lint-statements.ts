import type { SqlStatement } from '@bakery-ia/init-manager';
import { walkMigration, type MigrationSection } from '../hazards/migration-scope.js';
import type { SchemaContext } from '../hazards/schema-context.js';
import type { LintFinding } from './finding.js';
import type { LintRule } from './rule.js';
import { ALL_RULES } from './rules/all-rules.js';

/** What lint knows about the schema before the migration (see SchemaContext). */
export type LintContext = SchemaContext;

/**
 * Lints a migration's up sections on Postgres' parse tree, so generated and hand-written
 * migrations are linted alike. Schema-aware rules know what the migration itself created (a new
 * table has no rows and no readers) and what the schema held before it.
 */
export function lintMigration(
  sections: MigrationSection[],
  context: LintContext,
  rules: LintRule[] = ALL_RULES,
): LintFinding[] {
  const findings: LintFinding[] = [];
  walkMigration(sections, context, (statement, node, scope) => {
    for (const rule of rules) {
      for (const message of rule.check({ statement, node, scope }))
        findings.push({
          rule: rule.id,
          level: rule.level,
          message,
          ...(statement.line > 0 ? { line: statement.line } : {}),
        });
    }
  });
  return findings;
}

/** Lints statements that run in one transaction (one section). */
export function lintStatements(statements: SqlStatement[], context: LintContext = {}): LintFinding[] {
  return lintMigration([{ transaction: true, statements }], context);
}
