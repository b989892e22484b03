import { quoteIdent } from '../../render/sql-text.js';
import type { AclObject } from './acl-objects.js';
import type { GrantStep } from './grants.js';
import { OWNER, PUBLIC, type DefaultPrivilegeInfo } from './privilege.model.js';

/**
 * The grantee as GRANT spells it. OWNER is CURRENT_USER: the role that runs the migrations owns
 * what they create (ownership is not managed, so that is the one owner a migration can name).
 */
export function granteeSql(grantee: string): string {
  if (grantee === PUBLIC) return 'PUBLIC';
  if (grantee === OWNER) return 'CURRENT_USER';
  return quoteIdent(grantee);
}

/** `GRANT SELECT ON TABLE public.t TO reader;`, with a column: `GRANT SELECT (c) ON TABLE ...`. */
export function objectGrantSql(step: GrantStep, object: AclObject, grantee: string, column?: string): string {
  const list =
    column === undefined
      ? step.privileges.join(', ')
      : step.privileges.map((privilege) => `${privilege} (${quoteIdent(column)})`).join(', ');
  return `${grantClause(step, list, `${object.target} ${object.name}`, grantee)};`;
}

/** `ALTER DEFAULT PRIVILEGES [FOR ROLE r] [IN SCHEMA s] GRANT ... ON TABLES TO g;` */
export function defaultGrantSql(step: GrantStep, entry: DefaultPrivilegeInfo, grantee: string): string {
  const role = entry.role === OWNER ? '' : ` FOR ROLE ${quoteIdent(entry.role)}`;
  const schema = entry.schema === undefined ? '' : ` IN SCHEMA ${quoteIdent(entry.schema)}`;
  return `ALTER DEFAULT PRIVILEGES${role}${schema} ${grantClause(step, step.privileges.join(', '), entry.on, grantee)};`;
}

function grantClause(step: GrantStep, list: string, on: string, grantee: string): string {
  return step.action === 'GRANT'
    ? `GRANT ${list} ON ${on} TO ${granteeSql(grantee)}${step.grantOption ? ' WITH GRANT OPTION' : ''}`
    : `REVOKE ${step.grantOption ? 'GRANT OPTION FOR ' : ''}${list} ON ${on} FROM ${granteeSql(grantee)}`;
}
