import type { ClientBase } from 'pg';
import { commentSql } from '../../introspect/comment-sql.js';
import { ids } from '../../catalog/object-id.js';
import { inSchemas, notExtensionMember, type QueryParams } from '../../introspect/filter.js';
import { withComment } from '../../introspect/with-comment.js';
import type { FunctionInfo } from './function.model.js';

/**
 * Functions (window functions included) and procedures; aggregates are a kind of their own. The
 * constructors Postgres makes with a range or multirange type (an internal pg_depend link to the
 * type) are part of that type, not user functions.
 */
export async function readFunctions(
  client: ClientBase,
  filter: QueryParams,
): Promise<Record<string, FunctionInfo>> {
  const { rows } = await client.query<{
    schema: string;
    name: string;
    args: string[];
    kind: FunctionInfo['kind'];
    identity_arguments: string;
    result: string | null;
    arguments: string;
    definition: string;
    comment: string | null;
  }>(
    `SELECT n.nspname AS schema, p.proname AS name,
            (pg_identify_object_as_address('pg_proc'::regclass, p.oid, 0)).object_args AS args,
            p.prokind AS kind, pg_get_function_identity_arguments(p.oid) AS identity_arguments,
            pg_get_function_result(p.oid) AS result, pg_get_function_arguments(p.oid) AS arguments,
            pg_get_functiondef(p.oid) AS definition, ${commentSql('p.oid', 'pg_proc')} AS comment
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE p.prokind IN ('f', 'p', 'w') AND ${inSchemas('n.nspname')} AND ${notExtensionMember('pg_proc', 'p.oid')}
        AND NOT EXISTS (SELECT 1 FROM pg_depend i WHERE i.classid = 'pg_proc'::regclass AND i.objid = p.oid
                           AND i.refclassid = 'pg_type'::regclass AND i.deptype = 'i')
      ORDER BY 1, 2, 3`,
    [filter.schemas],
  );
  const out: Record<string, FunctionInfo> = {};
  for (const row of rows) {
    const fn: FunctionInfo = {
      schema: row.schema,
      name: row.name,
      kind: row.kind,
      identityArguments: row.identity_arguments,
      arguments: row.arguments,
      definition: row.definition.trim(),
    };
    if (row.result !== null) fn.result = row.result;
    out[ids.function(row.schema, row.name, row.args.join(','))] = withComment(fn, row.comment);
  }
  return out;
}
