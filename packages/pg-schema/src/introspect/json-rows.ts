import type { ClientBase } from 'pg';

/**
 * The rows of `sql` as one JSON document (json_agg on the server, one JSON.parse here) instead
 * of one protocol row each: for the queries of thousands of rows, parsing each row's fields
 * and text arrays in JavaScript (and collecting the garbage) cost more than the query itself.
 * Values arrive as JSON spells them: text, arrays, booleans and int2/int4 as the row form
 * does; oid, int8 and numeric do not (cast them in the query, e.g. `::int4` or `::text`).
 * `order` sorts the aggregate (columns of `sql`, e.g. `q.schema, q.position`).
 */
export async function queryJsonRows<T>(
  client: ClientBase,
  sql: string,
  values: unknown[] | undefined,
  order?: string,
): Promise<T[]> {
  const { rows } = await client.query<{ rows: T[] }>(
    `SELECT coalesce(json_agg(q${order ? ` ORDER BY ${order}` : ''}), '[]') AS rows FROM (${sql}) q`,
    values,
  );
  return rows[0].rows;
}
