import type { ObjectKindModule } from '../kind.js';
import { diffPrivileges } from './privilege.diff.js';
import { readDefaultPrivileges, readPrivileges } from './privilege.introspect.js';
import type { DefaultPrivilegeInfo, PrivilegeInfo } from './privilege.model.js';

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
};

/** ALTER DEFAULT PRIVILEGES (pg_default_acl); diffed by privilegeKind, before the object privileges. */
export const defaultPrivilegeKind: ObjectKindModule<DefaultPrivilegeInfo> = {
  name: 'default privileges',
  idKind: 'default-privileges',
  objects: (catalog) => catalog.defaultPrivileges,
  async read(client, filter, catalog) {
    catalog.defaultPrivileges = await readDefaultPrivileges(client, filter);
  },
};
