/**
 * Privileges are stored relative to the owner, so that equal schemas compare equal whichever role
 * owns them (the shadow server's superuser owns everything there, the service's role does in
 * production): the owner is the grantee OWNER, PUBLIC is `public` (a reserved role name), and
 * only grantees whose privileges differ from what they hold by default are listed (see
 * grant-state.ts for the defaults). Who granted a privilege is not kept: grants are compared as if
 * the owner made them.
 */

/** The owner of the object (for default privileges: the role that runs the migrations). */
export const OWNER = '(owner)';
/** The PUBLIC pseudo-role. */
export const PUBLIC = 'public';

/** What one grantee holds, where it differs from its default. */
export interface GranteePrivileges {
  /** Privilege names (`SELECT`, `USAGE`, ...) sorted; `['ALL']` for every privilege the object has; `[]` for none. */
  privileges: string[];
  /** The privileges held WITH GRANT OPTION, spelled the same way; absent for none. */
  grantable?: string[];
}

/** Grantee (role name, `public` or OWNER) -> what it holds. */
export type Grants = Record<string, GranteePrivileges>;

/** The ACL of one object (or one column) that differs from the default ACL of its kind. */
export interface PrivilegeInfo {
  /** Catalog id of the object: `schema:`, `table:`, `view:`, `sequence:`, `function:` or `type:`. */
  object: string;
  /** For column privileges: the column (of the table or view `object`). */
  column?: string;
  grants: Grants;
}

/** The object types ALTER DEFAULT PRIVILEGES can name (large objects, PG18+, are not managed). */
export type DefaultPrivilegeObjects = 'TABLES' | 'SEQUENCES' | 'FUNCTIONS' | 'TYPES' | 'SCHEMAS';

/** One pg_default_acl entry: what objects a role creates get, in one schema or in every schema. */
export interface DefaultPrivilegeInfo {
  /** The role whose new objects get them; OWNER for the role that runs the migrations (no FOR ROLE). */
  role: string;
  /** IN SCHEMA; absent for every schema (whose entry replaces the built-in defaults). */
  schema?: string;
  on: DefaultPrivilegeObjects;
  grants: Grants;
}
