import type { IndexInfo } from '../objects/index/index.model.js';
import type { ConstraintInfo } from '../objects/table/constraint.model.js';
import type { TableInfo } from '../objects/table/table.model.js';

/**
 * One DDL statement of a plan, with what it needs to be ordered: the ids it makes exist (or
 * redefines), the ids it removes, the ids that must exist before it, and the ids it stops
 * depending on (their drops must wait for it).
 */
export interface PlannedStatement {
  sql: string;
  /** false: runs outside a transaction, in a first step (ALTER TYPE ... ADD VALUE). */
  transactional: boolean;
  /** Default position among statements that do not depend on each other (lower first). */
  rank: number;
  /** Tie-break after rank: keeps output deterministic and readable. */
  key: string;
  creates: string[];
  drops: string[];
  requires: string[];
  releases: string[];
  /** Ids whose drop must come first (dependents removed before an in-place change). */
  afterDropOf: string[];
  /**
   * Relation names (pg_class, `schema.name` quoted as SQL writes it) the statement gives to an
   * object, and those it releases: a name is taken only after every statement releasing it ran.
   * Statements that create or drop ids get theirs from the kinds' `relationNames` (diff/relation-names.ts);
   * in-place changes (identity, renames) name theirs.
   */
  takesNames: string[];
  freesNames: string[];
  /**
   * Which kind of step the statement goes in (plan/steps.ts): `pre` outside a transaction before
   * everything (ALTER TYPE ... ADD VALUE), `main` transactional, `concurrent` outside a transaction
   * (CREATE / DROP INDEX CONCURRENTLY), `validate` a transactional step of VALIDATE CONSTRAINT
   * alone, `post` transactional after them (USING INDEX, SET NOT NULL on a validated check).
   */
  phase: Phase;
  /** Ids whose creating statements must have committed in an earlier step (VALIDATE after its NOT VALID). */
  committed: string[];
  /** What the statement is, for the online forms (plan/online-forms.ts) to rewrite it on an existing table. */
  online?: OnlineTarget;
}

export const PHASES = ['pre', 'main', 'concurrent', 'validate', 'post'] as const;
export type Phase = (typeof PHASES)[number];

/** Statements of the plain plan that have an online form on a table that already holds rows. */
export type OnlineTarget =
  | { form: 'create-index'; index: IndexInfo }
  | { form: 'drop-index'; index: IndexInfo }
  | { form: 'add-constraint'; table: TableInfo; constraint: ConstraintInfo }
  | { form: 'set-not-null'; table: TableInfo; column: string };

/** Default ranks: drops (dependents first), then creates (referenced objects first). */
export const RANK = {
  rename: 1,
  dropTrigger: 10,
  dropPolicy: 11,
  dropView: 12,
  dropIndex: 13,
  dropForeignKey: 14,
  dropConstraint: 15,
  dropDefault: 16,
  dropColumn: 17,
  dropTable: 18,
  dropFunction: 19,
  dropSequence: 20,
  dropType: 21,
  dropExtension: 22,
  dropSchema: 23,
  createSchema: 30,
  createExtension: 31,
  createType: 32,
  alterType: 33,
  createSequence: 34,
  createFunction: 35,
  createTable: 36,
  addColumn: 37,
  alterColumn: 38,
  addConstraint: 39,
  createIndex: 40,
  addForeignKey: 41,
  createView: 42,
  createTrigger: 43,
  rowSecurity: 44,
  createPolicy: 45,
  sequenceOwnedBy: 46,
  comment: 47,
} as const;

export function statement(
  sql: string,
  rank: number,
  key: string,
  fields: Partial<Omit<PlannedStatement, 'sql' | 'rank' | 'key'>> = {},
): PlannedStatement {
  return {
    sql,
    rank,
    key,
    transactional: fields.transactional ?? true,
    phase: fields.phase ?? (fields.transactional === false ? 'pre' : 'main'),
    // Copies: callers pass catalog arrays (dependencies), and the plan adds to these later.
    creates: [...(fields.creates ?? [])],
    drops: [...(fields.drops ?? [])],
    requires: [...(fields.requires ?? [])],
    releases: [...(fields.releases ?? [])],
    afterDropOf: [...(fields.afterDropOf ?? [])],
    takesNames: [...(fields.takesNames ?? [])],
    freesNames: [...(fields.freesNames ?? [])],
    committed: [...(fields.committed ?? [])],
    ...(fields.online ? { online: fields.online } : {}),
  };
}
