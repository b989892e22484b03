import type { Catalog } from '../catalog/catalog.js';
import type { AnyObjectKind } from '../objects/kind.js';
import type { ColumnConversions } from '../objects/table/column-conversion.js';
import type { PlannedStatement } from '../plan/statement.js';
import type { Change } from './change.js';

/** What the diff of each object kind writes into: statements to order, changes to report. */
export interface DiffContext {
  /** The kinds being diffed (the registry), for what crosses kinds: the cascade, drops with a parent. */
  kinds: readonly AnyObjectKind[];
  current: Catalog;
  desired: Catalog;
  statements: PlannedStatement[];
  changes: Change[];
  /** Ids dropped (alone or to be recreated): their dependents must follow. */
  gone: Set<string>;
  /** Ids dropped implicitly with their table (no statement of their own). */
  implicitlyDropped: Set<string>;
  /**
   * Columns whose type changes in place, with the statement that changes it: views, policies and
   * triggers on them must be dropped before it and created again after.
   */
  retypedColumns: Map<string, PlannedStatement>;
  /** Enums recreated with a new value list (their columns are converted, not recreated). */
  recreatedTypes: Set<string>;
  /** Ids already recreated by the diff or the cascade. */
  replaced: Set<string>;
  /** How retyped columns convert their values (cast paths from the server, `-- @using` hints). */
  conversions: ColumnConversions;
}

export function newContext(
  kinds: readonly AnyObjectKind[],
  current: Catalog,
  desired: Catalog,
  conversions: ColumnConversions = {},
): DiffContext {
  return {
    kinds,
    current,
    desired,
    statements: [],
    changes: [],
    gone: new Set(),
    implicitlyDropped: new Set(),
    retypedColumns: new Map(),
    recreatedTypes: new Set(),
    replaced: new Set(),
    conversions,
  };
}

export function depsOf(catalog: Catalog, id: string): string[] {
  return catalog.dependencies[id] ?? [];
}

/** Union of the dependencies of several ids, leaving out the ids themselves. */
export function depsOfAll(catalog: Catalog, memberIds: string[]): string[] {
  const members = new Set(memberIds);
  const out = new Set<string>();
  for (const id of memberIds) for (const dep of depsOf(catalog, id)) if (!members.has(dep)) out.add(dep);
  return [...out];
}

/** Keys present in either map, sorted. */
export function allKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}

export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
