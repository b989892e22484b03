import { OWNER, PUBLIC, type GranteePrivileges, type Grants } from './privilege.model.js';

/**
 * The pure part of privileges: what a grantee holds by default, how an ACL read from the server
 * becomes owner-relative Grants, and which GRANT / REVOKE steps turn one holding into another.
 * Privilege lists hold names or the single token `ALL` (every privilege the object has on that
 * server: PG17+ tables also have MAINTAIN), so `GRANT ALL` reads the same on every version.
 */

/** What GRANT names: the object kinds that carry an ACL here (COLUMN: a column of a table or view). */
export type GrantTarget = 'SCHEMA' | 'TABLE' | 'SEQUENCE' | 'FUNCTION' | 'PROCEDURE' | 'TYPE' | 'COLUMN';

export interface GrantState {
  privileges: string[];
  grantable: string[];
}

export const NONE: GrantState = { privileges: [], grantable: [] };
const ALL = 'ALL';
export const COLUMN_PRIVILEGES = ['INSERT', 'REFERENCES', 'SELECT', 'UPDATE'];

/** The one privilege of kinds that have only one (spelled by name, never `ALL`). */
const SOLE_PRIVILEGE: Partial<Record<GrantTarget, string>> = {
  FUNCTION: 'EXECUTE',
  PROCEDURE: 'EXECUTE',
  TYPE: 'USAGE',
};

/**
 * What a grantee holds on an object whose ACL was never set (acldefault): the owner everything,
 * PUBLIC EXECUTE on functions and procedures and USAGE on types and domains; nobody anything on
 * a column.
 */
export function builtInDefault(target: GrantTarget, grantee: string): GrantState {
  if (target === 'COLUMN') return NONE;
  const sole = SOLE_PRIVILEGE[target];
  if (grantee === OWNER) return { privileges: [sole ?? ALL], grantable: [] };
  if (grantee === PUBLIC && sole !== undefined) return { privileges: [sole], grantable: [] };
  return NONE;
}

/** One exploded ACL item (aclexplode), its grantee already OWNER, PUBLIC or a role name. */
export interface AclItem {
  grantee: string;
  privilege: string;
  grantable: boolean;
}

/**
 * Owner-relative Grants of an ACL: items grouped by grantee (whoever granted them), `ALL` where a
 * grantee holds every privilege of `all` (when there are several), and only the grantees that differ from `defaultOf`
 * (a grantee with a default, absent from the ACL, holds nothing: `[]`).
 */
export function normalizeAcl(
  items: readonly AclItem[],
  all: readonly string[],
  defaultOf: (grantee: string) => GrantState,
): Grants {
  const held = new Map<string, { privileges: Set<string>; grantable: Set<string> }>();
  for (const grantee of [OWNER, PUBLIC]) held.set(grantee, { privileges: new Set(), grantable: new Set() });
  for (const item of items) {
    let entry = held.get(item.grantee);
    if (!entry) held.set(item.grantee, (entry = { privileges: new Set(), grantable: new Set() }));
    entry.privileges.add(item.privilege);
    if (item.grantable) entry.grantable.add(item.privilege);
  }
  const out: Grants = {};
  for (const grantee of [...held.keys()].sort()) {
    const entry = held.get(grantee)!;
    const state = { privileges: tokenize(entry.privileges, all), grantable: tokenize(entry.grantable, all) };
    if (!sameState(state, defaultOf(grantee))) out[grantee] = toEntry(state);
  }
  return out;
}

function tokenize(names: Set<string>, all: readonly string[]): string[] {
  if (all.length > 1 && all.every((name) => names.has(name))) return [ALL];
  return [...names].sort();
}

export function stateOf(entry: GranteePrivileges | undefined, fallback: GrantState): GrantState {
  return entry ? { privileges: entry.privileges, grantable: entry.grantable ?? [] } : fallback;
}

export function toEntry(state: GrantState): GranteePrivileges {
  return state.grantable.length > 0
    ? { privileges: state.privileges, grantable: state.grantable }
    : { privileges: state.privileges };
}

export function sameState(a: GrantState, b: GrantState): boolean {
  return sameList(a.privileges, b.privileges) && sameList(a.grantable, b.grantable);
}

/** Both holdings together (a schema's default privileges add to the global ones). */
export function unionState(a: GrantState, b: GrantState): GrantState {
  return { privileges: union(a.privileges, b.privileges), grantable: union(a.grantable, b.grantable) };
}

/** One GRANT or REVOKE of a grantee on an object. */
export interface GrantStep {
  action: 'GRANT' | 'REVOKE';
  privileges: string[];
  /** GRANT ... WITH GRANT OPTION / REVOKE GRANT OPTION FOR ... */
  grantOption: boolean;
}

/**
 * The steps from one holding to another: revokes first, then grants. `afterRevokes` is what the
 * grantee holds between the two (the revokes of default privileges run before the migration
 * creates objects and the grants after, so that is what new objects get).
 */
export function grantSteps(
  from: GrantState,
  to: GrantState,
): { steps: GrantStep[]; afterRevokes: GrantState } {
  if (sameState(from, to)) return { steps: [], afterRevokes: from };
  const steps: GrantStep[] = [];
  const revoke = (privileges: string[], grantOption = false) =>
    steps.push({ action: 'REVOKE', privileges, grantOption });
  if (to.privileges.length === 0) {
    revoke([ALL]);
    return { steps, afterRevokes: NONE };
  }
  let current = from;
  if (isAll(current.privileges) && !isAll(to.privileges)) {
    revoke([ALL]);
    current = NONE;
  } else {
    const removed = minus(current.privileges, to.privileges);
    if (removed.length > 0) {
      revoke(removed);
      current = {
        privileges: minus(current.privileges, removed),
        grantable: minus(current.grantable, removed),
      };
    }
  }
  if (isAll(current.grantable) && !isAll(to.grantable)) {
    revoke([ALL], true);
    current = { privileges: current.privileges, grantable: [] };
  } else {
    const removed = minus(current.grantable, to.grantable);
    if (removed.length > 0) {
      revoke(removed, true);
      current = { privileges: current.privileges, grantable: minus(current.grantable, removed) };
    }
  }
  const afterRevokes = current;
  const addedWithOption = added(to.grantable, current.grantable);
  if (addedWithOption.length > 0) {
    steps.push({ action: 'GRANT', privileges: addedWithOption, grantOption: true });
    current = { privileges: union(current.privileges, addedWithOption), grantable: current.grantable };
  }
  const addedPlain = added(to.privileges, current.privileges);
  if (addedPlain.length > 0) steps.push({ action: 'GRANT', privileges: addedPlain, grantOption: false });
  return { steps, afterRevokes };
}

/** `SELECT, UPDATE WITH GRANT OPTION` for change lines; undefined for nothing. */
export function describeState(state: GrantState): string | undefined {
  if (state.privileges.length === 0) return undefined;
  return state.privileges
    .map((name) =>
      isAll(state.grantable) || state.grantable.includes(name) ? `${name} WITH GRANT OPTION` : name,
    )
    .join(', ');
}

function isAll(list: readonly string[]): boolean {
  return list.length === 1 && list[0] === ALL;
}

/** `a` without `b`, for an explicit `a` (or `b` = ALL). */
function minus(a: string[], b: string[]): string[] {
  if (isAll(b)) return [];
  return a.filter((name) => !b.includes(name));
}

/** What `to` holds that `from` does not: `ALL` when `to` is ALL and `from` is not. */
function added(to: string[], from: string[]): string[] {
  if (isAll(to)) return isAll(from) ? [] : [ALL];
  return minus(to, from);
}

function union(a: string[], b: string[]): string[] {
  if (isAll(a) || isAll(b)) return [ALL];
  return [...new Set([...a, ...b])].sort();
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}
