import type { TableInfo } from './table.model.js';

export type ConstraintType = 'primary' | 'unique' | 'check' | 'foreign' | 'exclusion';

export interface ConstraintInfo {
  name: string;
  type: ConstraintType;
  /**
   * pg_get_constraintdef: `PRIMARY KEY (id)`, `FOREIGN KEY (a) REFERENCES public.t(id) ON DELETE
   * CASCADE`; for a primary key or unique constraint with `indexOptions`, with their WITH (...).
   */
  definition: string;
  /** Storage parameters of a primary key's or unique constraint's index, in the server's order. */
  indexOptions?: string[];
  /** For foreign keys: the referenced table id. */
  references?: string;
  comment?: string;
  /** Comment on the index behind a primary key, unique or exclusion constraint (same name). */
  indexComment?: string;
}

/** A constraint with the table that holds it: the entry of the constraint kind. */
export interface TableConstraint {
  table: TableInfo;
  constraint: ConstraintInfo;
}
