import type { SqlStatement } from '@bakery-ia/init-manager';
import type { Node } from 'libpg-query';
import type { MigrationScope } from '../hazards/migration-scope.js';
import type { LintLevel } from './finding.js';

export interface RuleInput {
  statement: SqlStatement;
  node: Node;
  /** What the migration did before this statement, the schema before it, the current section. */
  scope: MigrationScope;
}

export interface LintRule {
  id: string;
  level: LintLevel;
  /** squawk's names for what this rule catches; `-- lint:accept` takes them too. */
  squawk: string[];
  /** Knows the schema before the migration: work on a relation the migration creates is fine. */
  schemaAware: boolean;
  /** What it catches, one sentence (docs/lint.md's table is checked against it). */
  catches: string;
  /** The messages for this statement (none when it is fine). */
  check(input: RuleInput): string[];
}
