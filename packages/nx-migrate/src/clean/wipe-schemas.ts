import type { ClientBase } from 'pg';
import { quoteIdent } from '@bakery-ia/init-manager';

export type WipePath = 'drop-schema' | 'drop-objects';

export interface WipeResult {
  path: WipePath;
  /** Why the schema path was not possible, when the object path was taken. */
  fallbackReason?: string;
}

/**
 * Empties the given schemas in one transaction: DROP SCHEMA ... CASCADE and CREATE SCHEMA with the
 * owner and privileges it had (public: what Postgres gives a new database). When that is not
 * permitted (not the schema's owner), drops the objects one by one instead.
 */
export async function wipeSchemas(client: ClientBase, schemas: string[]): Promise<WipeResult> {
  const grants = await schemaGrants(client, schemas);
  const version = Number(
    (await client.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`)).rows[0].v,
  );
  await client.query('BEGIN');
  try {
    for (const schema of schemas) {
      await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
      await client.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
      for (const sql of restoreSql(schema, grants.get(schema), version)) await client.query(sql);
    }
    await client.query('COMMIT');
    return { path: 'drop-schema' };
  } catch (error) {
    await client.query('ROLLBACK');
    const code = (error as { code?: string }).code;
    if (code !== '42501') throw error;
    await dropObjectsOneByOne(client, schemas);
    return { path: 'drop-objects', fallbackReason: (error as Error).message };
  }
}

interface SchemaGrants {
  owner: string;
  acl: string[] | null;
}

async function schemaGrants(client: ClientBase, schemas: string[]): Promise<Map<string, SchemaGrants>> {
  const { rows } = await client.query<{ name: string; owner: string; acl: string[] | null }>(
    `SELECT n.nspname AS name, pg_get_userbyid(n.nspowner) AS owner, n.nspacl::text[] AS acl
       FROM pg_namespace n WHERE n.nspname = ANY($1)`,
    [schemas],
  );
  return new Map(rows.map((row) => [row.name, { owner: row.owner, acl: row.acl }]));
}

/** Owner and privileges back as they were; `public` as a new database has it (PG15+ rules). */
function restoreSql(schema: string, previous: SchemaGrants | undefined, version: number): string[] {
  if (schema === 'public') {
    return version >= 150000
      ? [
          'ALTER SCHEMA public OWNER TO pg_database_owner',
          'GRANT USAGE ON SCHEMA public TO PUBLIC',
          `COMMENT ON SCHEMA public IS 'standard public schema'`,
        ]
      : ['GRANT ALL ON SCHEMA public TO PUBLIC', `COMMENT ON SCHEMA public IS 'standard public schema'`];
  }
  if (!previous) return [];
  const sql = [`ALTER SCHEMA ${quoteIdent(schema)} OWNER TO ${quoteIdent(previous.owner)}`];
  for (const item of previous.acl ?? []) {
    const match = /^([^=]*)=([A-Za-z*]*)\//.exec(item);
    if (!match) continue;
    const grantee = match[1] === '' ? 'PUBLIC' : quoteIdent(match[1].replace(/^"|"$/g, ''));
    const privileges = [match[2].includes('U') && 'USAGE', match[2].includes('C') && 'CREATE'].filter(
      Boolean,
    );
    if (privileges.length && grantee !== quoteIdent(previous.owner)) {
      sql.push(`GRANT ${privileges.join(', ')} ON SCHEMA ${quoteIdent(schema)} TO ${grantee}`);
    }
  }
  return sql;
}

/** The fallback: every relation, routine and type of the schemas, dropped with CASCADE, in one transaction. */
async function dropObjectsOneByOne(client: ClientBase, schemas: string[]): Promise<void> {
  const { rows } = await client.query<{ sql: string }>(
    `SELECT sql FROM (
       SELECT 0 AS o, format('DROP EXTENSION IF EXISTS %I CASCADE', e.extname) AS sql
         FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE n.nspname = ANY($1)
       UNION ALL
       SELECT 1 AS o, format('DROP %s IF EXISTS %I.%I CASCADE',
                CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE'
                               WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, n.nspname, c.relname) AS sql
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = ANY($1) AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND NOT c.relispartition
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
       UNION ALL
       SELECT 2, format('DROP ROUTINE IF EXISTS %I.%I(%s) CASCADE', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid))
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = ANY($1)
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
       UNION ALL
       SELECT 3, format('DROP %s IF EXISTS %I.%I CASCADE', CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, n.nspname, t.typname)
         FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = ANY($1) AND (t.typtype IN ('e', 'd', 'r', 'm') OR (t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c'))
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
     ) objects ORDER BY o`,
    [schemas],
  );
  await client.query('BEGIN');
  try {
    for (const row of rows) await client.query(row.sql);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
