import type { AggregateInfo } from '../objects/aggregate/aggregate.model.js';
import type { CollationInfo } from '../objects/collation/collation.model.js';
import type { UnsupportedObject } from '../completeness/unsupported.js';
import type { CompositeInfo } from '../objects/composite/composite.model.js';
import type { DomainInfo } from '../objects/domain/domain.model.js';
import type { EnumInfo } from '../objects/enum/enum.model.js';
import type { ExtensionInfo } from '../objects/extension/extension.model.js';
import type { FunctionInfo } from '../objects/function/function.model.js';
import type { IndexInfo } from '../objects/index/index.model.js';
import type { PolicyInfo } from '../objects/policy/policy.model.js';
import type { RangeInfo } from '../objects/range/range.model.js';
import type { RuleInfo } from '../objects/rule/rule.model.js';
import type { DefaultPrivilegeInfo, PrivilegeInfo } from '../objects/privilege/privilege.model.js';
import type { SchemaInfo } from '../objects/schema/schema.model.js';
import type { SequenceInfo, SequenceOptions } from '../objects/sequence/sequence.model.js';
import type { ColumnInfo, IdentityInfo } from '../objects/table/column.model.js';
import type { ConstraintInfo, ConstraintType } from '../objects/table/constraint.model.js';
import type { StatisticsInfo } from '../objects/statistics/statistics.model.js';
import type { TableInfo } from '../objects/table/table.model.js';
import type { TriggerInfo } from '../objects/trigger/trigger.model.js';
import type { ViewInfo } from '../objects/view/view.model.js';
import type { Named } from './named.js';

// Each kind's entry type lives with its kind (src/objects/<kind>/); they are all exported here.
export type {
  AggregateInfo,
  CollationInfo,
  ColumnInfo,
  CompositeInfo,
  ConstraintInfo,
  ConstraintType,
  DefaultPrivilegeInfo,
  DomainInfo,
  EnumInfo,
  ExtensionInfo,
  FunctionInfo,
  IdentityInfo,
  IndexInfo,
  Named,
  PolicyInfo,
  RangeInfo,
  RuleInfo,
  PrivilegeInfo,
  SchemaInfo,
  SequenceInfo,
  SequenceOptions,
  StatisticsInfo,
  TableInfo,
  TriggerInfo,
  UnsupportedObject,
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
  collations: Record<string, CollationInfo>;
  enums: Record<string, EnumInfo>;
  domains: Record<string, DomainInfo>;
  composites: Record<string, CompositeInfo>;
  ranges: Record<string, RangeInfo>;
  sequences: Record<string, SequenceInfo>;
  tables: Record<string, TableInfo>;
  indexes: Record<string, IndexInfo>;
  statistics: Record<string, StatisticsInfo>;
  views: Record<string, ViewInfo>;
  functions: Record<string, FunctionInfo>;
  aggregates: Record<string, AggregateInfo>;
  triggers: Record<string, TriggerInfo>;
  rules: Record<string, RuleInfo>;
  policies: Record<string, PolicyInfo>;
  /** Object and column ACLs that differ from the default, owner-relative (objects/privilege/). */
  privileges: Record<string, PrivilegeInfo>;
  /** pg_default_acl entries (ALTER DEFAULT PRIVILEGES). */
  defaultPrivileges: Record<string, DefaultPrivilegeInfo>;
  /** object id -> ids of the catalog objects it depends on (pg_depend), sorted. */
  dependencies: Record<string, string[]>;
  /**
   * What the database holds in the managed schemas that no kind read (src/completeness/):
   * generate and verify stop on it, so "no changes" never hides a loss. Sorted.
   */
  unsupported: UnsupportedObject[];
}

export function emptyCatalog(): Catalog {
  return {
    schemas: {},
    extensions: {},
    collations: {},
    enums: {},
    domains: {},
    composites: {},
    ranges: {},
    sequences: {},
    tables: {},
    indexes: {},
    statistics: {},
    views: {},
    functions: {},
    aggregates: {},
    triggers: {},
    rules: {},
    policies: {},
    privileges: {},
    defaultPrivileges: {},
    dependencies: {},
    unsupported: [],
  };
}
