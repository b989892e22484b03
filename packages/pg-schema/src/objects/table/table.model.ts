import type { Named } from '../../catalog/named.js';
import type { IndexInfo } from '../index/index.model.js';
import type { ColumnInfo } from './column.model.js';
import type { ConstraintInfo } from './constraint.model.js';

export interface TableInfo extends Named {
  columns: ColumnInfo[];
  constraints: Record<string, ConstraintInfo>;
  rowSecurity: boolean;
  forceRowSecurity: boolean;
  unlogged: boolean;
  /** pg_get_partkeydef for a partitioned table, e.g. `RANGE (created_at)`. */
  partitionBy?: string;
  /** For a partition: the parent table id and its bound, e.g. `FOR VALUES FROM (...) TO (...)`, `DEFAULT`. */
  partitionOf?: { parent: string; bound: string };
  /** Parent table ids of a table created with INHERITS (...), in pg_inherits order (not partitions). */
  inherits?: string[];
  /** Storage parameters (reloptions) such as `fillfactor=70`; then the TOAST table's as `toast.<name>`
   * (compared as a set). */
  options?: string[];
  /** REPLICA IDENTITY when it is not DEFAULT. */
  replicaIdentity?: ReplicaIdentity;
  /** The index that CLUSTER ON marks (pg_index.indisclustered): a table index or a key constraint's. */
  clusterOn?: string;
  /**
   * What the table holds because its parents do: a partition's or child's inherited constraints
   * (a merged one is declared by the table too) and a partition's indexes attached to its
   * parent's indexes, by their own names. The diff reads them to know what DETACH PARTITION and
   * NO INHERIT leave on the table and what ATTACH PARTITION and INHERIT need on it first; they
   * are not compared (Postgres names them when it creates a partition).
   */
  inherited?: InheritedObjects;
}

/** `full`, `nothing`, or the unique index (its name) that identifies a row. */
export type ReplicaIdentity = 'full' | 'nothing' | { index: string };

export interface InheritedObjects {
  constraints: Record<string, ConstraintInfo & { merged?: true }>;
  indexes: Record<string, IndexInfo>;
}
