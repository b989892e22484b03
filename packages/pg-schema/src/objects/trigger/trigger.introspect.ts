import type { ClientBase } from 'pg';
import { commentSql } from '../../introspect/comment-sql.js';
import { ids } from '../../catalog/object-id.js';
import { inSchemas, notIgnored, params, type QueryParams } from '../../introspect/filter.js';
import { withComment } from '../../introspect/with-comment.js';
import type { TriggerInfo } from './trigger.model.js';

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
            pg_get_triggerdef(t.oid) AS definition, t.tgenabled AS enabled, ${commentSql('t.oid', 'pg_trigger')} AS comment
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
