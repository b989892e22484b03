import {
  isPrivilegeStatement,
  maskSecrets,
  quoteIdent,
  quoteLiteral,
  rolesNamedBy,
  statementsOf,
  type MigrationFile,
  type ModelFile,
} from '@bakery-ia/init-manager';
import pg from 'pg';
import { PgSchemaError } from '../errors.js';

/**
 * Roles on the shadow server. Roles belong to the whole server, not to a database: the ones that
 * the models and migrations name (GRANT ... TO, ALTER DEFAULT PRIVILEGES FOR ROLE, CREATE POLICY
 * ... TO, CREATE ROLE in the models) and the server lacks are created for the run, NOLOGIN.
 *
 * On the embedded server they go with the server. On a shared server (MIGRATE_SHADOW_URL) each
 * carries SHADOW_ROLE_COMMENT and is dropped after the run, unless something still uses it:
 * DROP ROLE refuses while any database of the server holds a privilege of the role, so a role
 * that a concurrent run is using (its shadow databases hold its grants, and each run "claims" the
 * roles it relies on with GRANT CONNECT on its own shadow database before using them) or that a
 * real database of that server uses stays. A role created by someone else (no comment) is never
 * dropped. Nothing here ever runs on a service's own database.
 */
export const SHADOW_ROLE_COMMENT =
  'created by pg-schema for the shadow databases of a run; dropped after it (safe to drop)';

export interface ShadowRoles {
  /** Roles this run created. */
  created: string[];
  /** Drops the roles it may (call after the shadow databases are dropped). */
  release(): Promise<void>;
}

/** The roles the models (as they will run) and the migrations name or declare. */
export function rolesToProvide(
  models: ModelFile[],
  migrations: MigrationFile[],
  options: { privileges?: boolean } = {},
): string[] {
  const names = new Set<string>();
  for (const model of models) {
    const runs = model.statements.filter((s) => options.privileges !== false || !isPrivilegeStatement(s));
    for (const role of [...rolesNamedBy(runs), ...model.declaredRoles]) names.add(role);
  }
  for (const migration of migrations) {
    const statements = [...statementsOf(migration, 'up'), ...statementsOf(migration, 'down')];
    for (const role of rolesNamedBy(statements)) names.add(role);
  }
  return [...names].sort();
}

/**
 * Makes `roles` exist on the shadow server for this run (see the module comment); `claimIn` is
 * one of the run's shadow databases.
 */
export async function provideShadowRoles(
  server: { url: string; disposable: boolean; description: string },
  roles: string[],
  claimIn: { name: string },
): Promise<ShadowRoles> {
  const none: ShadowRoles = { created: [], release: async () => undefined };
  if (roles.length === 0) return none;
  const admin = await connect(server.url);
  const created: string[] = [];
  try {
    for (let attempt = 1; ; attempt++) {
      for (const role of await missingRoles(admin, roles)) {
        if (await createRole(admin, role, server)) created.push(role);
      }
      if (server.disposable) return { created, release: none.release };
      const ours = await markedRoles(admin, roles);
      try {
        // Until its shadow databases are dropped, no other run can drop these roles.
        for (const role of ours)
          await admin.query(`GRANT CONNECT ON DATABASE ${quoteIdent(claimIn.name)} TO ${quoteIdent(role)}`);
        return { created: [...new Set(created)].sort(), release: () => dropRoles(server.url, ours) };
      } catch (error) {
        // Another run dropped one of them meanwhile: create it again.
        if (codeOf(error) !== '42704' || attempt >= 5) throw error;
      }
    }
  } finally {
    await admin.end().catch(() => undefined);
  }
}

/**
 * Whether the cache may keep this run's schemas on `server`: a cached template that holds grants
 * of a role made for the run keeps that role on the server (DROP ROLE refuses), where it could
 * later hide a missing role from a real database of the same server. So on a shared server the
 * cache is used only when every role the files name exists already; the workspace's own embedded
 * server holds no real database, and a role left there is harmless.
 */
export async function cacheKeepsNoRole(
  server: { url: string; private?: boolean },
  roles: string[],
): Promise<boolean> {
  if (server.private || roles.length === 0) return true;
  const admin = await connect(server.url);
  try {
    return (await missingRoles(admin, roles)).length === 0;
  } finally {
    await admin.end().catch(() => undefined);
  }
}

async function missingRoles(admin: pg.Client, roles: string[]): Promise<string[]> {
  const { rows } = await admin.query<{ name: string }>(
    `SELECT name FROM unnest($1::text[]) AS name WHERE NOT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = name) ORDER BY 1`,
    [roles],
  );
  return rows.map((row) => row.name);
}

async function markedRoles(admin: pg.Client, roles: string[]): Promise<string[]> {
  const { rows } = await admin.query<{ name: string }>(
    `SELECT r.rolname AS name FROM pg_roles r
      WHERE r.rolname = ANY($1::text[]) AND shobj_description(r.oid, 'pg_authid') = $2 ORDER BY 1`,
    [roles, SHADOW_ROLE_COMMENT],
  );
  return rows.map((row) => row.name);
}

/** CREATE ROLE ... NOLOGIN with its comment in one transaction; false when another run was first. */
async function createRole(
  admin: pg.Client,
  role: string,
  server: { disposable: boolean; description: string },
): Promise<boolean> {
  await admin.query('BEGIN');
  try {
    await admin.query(`CREATE ROLE ${quoteIdent(role)} NOLOGIN`);
    if (!server.disposable)
      await admin.query(`COMMENT ON ROLE ${quoteIdent(role)} IS ${quoteLiteral(SHADOW_ROLE_COMMENT)}`);
    await admin.query('COMMIT');
    return true;
  } catch (error) {
    await admin.query('ROLLBACK').catch(() => undefined);
    // 42710 duplicate_object, 23505 unique_violation: a concurrent run created it.
    if (['42710', '23505'].includes(codeOf(error) ?? '')) return false;
    const reason = maskSecrets(error instanceof Error ? error.message : String(error));
    const hint =
      codeOf(error) === '42501'
        ? ` The shadow server's user may not create roles: create role "${role}" there once (CREATE ROLE ${quoteIdent(role)} NOLOGIN), use a user with CREATEROLE, or leave MIGRATE_SHADOW_URL unset to use the embedded Postgres.`
        : '';
    throw new PgSchemaError(
      'SHADOW_UNAVAILABLE',
      `The models or migrations name role "${role}", which does not exist on the shadow server ${server.description}, and creating it there failed: ${reason}.${hint}`,
    );
  }
}

/** Best effort: a role still in use anywhere on the server stays (DROP ROLE refuses, 2BP01). */
async function dropRoles(url: string, roles: string[]): Promise<void> {
  if (roles.length === 0) return;
  const admin = await connect(url).catch(() => undefined);
  if (!admin) return;
  try {
    for (const role of roles) {
      const marked = await markedRoles(admin, [role]).catch(() => []);
      if (marked.length === 0) continue;
      await admin.query(`DROP ROLE IF EXISTS ${quoteIdent(role)}`).catch(() => undefined);
    }
  } finally {
    await admin.end().catch(() => undefined);
  }
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

function codeOf(error: unknown): string | undefined {
  if (error === null || typeof error !== 'object' || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}
