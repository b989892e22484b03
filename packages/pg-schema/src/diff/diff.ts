import type { Catalog } from '../catalog/catalog.js';
import { OBJECT_KINDS } from '../objects/registry.js';
import { alterIndexSettings } from '../objects/table/index-settings.diff.js';
import { changeParentLinks } from '../objects/table/table-parents.js';
import type { ColumnConversions } from '../objects/table/column-conversion.js';
import { orderStatements } from '../plan/order.js';
import { applyOnlineForms } from '../plan/online-forms.js';
import type { Phase, PlannedStatement } from '../plan/statement.js';
import { assignSteps } from '../plan/steps.js';
import { cascade } from './cascade.js';
import type { Change } from './change.js';
import { newContext } from './context.js';
import { diffObjects } from './diff-objects.js';
import { renameGeneratedNames } from './generated-names.js';
import { assignRelationNames } from './relation-names.js';

export interface Step {
  transactional: boolean;
  /** The kind of step it is (plan/statement.ts `phase`); unknown for a step read from a file. */
  phase?: Phase;
  statements: string[];
}

export interface DiffOptions {
  /** Cast paths and `-- @using` expressions for retyped columns (generate passes the server's answers). */
  conversions?: ColumnConversions;
  /**
   * Online forms on tables that already exist (plan/online-forms.ts): CONCURRENTLY index builds,
   * NOT VALID + VALIDATE, keys USING INDEX, SET NOT NULL through a validated check. Default off
   * here (drift fixes, tests); the generator turns it on unless migrate.config.json says `online: false`.
   */
  online?: boolean;
}

export interface CatalogDiff {
  changes: Change[];
  /** Ordered statements. */
  statements: PlannedStatement[];
  /**
   * Ordered statements grouped into steps (plan/steps.ts): ALTER TYPE ... ADD VALUE first, outside
   * a transaction, then the transactional step, then (online forms) concurrent index builds,
   * validations and what needs them.
   */
  steps: Step[];
  /** Statements placed by rank alone because they sat on a dependency cycle. */
  cycles: PlannedStatement[];
}

/**
 * The statements that turn `current` into `desired`, in dependency order. The down migration is
 * the same function called the other way round, so every change has its inverse by construction.
 */
export function diffCatalogs(current: Catalog, desired: Catalog, options: DiffOptions = {}): CatalogDiff {
  // Partitions and children that join or leave a parent: each side sees them on their own (a
  // detached partition's constraints can then be renamed like a table's own).
  const links = changeParentLinks(current, desired);
  const generatedNames = renameGeneratedNames(links.current, links.desired, OBJECT_KINDS);
  const ctx = newContext(OBJECT_KINDS, generatedNames.current, links.desired, options.conversions);
  ctx.statements.push(...links.statements, ...generatedNames.statements);
  ctx.changes.push(...links.changes, ...generatedNames.changes);
  // Kind by kind in registry order; kinds held by another (constraints) are diffed by it.
  for (const kind of OBJECT_KINDS) {
    if (kind.diff && !kind.nested)
      diffObjects(ctx, kind, kind.objects(ctx.current), kind.objects(ctx.desired));
  }
  cascade(ctx);
  alterIndexSettings(ctx);
  for (const kind of OBJECT_KINDS) kind.diffAfterCascade?.(ctx);
  assignRelationNames(ctx.statements, OBJECT_KINDS, ctx.current, ctx.desired);
  if (options.online) applyOnlineForms(ctx, { current, desired });
  const { statements, cycles, before } = orderStatements(ctx.statements);
  return { changes: ctx.changes, statements, steps: toSteps(statements, before), cycles };
}

function toSteps(statements: PlannedStatement[], before: Map<PlannedStatement, PlannedStatement[]>): Step[] {
  return assignSteps(statements, before).map(({ phase, statements: members }) => {
    const sql = members.map((s) => s.sql);
    const transactional = phase !== 'pre' && phase !== 'concurrent';
    // Bodies of SQL-language functions may name tables created later in the same step.
    if (transactional && sql.some(isUncheckedSqlFunction))
      sql.unshift('SET LOCAL check_function_bodies = off;');
    return { transactional, phase, statements: sql };
  });
}

function isUncheckedSqlFunction(sql: string): boolean {
  return (
    /^CREATE OR REPLACE (FUNCTION|PROCEDURE)/.test(sql) &&
    /\n LANGUAGE sql\b/.test(sql) &&
    !/BEGIN ATOMIC/i.test(sql)
  );
}
