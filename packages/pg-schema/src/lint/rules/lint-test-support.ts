import { splitStatements } from '@bakery-ia/init-manager';
import type { SchemaContext } from '../../hazards/schema-context.js';
import { lintMigration } from '../lint-statements.js';

/** `line level rule: message` of every finding of one rule on a migration (one section per string). */
export function lintRule(
  rule: string,
  sql: string | Array<{ sql: string; transaction?: boolean }>,
  context: SchemaContext = {},
): string[] {
  const sections = (typeof sql === 'string' ? [{ sql }] : sql).map((section) => ({
    transaction: section.transaction ?? true,
    statements: splitStatements(section.sql),
  }));
  return lintMigration(sections, context)
    .filter((finding) => finding.rule === rule)
    .map((f) => `${f.line} ${f.level} ${f.rule}: ${f.message}`);
}
