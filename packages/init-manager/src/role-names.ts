import type { SqlStatement } from './sql-statements.js';

/**
 * The roles that statements name (GRANT ... TO, REVOKE ... FROM, ALTER DEFAULT PRIVILEGES FOR
 * ROLE, CREATE POLICY ... TO, CREATE SCHEMA ... AUTHORIZATION), from their parse trees: every
 * `RoleSpec` that holds a name. PUBLIC, CURRENT_USER and the like are not roles one creates.
 * Sorted, each once.
 */
export function rolesNamedBy(statements: readonly SqlStatement[]): string[] {
  const names = new Set<string>();
  for (const statement of statements) collectRoleSpecs(statement.node, names);
  return [...names].sort();
}

/** The roles `CREATE ROLE` / `CREATE USER` / `CREATE GROUP` statements declare. */
export function rolesDeclaredBy(statements: readonly SqlStatement[]): string[] {
  const names = new Set<string>();
  for (const statement of statements) {
    const role = statement.kind === 'CreateRoleStmt' ? statement.node.role : undefined;
    if (typeof role === 'string') names.add(role);
  }
  return [...names].sort();
}

/** A RoleSpec is wrapped (`{ RoleSpec: ... }`) in lists and bare in typed fields (`authrole`, `grantor`). */
function collectRoleSpecs(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectRoleSpecs(item, into);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const spec: { roletype?: unknown; rolename?: unknown } = value;
  if (spec.roletype === 'ROLESPEC_CSTRING' && typeof spec.rolename === 'string') {
    into.add(spec.rolename);
    return;
  }
  for (const child of Object.values(value)) collectRoleSpecs(child, into);
}
