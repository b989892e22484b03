import type { Named } from '../../catalog/named.js';
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
  /** For a partition: the parent table id and its bound, e.g. `FOR VALUES FROM (...) TO (...)`. */
  partitionOf?: { parent: string; bound: string };
}
