import type { ClientBase } from 'pg';

/**
 * The rows of `sql` as one JSON document of arrays (json_agg of json_build_array on the server,
 * one JSON.parse here) instead of one protocol row each, made into objects with the `columns`
 * of `sql` as keys. For reads of thousands of rows with text arrays (the dependency list, the
 * completeness check's object list) parsing each row's fields and arrays in JavaScript, and
 * collecting that garbage, cost more than the query (measured at 1000 tables: 86 -> 26 ms of
 * Node CPU for +10 ms on the server); for rows of plain fields the row form is cheaper, since the
 * server's JSON costs more than it saves. Values arrive as JSON spells them: text, arrays,
 * booleans and int2/int4 as the row form does; oid, int8 and numeric do not (cast them in the
 * query, e.g. `::int8` for an oid, which JSON spells as a number as pg parses an oid).
 */
export async function queryJsonRows<T>(
  client: ClientBase,
  sql: string,
  values: unknown[] | undefined,
  columns: ReadonlyArray<keyof T & string>,
): Promise<T[]> {
  const { rows } = await client.query<{ rows: unknown[][] }>(
    `SELECT coalesce(json_agg(json_build_array(${columns.map((column) => `q.${column}`).join(', ')})), '[]') AS rows
       FROM (${sql}) q`,
    values,
  );
  return rows[0].rows.map((tuple) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < columns.length; i++) row[columns[i]] = tuple[i];
    return row as T;
  });
}
