import type { ClientBase } from 'pg';
import { commentSql } from '../../introspect/comment-sql.js';
import { ids } from '../../catalog/object-id.js';
import { inSchemas, notIgnored, params, type QueryParams } from '../../introspect/filter.js';
import { withComment } from '../../introspect/with-comment.js';
import type { ConstraintInfo, ConstraintType } from './constraint.model.js';
import type { Catalog } from '../../catalog/catalog.js';
import { withClause } from './storage-options.js';

const TYPES: Record<string, ConstraintType> = {
  p: 'primary',
  u: 'unique',
  c: 'check',
  f: 'foreign',
  x: 'exclusion',
};

/**
 * Table constraints, attached to the tables read before; those a table has from its parents go
 * to `TableInfo.inherited`. NOT NULL is a column property here:
 * PG18 also stores it as a pg_constraint row (contype 'n'), which is left out so PG15 and PG18 agree.
 */
export async function readConstraints(
  client: ClientBase,
  filter: QueryParams,
  catalog: Catalog,
): Promise<void> {
  const { rows } = await client.query<{
    schema: string;
    table: string;
    name: string;
    type: string;
    definition: string;
    ref_schema: string | null;
    ref_table: string | null;
    comment: string | null;
    index_comment: string | null;
    local: boolean;
    inherited: boolean;
    index_options: string[] | null;
  }>(
    `SELECT n.nspname AS schema, c.relname AS table, con.conname AS name, con.contype AS type,
            pg_get_constraintdef(con.oid) AS definition, rn.nspname AS ref_schema, rc.relname AS ref_table,
            ${commentSql('con.oid', 'pg_constraint')} AS comment,
            CASE WHEN con.contype IN ('p', 'u', 'x') THEN ${commentSql('con.conindid', 'pg_class')} END AS index_comment,
            con.conislocal AS local, con.coninhcount > 0 AS inherited,
            CASE WHEN con.contype IN ('p', 'u') THEN ic.reloptions END AS index_options
       FROM pg_constraint con
       JOIN pg_class c ON c.oid = con.conrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_class rc ON rc.oid = con.confrelid
       LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
       LEFT JOIN pg_class ic ON ic.oid = con.conindid
      WHERE con.contype IN ('p', 'u', 'c', 'f', 'x')
        -- A foreign key to a partitioned table has one more row per partition on the same table.
        AND NOT EXISTS (SELECT 1 FROM pg_constraint pc WHERE pc.oid = con.conparentid AND pc.conrelid = con.conrelid)
        AND ${inSchemas('n.nspname')} AND ${notIgnored('n.nspname', 'c.relname')}
      ORDER BY 1, 2, 3`,
    params(filter),
  );
  // The tables as read by then (catalog.tables is replaced by the table kind's read).
  const tables = catalog.tables;
  for (const row of rows) {
    const table = tables[ids.table(row.schema, row.table)];
    if (!table) continue;
    const definition = withIndexOptions(row.definition, row.index_options);
    const constraint: ConstraintInfo = { name: row.name, type: TYPES[row.type], definition };
    if (row.index_options?.length) constraint.indexOptions = row.index_options;
    if (row.ref_schema && row.ref_table) constraint.references = ids.table(row.ref_schema, row.ref_table);
    if (row.index_comment !== null) constraint.indexComment = row.index_comment;
    if (row.inherited) {
      // From a parent (merged: the table declares it too): see TableInfo.inherited.
      const inherited = (table.inherited ??= { constraints: {}, indexes: {} });
      inherited.constraints[row.name] = withComment(
        row.local ? { ...constraint, merged: true } : constraint,
        row.comment,
      );
    } else {
      table.constraints[row.name] = withComment(constraint, row.comment);
    }
  }
}

/**
 * pg_get_constraintdef leaves out the storage parameters of a primary key's or unique
 * constraint's index (`UNIQUE (a) WITH (fillfactor=70)`; an exclusion constraint's text has
 * them): they go where the syntax has them, before DEFERRABLE, so a changed setting is a changed
 * constraint instead of an unseen one.
 */
export function withIndexOptions(definition: string, options: readonly string[] | null): string {
  if (!options || options.length === 0) return definition;
  const deferrable = / DEFERRABLE( INITIALLY DEFERRED)?$/.exec(definition)?.[0] ?? '';
  const head = definition.slice(0, definition.length - deferrable.length);
  return `${head}${withClause(options)}${deferrable}`;
}
