import type { LintLevel } from '../lint/finding.js';
import type { Blocks, LockMode } from './lock-mode.js';

/**
 * What a statement costs others while it runs, or what it cannot give back:
 * - `lock`: a lock that makes reads or writes wait, held only briefly (a catalog change) but
 *   queued behind every transaction already using the table;
 * - `rewrite`: the table and its indexes are copied;
 * - `scan`: every row is read (validation of a constraint, a backfill);
 * - `index-build`: an index is built (concurrently or not);
 * - `data-loss`: rows or values are deleted;
 * - `irreversible`: the down section cannot restore what this changes.
 */
export const HAZARD_KINDS = ['lock', 'rewrite', 'scan', 'index-build', 'data-loss', 'irreversible'] as const;
export type HazardKind = (typeof HAZARD_KINDS)[number];

export interface TableLock {
  /** `schema.name` of a relation that existed before the migration. */
  table: string;
  mode: LockMode;
  blocks: Blocks;
  /** Held since an earlier statement of the same transactional section (stronger than this one's own). */
  heldFromLine?: number;
}

export interface HazardEffect {
  kind: HazardKind;
  level: LintLevel;
  /** The relation the effect is on, when it has one. */
  table?: string;
  /** Readable, e.g. `table rewrite of public.users under ACCESS EXCLUSIVE (blocks reads and writes)`. */
  message: string;
  /** Accepted by a `-- lint:accept hazard:<kind>` line in the file: reported, never failing. */
  accepted?: boolean;
}

export interface StatementHazards {
  /** Line of the statement in the migration file, when it comes from a file. */
  line?: number;
  /** Short label of the statement, e.g. `CREATE INDEX users_email_idx ON public.users`. */
  statement: string;
  /** Whether the statement runs in a transactional section (locks are held until it commits). */
  transaction: boolean;
  /** Locks on relations that existed before the migration, strongest per relation. */
  locks: TableLock[];
  effects: HazardEffect[];
  /** The highest level of its effects. */
  level: LintLevel;
}

const ORDER: Record<LintLevel, number> = { info: 0, warning: 1, error: 2 };

export function highestLevel(levels: LintLevel[]): LintLevel {
  return levels.reduce<LintLevel>((a, b) => (ORDER[b] > ORDER[a] ? b : a), 'info');
}

/**
 * The level of an effect, the same scale as lint so `--fail-on-hazard` composes with `--fail-on`:
 * error when data is lost or reads wait for a long operation, warning when writes wait for one or
 * the change cannot be undone, info for brief locks and operations that block neither.
 */
export function effectLevel(kind: HazardKind, blocks: Blocks): LintLevel {
  if (kind === 'data-loss') return 'error';
  if (kind === 'irreversible') return 'warning';
  if (kind === 'lock') return 'info';
  if (blocks === 'reads and writes') return 'error';
  return blocks === 'writes' ? 'warning' : 'info';
}

export function acceptHazards(statements: StatementHazards[], accepted: Set<string>): StatementHazards[] {
  return statements.map((statement) => ({
    ...statement,
    effects: statement.effects.map((effect) =>
      accepted.has(`hazard:${effect.kind}`) ? { ...effect, accepted: true } : effect,
    ),
  }));
}

/** Effects at or above the failing level, not accepted, with their statement. */
export function failingHazards(
  statements: StatementHazards[],
  failOn: LintLevel | 'none',
): Array<{ statement: StatementHazards; effect: HazardEffect }> {
  if (failOn === 'none') return [];
  return statements.flatMap((statement) =>
    statement.effects
      .filter((effect) => !effect.accepted && ORDER[effect.level] >= ORDER[failOn])
      .map((effect) => ({ statement, effect })),
  );
}

/** One readable line: `warning CREATE INDEX i ON public.t: index build of public.t under SHARE (blocks writes)`. */
export function describeStatementHazards(statement: StatementHazards): string {
  return `${statement.level} ${statement.statement}: ${statement.effects.map((effect) => effect.message).join('; ')}`;
}
