import type { ClientBase } from 'pg';
import { commentSql } from '../../introspect/comment-sql.js';
import { ids } from '../../catalog/object-id.js';
import {
  inSchemas,
  notExtensionMember,
  notIgnored,
  params,
  type QueryParams,
} from '../../introspect/filter.js';
import { RELOPTIONS } from '../../introspect/reloptions.js';
import { withComment } from '../../introspect/with-comment.js';
import type { ReplicaIdentity, TableInfo } from './table.model.js';

/** Tables, without their columns and constraints (read next, by the column and constraint kinds). */
export async function readTables(
  client: ClientBase,
  filter: QueryParams,
): Promise<Record<string, TableInfo>> {
  const tables = await client.query<{
    schema: string;
    name: string;
    rls: boolean;
    force_rls: boolean;
    unlogged: boolean;
    partition_by: string | null;
    parent_schema: string | null;
    parent_name: string | null;
    bound: string | null;
    inherits: Array<[string, string]> | null;
    options: string[] | null;
    replica_identity: string;
    replica_index: string | null;
    cluster_on: string | null;
    comment: string | null;
  }>(
    `SELECT n.nspname AS schema, c.relname AS name, c.relrowsecurity AS rls, c.relforcerowsecurity AS force_rls,
            c.relpersistence = 'u' AS unlogged,
            CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_by,
            pn.nspname AS parent_schema, pc.relname AS parent_name,
            CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS bound,
            (SELECT json_agg(json_build_array(ipn.nspname, ipc.relname) ORDER BY ih.inhseqno)
               FROM pg_inherits ih JOIN pg_class ipc ON ipc.oid = ih.inhparent
               JOIN pg_namespace ipn ON ipn.oid = ipc.relnamespace
              WHERE ih.inhrelid = c.oid AND NOT c.relispartition) AS inherits,
            ${RELOPTIONS('c')} AS options,
            c.relreplident AS replica_identity,
            (SELECT ri.relname FROM pg_index rx JOIN pg_class ri ON ri.oid = rx.indexrelid
              WHERE rx.indrelid = c.oid AND rx.indisreplident) AS replica_index,
            (SELECT ci.relname FROM pg_index cx JOIN pg_class ci ON ci.oid = cx.indexrelid
              WHERE cx.indrelid = c.oid AND cx.indisclustered) AS cluster_on,
            ${commentSql('c.oid', 'pg_class')} AS comment
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_inherits i ON i.inhrelid = c.oid AND c.relispartition
       LEFT JOIN pg_class pc ON pc.oid = i.inhparent
       LEFT JOIN pg_namespace pn ON pn.oid = pc.relnamespace
      WHERE c.relkind IN ('r', 'p') AND ${inSchemas('n.nspname')} AND ${notIgnored('n.nspname', 'c.relname')}
        AND ${notExtensionMember('pg_class', 'c.oid')}
      ORDER BY 1, 2`,
    params(filter),
  );
  const out: Record<string, TableInfo> = {};
  for (const row of tables.rows) {
    const table: TableInfo = {
      schema: row.schema,
      name: row.name,
      columns: [],
      constraints: {},
      rowSecurity: row.rls,
      forceRowSecurity: row.force_rls,
      unlogged: row.unlogged,
    };
    if (row.partition_by) table.partitionBy = row.partition_by;
    if (row.parent_schema && row.parent_name && row.bound) {
      table.partitionOf = { parent: ids.table(row.parent_schema, row.parent_name), bound: row.bound };
    }
    if (row.inherits) table.inherits = row.inherits.map(([schema, name]) => ids.table(schema, name));
    if (row.options?.length) table.options = row.options;
    const identity = replicaIdentityOf(row.replica_identity, row.replica_index);
    if (identity) table.replicaIdentity = identity;
    if (row.cluster_on) table.clusterOn = row.cluster_on;
    out[ids.table(row.schema, row.name)] = withComment(table, row.comment);
  }
  return out;
}

/**
 * relreplident: `d` default (the primary key), `f` full, `n` nothing, `i` an index. An `i` whose
 * index is gone (DROP INDEX leaves it) identifies no row, as NOTHING does.
 */
function replicaIdentityOf(kind: string, index: string | null): ReplicaIdentity | undefined {
  if (kind === 'f') return 'full';
  if (kind === 'n') return 'nothing';
  if (kind === 'i') return index ? { index } : 'nothing';
  return undefined;
}
