import type { Named } from './named.js';
import type { CompositeInfo } from '../objects/composite/composite.model.js';
import type { DomainInfo } from '../objects/domain/domain.model.js';
import type { EnumInfo } from '../objects/enum/enum.model.js';
import type { FunctionInfo } from '../objects/function/function.model.js';
import type { IndexInfo } from '../objects/index/index.model.js';
import type { PolicyInfo } from '../objects/policy/policy.model.js';
import type { ExtensionInfo } from '../objects/extension/extension.model.js';
import type { SchemaInfo } from '../objects/schema/schema.model.js';
import type { SequenceInfo, SequenceOptions } from '../objects/sequence/sequence.model.js';
import type { TriggerInfo } from '../objects/trigger/trigger.model.js';
import type { ViewInfo } from '../objects/view/view.model.js';

// Each kind's entry type lives with its kind (src/objects/<kind>/); they are all exported here.
export type {
  CompositeInfo,
  DomainInfo,
  EnumInfo,
  ExtensionInfo,
  FunctionInfo,
  IndexInfo,
  Named,
  PolicyInfo,
  SchemaInfo,
  SequenceInfo,
  SequenceOptions,
  TriggerInfo,
  ViewInfo,
};

/**
 * A plain, serialisable description of one database's schema, built from pg_catalog with one query
 * per object kind. Keys are object ids (see object-id.ts); maps are sorted so two equal schemas
 * serialise to equal JSON. Texts (defaults, definitions) are what the server prints with an empty
 * search_path, so every name in them is schema-qualified.
 */
export interface Catalog {
  schemas: Record<string, SchemaInfo>;
  extensions: Record<string, ExtensionInfo>;
  enums: Record<string, EnumInfo>;
  domains: Record<string, DomainInfo>;
  composites: Record<string, CompositeInfo>;
  sequences: Record<string, SequenceInfo>;
  tables: Record<string, TableInfo>;
  indexes: Record<string, IndexInfo>;
  views: Record<string, ViewInfo>;
  functions: Record<string, FunctionInfo>;
  triggers: Record<string, TriggerInfo>;
  policies: Record<string, PolicyInfo>;
  /** object id -> ids of the catalog objects it depends on (pg_depend), sorted. */
  dependencies: Record<string, string[]>;
}

export interface IdentityInfo extends SequenceOptions {
  always: boolean;
  /** The identity sequence's own name (Postgres picks `table_column_seq` unless told otherwise). */
  sequenceName: string;
}

export interface ColumnInfo {
  name: string;
  /** format_type with typmod, e.g. `character varying(100)`, `public.mood`, `integer[]`. */
  type: string;
  notNull: boolean;
  default?: string;
  identity?: IdentityInfo;
  /** Expression of a STORED generated column. */
  generated?: string;
  /** Collation when it differs from the type's default, e.g. `"C"`. */
  collation?: string;
  comment?: string;
}

export type ConstraintType = 'primary' | 'unique' | 'check' | 'foreign' | 'exclusion';

export interface ConstraintInfo {
  name: string;
  type: ConstraintType;
  /** pg_get_constraintdef: `PRIMARY KEY (id)`, `FOREIGN KEY (a) REFERENCES public.t(id) ON DELETE CASCADE`. */
  definition: string;
  /** For foreign keys: the referenced table id. */
  references?: string;
  comment?: string;
  /** Comment on the index behind a primary key, unique or exclusion constraint (same name). */
  indexComment?: string;
}

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

export function emptyCatalog(): Catalog {
  return {
    schemas: {},
    extensions: {},
    enums: {},
    domains: {},
    composites: {},
    sequences: {},
    tables: {},
    indexes: {},
    views: {},
    functions: {},
    triggers: {},
    policies: {},
    dependencies: {},
  };
}
