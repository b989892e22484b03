import { ids } from '../../catalog/object-id.js';
import { allKeys, type DiffContext } from '../../diff/context.js';
import { statement } from '../../plan/statement.js';
import { aclObjects, type AclObject } from './acl-objects.js';
import {
  builtInDefault,
  COLUMN_PRIVILEGES,
  describeState,
  grantSteps,
  NONE,
  sameState,
  stateOf,
  unionState,
  type GrantState,
  type GrantStep,
  type GrantTarget,
} from './grants.js';
import { OWNER, PUBLIC, type DefaultPrivilegeObjects, type Grants } from './privilege.model.js';
import { defaultGrantSql, objectGrantSql } from './privilege.sql.js';

/**
 * Where privilege statements go. Revoking default privileges comes first and granting them last,
 * so that the objects this migration creates get what the two sides have in common (and their own
 * GRANT / REVOKE, computed from that, make the rest); grants on objects follow everything else.
 */
const RANKS = { revokeDefaults: 0, revoke: 900, grant: 901, grantDefaults: 1000 };

/**
 * The privileges diff, after every other kind and the cascade: an object that is created, or
 * dropped and created again (a view the cascade recreates), starts from the privileges an object
 * gets when it is created; a dropped object takes its ACL along (no REVOKE); a kept one goes
 * from its current ACL to the desired one. One GRANT / REVOKE per object, grantee and step, so
 * the down section (the same diff the other way) reverts exactly.
 */
export function diffPrivileges(ctx: DiffContext): void {
  const current = aclObjects(ctx.current);
  const desired = aclObjects(ctx.desired);
  const created = diffDefaultPrivileges(ctx);
  const fresh = (id: string) => !current.has(id) || ctx.gone.has(id);

  const objectIds = new Set<string>();
  for (const entry of [...Object.values(ctx.current.privileges), ...Object.values(ctx.desired.privileges)])
    if (entry.column === undefined) objectIds.add(entry.object);
  if (created.any) for (const id of desired.keys()) if (fresh(id)) objectIds.add(id);

  const revokedOnTable = new Map<string, GrantState>();
  for (const id of [...objectIds].sort()) {
    const object = desired.get(id);
    if (!object) continue;
    const key = ids.privileges(id);
    const isFresh = fresh(id);
    const from = isFresh ? undefined : ctx.current.privileges[key]?.grants;
    const startOf = isFresh
      ? created.of(object)
      : (grantee: string) => builtInDefault(object.target, grantee);
    const to = ctx.desired.privileges[key]?.grants;
    const grantees = [...keysOf(from), ...keysOf(to), ...(isFresh ? created.grantees(object) : [])];
    for (const grantee of [...new Set(grantees)].sort()) {
      const before = stateOf(from?.[grantee], startOf(grantee));
      const after = stateOf(to?.[grantee], builtInDefault(object.target, grantee));
      const { steps } = grantSteps(before, after);
      if (steps.length === 0) continue;
      // A recreated object's privileges change only if the two sides differ (the steps restore them).
      const held = current.has(id)
        ? stateOf(ctx.current.privileges[key]?.grants[grantee], builtInDefault(object.target, grantee))
        : before;
      if (!sameState(held, after)) recordChange(ctx, id, grantee, held, after);
      const revokes = steps.filter((step) => step.action === 'REVOKE');
      if (revokes.length > 0) revokedOnTable.set(`${id}|${grantee}`, revokedBy(revokes));
      steps.forEach((step, index) =>
        ctx.statements.push(
          statement(objectGrantSql(step, object, grantee), rankOf(step), `${key}#${grantee}#${index}`, {
            requires: [id],
            creates: step.action === 'REVOKE' ? [revokeMarker(id, grantee)] : [],
          }),
        ),
      );
    }
  }

  // Columns after their objects: a table-level REVOKE takes the same privileges off the columns.
  const columnKeys = allKeys(columnEntries(ctx.current.privileges), columnEntries(ctx.desired.privileges));
  for (const key of columnKeys) {
    const c = ctx.current.privileges[key];
    const d = ctx.desired.privileges[key];
    const entry = d ?? c;
    if (entry?.column === undefined) continue;
    const { object: objectId, column } = entry;
    const object = desired.get(objectId);
    if (!object || (object.columns && !object.columns.includes(column))) continue;
    const columnId = key.slice('privileges:'.length);
    const kept = current.get(objectId);
    const isFresh =
      fresh(objectId) ||
      ctx.gone.has(columnId) ||
      (kept?.columns !== undefined && !kept.columns.includes(column));
    const grantees = [...new Set([...keysOf(c?.grants), ...keysOf(d?.grants)])].sort();
    for (const grantee of grantees) {
      const revoked = revokedOnTable.get(`${objectId}|${grantee}`);
      const held = stateOf(c?.grants[grantee], NONE);
      const start = isFresh ? NONE : held;
      const before = revoked ? without(start, revoked) : start;
      const after = stateOf(d?.grants[grantee], NONE);
      const { steps } = grantSteps(before, after);
      if (steps.length === 0) continue;
      steps.forEach((step, index) =>
        ctx.statements.push(
          statement(
            objectGrantSql(step, object, grantee, column),
            rankOf(step),
            `${key}#${grantee}#${index}`,
            {
              requires: [objectId, columnId, revokeMarker(objectId, grantee)],
            },
          ),
        ),
      );
      if (!sameState(held, after)) recordChange(ctx, columnId, grantee, held, after);
    }
  }
}

/** What new objects get, per grantee, while this migration runs (see RANKS). */
interface AtCreation {
  /** Whether any default privileges of the migrating role apply at all. */
  any: boolean;
  of(object: AclObject): (grantee: string) => GrantState;
  grantees(object: AclObject): string[];
}

const DEFAULTS_TARGET: Record<DefaultPrivilegeObjects, GrantTarget> = {
  TABLES: 'TABLE',
  SEQUENCES: 'SEQUENCE',
  FUNCTIONS: 'FUNCTION',
  TYPES: 'TYPE',
  SCHEMAS: 'SCHEMA',
};

/** ALTER DEFAULT PRIVILEGES per entry and grantee; returns what objects created meanwhile get. */
function diffDefaultPrivileges(ctx: DiffContext): AtCreation {
  const during = new Map<string, Map<string, GrantState>>();
  for (const key of allKeys(ctx.current.defaultPrivileges, ctx.desired.defaultPrivileges)) {
    const d = ctx.desired.defaultPrivileges[key];
    const entry = d ?? ctx.current.defaultPrivileges[key];
    const schemaId = entry.schema === undefined ? undefined : ids.schema(entry.schema);
    // An entry of a schema that is dropped goes with it.
    const c =
      schemaId !== undefined && ctx.gone.has(schemaId) ? undefined : ctx.current.defaultPrivileges[key];
    if (!c && !d) continue;
    const defaultOf = (grantee: string) =>
      entry.schema === undefined ? builtInDefault(DEFAULTS_TARGET[entry.on], grantee) : NONE;
    const states = new Map<string, GrantState>();
    for (const grantee of [...new Set([...keysOf(c?.grants), ...keysOf(d?.grants)])].sort()) {
      const before = stateOf(c?.grants[grantee], defaultOf(grantee));
      const after = stateOf(d?.grants[grantee], defaultOf(grantee));
      const { steps, afterRevokes } = grantSteps(before, after);
      states.set(grantee, afterRevokes);
      if (steps.length === 0) continue;
      steps.forEach((step, index) =>
        ctx.statements.push(
          statement(
            defaultGrantSql(step, entry, grantee),
            step.action === 'REVOKE' ? RANKS.revokeDefaults : RANKS.grantDefaults,
            `${key}#${grantee}#${index}`,
            { requires: step.action === 'GRANT' && schemaId !== undefined ? [schemaId] : [] },
          ),
        ),
      );
      recordChange(ctx, key, grantee, before, after);
    }
    if (entry.role === OWNER) during.set(key, states);
  }
  const entriesFor = (object: AclObject) => ({
    global: during.get(ids.defaultPrivileges(OWNER, undefined, object.defaults)),
    scoped:
      object.target === 'SCHEMA'
        ? undefined
        : during.get(ids.defaultPrivileges(OWNER, object.schema, object.defaults)),
  });
  return {
    any: during.size > 0,
    of(object) {
      const { global, scoped } = entriesFor(object);
      return (grantee) => {
        const base = global?.get(grantee) ?? builtInDefault(object.target, grantee);
        const added = scoped?.get(grantee);
        return added ? unionState(base, added) : base;
      };
    },
    grantees(object) {
      const { global, scoped } = entriesFor(object);
      return [...(global?.keys() ?? []), ...(scoped?.keys() ?? [])];
    },
  };
}

function recordChange(
  ctx: DiffContext,
  object: string,
  grantee: string,
  before: GrantState,
  after: GrantState,
): void {
  ctx.changes.push({
    action: 'alter',
    object,
    attribute: `privileges of ${grantee === PUBLIC ? 'PUBLIC' : grantee === OWNER ? 'the owner' : grantee}`,
    before: describeState(before),
    after: describeState(after),
  });
}

function rankOf(step: GrantStep): number {
  return step.action === 'REVOKE' ? RANKS.revoke : RANKS.grant;
}

/** An id the table-level REVOKEs of a grantee "create", so that its column statements follow them. */
function revokeMarker(objectId: string, grantee: string): string {
  return `privileges-revoked:${objectId}|${grantee}`;
}

/** What table-level REVOKE steps take away (privileges and grant options). */
function revokedBy(revokes: GrantStep[]): GrantState {
  const privileges = revokes.filter((step) => !step.grantOption).flatMap((step) => step.privileges);
  const grantable = revokes.flatMap((step) => step.privileges);
  return { privileges, grantable };
}

/** A column holding minus what a table-level REVOKE took away. */
function without(held: GrantState, revoked: GrantState): GrantState {
  const names = (list: string[]) => (list.includes('ALL') ? COLUMN_PRIVILEGES : list);
  const minus = (list: string[], taken: string[]) => {
    const left = names(list).filter((name) => !names(taken).includes(name));
    return left.length === COLUMN_PRIVILEGES.length ? ['ALL'] : left;
  };
  return {
    privileges: minus(held.privileges, revoked.privileges),
    grantable: minus(held.grantable, revoked.grantable),
  };
}

function columnEntries(map: Record<string, { column?: string }>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(map).filter(([, entry]) => entry.column !== undefined));
}

function keysOf(grants: Grants | undefined): string[] {
  return grants ? Object.keys(grants) : [];
}
