import { ids } from '../../catalog/object-id.js';
import { allKeys, type DiffContext } from '../../diff/context.js';
import { statement } from '../../plan/statement.js';
import { aclObjects, type AclObject } from './acl-objects.js';
import { diffDefaultPrivileges, type AtCreation } from './default-privileges.diff.js';
import {
  builtInDefault,
  COLUMN_PRIVILEGES,
  grantSteps,
  NONE,
  sameState,
  stateOf,
  type GrantState,
  type GrantStep,
} from './grants.js';
import { keysOf, rankOf, recordChange } from './privilege-changes.js';
import type { PrivilegeInfo } from './privilege.model.js';
import { objectGrantSql } from './privilege.sql.js';

/**
 * The privileges diff, after every other kind and the cascade: an object that is created, or
 * dropped and created again (a view the cascade recreates), starts from the privileges an object
 * gets when it is created; a dropped object takes its ACL along (no REVOKE); a kept one goes
 * from its current ACL to the desired one. One GRANT / REVOKE per object, grantee and step, so
 * the down section (the same diff the other way) reverts exactly. Default privileges first (what
 * objects get while the migration creates them), columns last (a table-level REVOKE also takes
 * the column privileges of that kind).
 */
export function diffPrivileges(ctx: DiffContext): void {
  const sides: Sides = { current: aclObjects(ctx.current), desired: aclObjects(ctx.desired) };
  const created = diffDefaultPrivileges(ctx);
  const fresh = (id: string) => !sides.current.has(id) || ctx.gone.has(id);
  const objectIds = new Set<string>();
  for (const entry of [...Object.values(ctx.current.privileges), ...Object.values(ctx.desired.privileges)])
    if (entry.column === undefined) objectIds.add(entry.object);
  if (created.any) for (const id of sides.desired.keys()) if (fresh(id)) objectIds.add(id);
  const revokedOnTable = new Map<string, GrantState>();
  for (const id of [...objectIds].sort()) {
    const object = sides.desired.get(id);
    if (object) diffObject(ctx, { id, object, fresh: fresh(id), created, sides }, revokedOnTable);
  }
  const columnKeys = allKeys(columnEntries(ctx.current.privileges), columnEntries(ctx.desired.privileges));
  for (const key of columnKeys) diffColumn(ctx, key, { fresh, sides }, revokedOnTable);
}

interface Sides {
  current: Map<string, AclObject>;
  desired: Map<string, AclObject>;
}

function diffObject(
  ctx: DiffContext,
  {
    id,
    object,
    fresh,
    created,
    sides,
  }: { id: string; object: AclObject; fresh: boolean; created: AtCreation; sides: Sides },
  revokedOnTable: Map<string, GrantState>,
): void {
  const key = ids.privileges(id);
  const from = fresh ? undefined : ctx.current.privileges[key]?.grants;
  const startOf = fresh ? created.of(object) : (grantee: string) => builtInDefault(object.target, grantee);
  const to = ctx.desired.privileges[key]?.grants;
  const grantees = [...keysOf(from), ...keysOf(to), ...(fresh ? created.grantees(object) : [])];
  for (const grantee of [...new Set(grantees)].sort()) {
    const defaultState = builtInDefault(object.target, grantee);
    const before = stateOf(from?.[grantee], startOf(grantee));
    const after = stateOf(to?.[grantee], defaultState);
    const { steps } = grantSteps(before, after);
    if (steps.length === 0) continue;
    // A recreated object's privileges change only where the two sides differ (the steps restore them).
    const held = sides.current.has(id)
      ? stateOf(ctx.current.privileges[key]?.grants[grantee], defaultState)
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

function diffColumn(
  ctx: DiffContext,
  key: string,
  { fresh, sides }: { fresh: (id: string) => boolean; sides: Sides },
  revokedOnTable: Map<string, GrantState>,
): void {
  const c = ctx.current.privileges[key];
  const d = ctx.desired.privileges[key];
  const entry = d ?? c;
  if (entry?.column === undefined) return;
  const { object: objectId, column } = entry;
  const object = sides.desired.get(objectId);
  // A dropped column takes its ACL along.
  if (!object || (object.columns && !object.columns.includes(column))) return;
  const columnId = key.slice('privileges:'.length);
  const kept = sides.current.get(objectId);
  const isFresh =
    fresh(objectId) ||
    ctx.gone.has(columnId) ||
    (kept?.columns !== undefined && !kept.columns.includes(column));
  for (const grantee of [...new Set([...keysOf(c?.grants), ...keysOf(d?.grants)])].sort()) {
    const revoked = revokedOnTable.get(`${objectId}|${grantee}`);
    const held = stateOf(c?.grants[grantee], NONE);
    const start = isFresh ? NONE : held;
    const before = revoked ? without(start, revoked) : start;
    const after = stateOf(d?.grants[grantee], NONE);
    const { steps } = grantSteps(before, after);
    if (steps.length === 0) continue;
    if (!sameState(held, after)) recordChange(ctx, columnId, grantee, held, after);
    steps.forEach((step, index) =>
      ctx.statements.push(
        statement(objectGrantSql(step, object, grantee, column), rankOf(step), `${key}#${grantee}#${index}`, {
          requires: [objectId, columnId, revokeMarker(objectId, grantee)],
        }),
      ),
    );
  }
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

function columnEntries(map: Record<string, PrivilegeInfo>): Record<string, PrivilegeInfo> {
  return Object.fromEntries(Object.entries(map).filter(([, entry]) => entry.column !== undefined));
}
