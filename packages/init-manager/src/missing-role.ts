import { rolesNamedBy } from './role-names.js';
import { quoteIdent } from './sql-identifiers.js';
import type { SqlStatement } from './sql-statements.js';

/**
 * The role that a failed statement names and that does not exist (SQLSTATE 42704, `role "x" does
 * not exist`), or undefined when the failure is something else. The role is found among the
 * statement's own role names in the message, so a server speaking another language is read too.
 */
export function missingRoleOf(
  statement: SqlStatement,
  error: { code?: string; message: string },
): string | undefined {
  if (error.code !== '42704') return undefined;
  const named = rolesNamedBy([statement]);
  const quoted = /role "([^"]+)" does not exist/.exec(error.message)?.[1];
  if (quoted !== undefined && named.includes(quoted)) return quoted;
  return named.find((role) => error.message.includes(role));
}

/** What to do about a missing role: migrations (and the create-all fallback) never create roles. */
export function missingRoleAdvice(role: string): string {
  return (
    `Roles are not created by migrations (roles belong to the whole server, not to one service's database): ` +
    `create role "${role}" where the cluster is provisioned (an administrator, or your infrastructure code, runs ` +
    `CREATE ROLE ${quoteIdent(role)} NOLOGIN; and grants it to the service's users as needed).`
  );
}
