import type { ClientBase } from 'pg';
import type { PolicyInfo, TriggerInfo } from '../catalog/catalog.js';
import { ids } from '../catalog/object-id.js';
import { inSchemas, notIgnored, params, type QueryParams } from './filter.js';
import { withComment } from './with-comment.js';

/** User triggers (not the internal ones behind foreign keys, not clones on partitions). */
export async function readTriggers(
  client: ClientBase,
  filter: QueryParams,
): Promise<Record<string, TriggerInfo>> {
  const { rows } = await client.query<{
    schema: string;
    table: string;
    kind: string;
    name: string;
    definition: string;
    enabled: string;
    comment: string | null;
  }>(
    `SELECT n.nspname AS schema, c.relname AS table, c.relkind AS kind, t.tgname AS name,
            pg_get_triggerdef(t.oid) AS definition, t.tgenabled AS enabled, obj_description(t.oid, 'pg_trigger') AS comment
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE NOT t.tgisinternal AND t.tgparentid = 0
        AND ${inSchemas('n.nspname')} AND ${notIgnored('n.nspname', 'c.relname')}
      ORDER BY 1, 2, 4`,
    params(filter),
  );
  const out: Record<string, TriggerInfo> = {};
  for (const row of rows) {
    const table =
      row.kind === 'v' || row.kind === 'm'
        ? ids.view(row.schema, row.table)
        : ids.table(row.schema, row.table);
    out[ids.trigger(row.schema, row.table, row.name)] = withComment(
      { name: row.name, table, definition: row.definition, enabled: row.enabled },
      row.comment,
    );
  }
  return out;
}

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
            obj_description(p.oid, 'pg_policy') AS comment
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
