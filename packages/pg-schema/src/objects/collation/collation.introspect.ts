import type { ClientBase } from 'pg';
import { commentSql } from '../../introspect/comment-sql.js';
import { ids } from '../../catalog/object-id.js';
import { inSchemas, notExtensionMember, type QueryParams } from '../../introspect/filter.js';
import { withComment } from '../../introspect/with-comment.js';
import type { CollationInfo } from './collation.model.js';

const PROVIDERS: Record<string, CollationInfo['provider']> = { c: 'libc', i: 'icu', b: 'builtin' };

/**
 * Collations of the managed schemas. The locale column is `colliculocale` on PG15-16 and
 * `colllocale` on PG17+ (rules exist from PG16): read through to_jsonb so one query fits every
 * version. collversion is left out: it is the version of the library that sorts, not a schema fact.
 */
export async function readCollations(
  client: ClientBase,
  filter: QueryParams,
): Promise<Record<string, CollationInfo>> {
  const { rows } = await client.query<{
    schema: string;
    name: string;
    provider: string;
    deterministic: boolean;
    lc_collate: string | null;
    lc_ctype: string | null;
    locale: string | null;
    rules: string | null;
    comment: string | null;
  }>(
    `SELECT n.nspname AS schema, co.collname AS name, co.collprovider AS provider,
            co.collisdeterministic AS deterministic, co.collcollate AS lc_collate, co.collctype AS lc_ctype,
            COALESCE(to_jsonb(co) ->> 'colllocale', to_jsonb(co) ->> 'colliculocale') AS locale,
            to_jsonb(co) ->> 'collicurules' AS rules,
            ${commentSql('co.oid', 'pg_collation')} AS comment
       FROM pg_collation co JOIN pg_namespace n ON n.oid = co.collnamespace
      WHERE ${inSchemas('n.nspname')} AND ${notExtensionMember('pg_collation', 'co.oid')}
      ORDER BY 1, 2`,
    [filter.schemas],
  );
  const out: Record<string, CollationInfo> = {};
  for (const row of rows) {
    const provider = PROVIDERS[row.provider];
    if (!provider) continue;
    const collation: CollationInfo = {
      schema: row.schema,
      name: row.name,
      provider,
      deterministic: row.deterministic,
    };
    if (provider === 'libc') {
      collation.lcCollate = row.lc_collate ?? '';
      collation.lcCtype = row.lc_ctype ?? '';
    } else {
      collation.locale = row.locale ?? '';
    }
    if (row.rules) collation.rules = row.rules;
    out[ids.collation(row.schema, row.name)] = withComment(collation, row.comment);
  }
  return out;
}
