import { ids, kindOf, type ObjectKind } from '../../catalog/object-id.js';
import type { ObjectKindModule } from '../kind.js';
import { diffPrivileges } from './privilege.diff.js';
import { readDefaultPrivileges, readPrivileges } from './privilege.introspect.js';
import type { DefaultPrivilegeInfo, DefaultPrivilegeObjects, PrivilegeInfo } from './privilege.model.js';

/** The catalog kinds whose ACLs the reader reads whole (acl-objects.ts). */
const ACL_KINDS: ReadonlySet<ObjectKind> = new Set<ObjectKind>([
  'schema',
  'table',
  'column',
  'view',
  'sequence',
  'function',
  'aggregate',
  'type',
]);

/** pg_default_acl.defaclobjtype as its address spells it. */
const DEFAULT_OBJECT_TYPES: Readonly<Record<string, DefaultPrivilegeObjects>> = {
  r: 'TABLES',
  S: 'SEQUENCES',
  f: 'FUNCTIONS',
  T: 'TYPES',
  n: 'SCHEMAS',
};

/**
 * Object and column privileges (GRANT / REVOKE), read last (they are kept only for objects the
 * catalog holds) and diffed after the cascade, together with the default privileges: see
 * privilege.diff.ts. ACLs are not pg_depend objects, so the kind has no addresses.
 */
export const privilegeKind: ObjectKindModule<PrivilegeInfo> = {
  name: 'privileges',
  idKind: 'privileges',
  objects: (catalog) => catalog.privileges,
  async read(client, filter, catalog) {
    catalog.privileges = await readPrivileges(client, filter, catalog);
  },
  diffAfterCascade: diffPrivileges,
  // The ACL of every object of ACL_KINDS is read: an ACL equal to its default has no entry, which
  // is right. Any other kind's ACL names an entry no catalog holds, so the completeness check
  // reports it; with privileges opted out, none is.
  privilegesOf: (objectId, filter) =>
    filter.privileges === false || ACL_KINDS.has(kindOf(objectId)) ? undefined : ids.privileges(objectId),
};

/** ALTER DEFAULT PRIVILEGES (pg_default_acl); diffed by privilegeKind, before the object privileges. */
export const defaultPrivilegeKind: ObjectKindModule<DefaultPrivilegeInfo> = {
  name: 'default privileges',
  idKind: 'default-privileges',
  objects: (catalog) => catalog.defaultPrivileges,
  // `default acl` addresses: names [role, schema?], args [objtype]; the reading role is OWNER
  // already (completeness/read-unsupported.ts). Large objects (PG18 'L') map to nothing.
  addresses: {
    'default acl': ([role, schema], [type]) =>
      DEFAULT_OBJECT_TYPES[type]
        ? ids.defaultPrivileges(role, schema, DEFAULT_OBJECT_TYPES[type])
        : undefined,
  },
  async read(client, filter, catalog) {
    catalog.defaultPrivileges = await readDefaultPrivileges(client, filter);
  },
};
