import type { ClientBase } from 'pg';
import { commentSql } from '../../introspect/comment-sql.js';
import { ids } from '../../catalog/object-id.js';
import { inSchemas, notIgnored, params, type QueryParams } from '../../introspect/filter.js';
import { withComment } from '../../introspect/with-comment.js';
import type { PolicyInfo } from './policy.model.js';

const COMMANDS: Record<string, string> = { '*': 'ALL', r: 'SELECT', a: 'INSERT', w: 'UPDATE', d: 'DELETE' };

export async function readPolicies(
  client: ClientBase,
  filter: QueryParams,
): Promise<Record<string, PolicyInfo>> {
  const { rows } = await client.query<{
    schema: string;
    table: string;
    name: string;
    permissive: boolean;
    command: string;
    roles: string[];
    using: string | null;
    with_check: string | null;
    comment: string | null;
  }>(
    `SELECT n.nspname AS schema, c.relname AS table, p.polname AS name, p.polpermissive AS permissive, p.polcmd AS command,
            array(SELECT CASE WHEN r.oid = 0 THEN 'public' ELSE quote_ident(a.rolname) END
                    FROM unnest(p.polroles) AS r(oid) LEFT JOIN pg_roles a ON a.oid = r.oid ORDER BY 1) AS roles,
            pg_get_expr(p.polqual, p.polrelid) AS using, pg_get_expr(p.polwithcheck, p.polrelid) AS with_check,
            ${commentSql('p.oid', 'pg_policy')} AS comment
       FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE ${inSchemas('n.nspname')} AND ${notIgnored('n.nspname', 'c.relname')}
      ORDER BY 1, 2, 3`,
    params(filter),
  );
  const out: Record<string, PolicyInfo> = {};
  for (const row of rows) {
    const policy: PolicyInfo = {
      name: row.name,
      table: ids.table(row.schema, row.table),
      permissive: row.permissive,
      command: COMMANDS[row.command] ?? 'ALL',
      roles: row.roles,
    };
    if (row.using !== null) policy.using = row.using;
    if (row.with_check !== null) policy.withCheck = row.with_check;
    out[ids.policy(row.schema, row.table, row.name)] = withComment(policy, row.comment);
  }
  return out;
}
