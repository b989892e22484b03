import type { Named } from './named.js';
import type { CompositeInfo } from '../objects/composite/composite.model.js';
import type { DomainInfo } from '../objects/domain/domain.model.js';
import type { EnumInfo } from '../objects/enum/enum.model.js';
import type { ExtensionInfo } from '../objects/extension/extension.model.js';
import type { SchemaInfo } from '../objects/schema/schema.model.js';
import type { SequenceInfo, SequenceOptions } from '../objects/sequence/sequence.model.js';

// Each kind's entry type lives with its kind (src/objects/<kind>/); they are all exported here.
export type {
  CompositeInfo,
  DomainInfo,
  EnumInfo,
  ExtensionInfo,
  Named,
  SchemaInfo,
  SequenceInfo,
  SequenceOptions,
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

export interface IndexInfo extends Named {
  /** Id of the indexed table (or materialized view). */
  table: string;
  /** pg_get_indexdef: `CREATE UNIQUE INDEX x ON public.t USING btree (lower(email)) WHERE ...`. */
  definition: string;
}

export interface ViewInfo extends Named {
  materialized: boolean;
  /** pg_get_viewdef(oid, true), without the trailing semicolon. */
  definition: string;
  /** reloptions such as `security_invoker=true`, `check_option=local`, sorted. */
  options: string[];
  columnComments: Record<string, string>;
}

export interface FunctionInfo extends Named {
  /** `f` function, `p` procedure, `a` aggregate, `w` window. */
  kind: 'f' | 'p' | 'a' | 'w';
  /** Identity arguments, e.g. `integer, text`. */
  identityArguments: string;
  /** pg_get_function_result, e.g. `trigger`, `SETOF public.users`. */
  result?: string;
  /** Argument names and defaults as declared (a change needs DROP + CREATE). */
  arguments: string;
  /** pg_get_functiondef: a complete `CREATE OR REPLACE FUNCTION ...`. */
  definition: string;
}

export interface TriggerInfo {
  name: string;
  /** Id of the table (or view) the trigger is on. */
  table: string;
  /** pg_get_triggerdef. */
  definition: string;
  /** pg_trigger.tgenabled: O (origin), D (disabled), R (replica), A (always). */
  enabled: string;
  comment?: string;
}

export interface PolicyInfo {
  name: string;
  /** Id of the table the policy is on. */
  table: string;
  permissive: boolean;
  /** ALL, SELECT, INSERT, UPDATE or DELETE. */
  command: string;
  roles: string[];
  using?: string;
  withCheck?: string;
  comment?: string;
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
