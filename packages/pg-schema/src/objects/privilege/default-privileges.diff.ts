import { ids } from '../../catalog/object-id.js';
import { allKeys, type DiffContext } from '../../diff/context.js';
import { statement } from '../../plan/statement.js';
import type { AclObject } from './acl-objects.js';
import {
  builtInDefault,
  grantSteps,
  NONE,
  stateOf,
  unionState,
  type GrantState,
  type GrantTarget,
} from './grants.js';
import { keysOf, RANKS, recordChange } from './privilege-changes.js';
import { OWNER, type DefaultPrivilegeObjects } from './privilege.model.js';
import { defaultGrantSql } from './privilege.sql.js';

/** What new objects get, per grantee, while this migration runs (see RANKS). */
export interface AtCreation {
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

/**
 * ALTER DEFAULT PRIVILEGES per entry and grantee (an entry of a dropped schema goes with it);
 * returns what the objects this migration creates get meanwhile.
 */
export function diffDefaultPrivileges(ctx: DiffContext): AtCreation {
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
