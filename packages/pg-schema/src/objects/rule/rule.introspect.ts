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
import { withComment } from '../../introspect/with-comment.js';
import type { RuleInfo } from './rule.model.js';

/** Rules on tables and views, but not the `_RETURN` rule that makes a view. */
export async function readRules(client: ClientBase, filter: QueryParams): Promise<Record<string, RuleInfo>> {
  const { rows } = await client.query<{
    schema: string;
    relation: string;
    relation_kind: string;
    name: string;
    definition: string;
    enabled: RuleInfo['enabled'];
    comment: string | null;
  }>(
    `SELECT n.nspname AS schema, c.relname AS relation, c.relkind AS relation_kind, r.rulename AS name,
            pg_get_ruledef(r.oid, true) AS definition, r.ev_enabled AS enabled,
            ${commentSql('r.oid', 'pg_rewrite')} AS comment
       FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE r.rulename <> '_RETURN' AND c.relkind IN ('r', 'p', 'v', 'm')
        AND ${inSchemas('n.nspname')} AND ${notIgnored('n.nspname', 'c.relname')}
        AND ${notExtensionMember('pg_class', 'c.oid')}
      ORDER BY 1, 2, 4`,
    params(filter),
  );
  const out: Record<string, RuleInfo> = {};
  for (const row of rows) {
    const view = row.relation_kind === 'v' || row.relation_kind === 'm';
    const relation = view ? ids.view(row.schema, row.relation) : ids.table(row.schema, row.relation);
    out[ids.rule(row.schema, row.relation, row.name)] = withComment(
      {
        schema: row.schema,
        name: row.name,
        relation,
        definition: row.definition.trim().replace(/;$/, ''),
        enabled: row.enabled,
      },
      row.comment,
    );
  }
  return out;
}
