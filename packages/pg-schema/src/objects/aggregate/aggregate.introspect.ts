import type { ClientBase } from 'pg';
import { commentSql } from '../../introspect/comment-sql.js';
import { ids } from '../../catalog/object-id.js';
import { inSchemas, notExtensionMember, type QueryParams } from '../../introspect/filter.js';
import { withComment } from '../../introspect/with-comment.js';
import { aggregateOptions, type AggregateRow } from './aggregate-options.js';
import type { AggregateInfo } from './aggregate.model.js';

const KINDS: Record<string, AggregateInfo['kind']> = { n: 'normal', o: 'ordered-set', h: 'hypothetical' };

const fn = (column: string) => `CASE WHEN a.${column} <> 0 THEN a.${column}::text END`;

/** Aggregates (there is no pg_get_aggregatedef: the definition is rebuilt from pg_aggregate). */
export async function readAggregates(
  client: ClientBase,
  filter: QueryParams,
): Promise<Record<string, AggregateInfo>> {
  const { rows } = await client.query<
    {
      schema: string;
      name: string;
      args: string[];
      identity_arguments: string;
      arguments: string;
      result: string;
      comment: string | null;
    } & AggregateRow
  >(
    `SELECT n.nspname AS schema, p.proname AS name,
            (pg_identify_object_as_address('pg_proc'::regclass, p.oid, 0)).object_args AS args,
            pg_get_function_identity_arguments(p.oid) AS identity_arguments,
            pg_get_function_arguments(p.oid) AS arguments, pg_get_function_result(p.oid) AS result,
            a.aggkind AS kind, p.proparallel AS parallel,
            a.aggtransfn::text AS sfunc, format_type(a.aggtranstype, NULL) AS stype, a.aggtransspace AS sspace,
            ${fn('aggfinalfn')} AS finalfunc, a.aggfinalextra AS finalfunc_extra, a.aggfinalmodify AS finalfunc_modify,
            ${fn('aggcombinefn')} AS combinefunc, ${fn('aggserialfn')} AS serialfunc,
            ${fn('aggdeserialfn')} AS deserialfunc, a.agginitval AS initcond,
            ${fn('aggmtransfn')} AS msfunc, ${fn('aggminvtransfn')} AS minvfunc,
            CASE WHEN a.aggmtranstype <> 0 THEN format_type(a.aggmtranstype, NULL) END AS mstype,
            a.aggmtransspace AS msspace, ${fn('aggmfinalfn')} AS mfinalfunc,
            a.aggmfinalextra AS mfinalfunc_extra, a.aggmfinalmodify AS mfinalfunc_modify, a.aggminitval AS minitcond,
            (SELECT format('OPERATOR(%I.%s)', opn.nspname, o.oprname)
               FROM pg_operator o JOIN pg_namespace opn ON opn.oid = o.oprnamespace WHERE o.oid = a.aggsortop) AS sortop,
            ${commentSql('p.oid', 'pg_proc')} AS comment
       FROM pg_proc p
       JOIN pg_aggregate a ON a.aggfnoid = p.oid
       JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE p.prokind = 'a' AND ${inSchemas('n.nspname')} AND ${notExtensionMember('pg_proc', 'p.oid')}
      ORDER BY 1, 2, 3`,
    [filter.schemas],
  );
  const out: Record<string, AggregateInfo> = {};
  for (const row of rows) {
    const aggregate: AggregateInfo = {
      schema: row.schema,
      name: row.name,
      kind: KINDS[row.kind] ?? 'normal',
      identityArguments: row.identity_arguments,
      arguments: row.arguments,
      result: row.result,
      options: aggregateOptions(row),
    };
    out[ids.aggregate(row.schema, row.name, row.args.join(','))] = withComment(aggregate, row.comment);
  }
  return out;
}
