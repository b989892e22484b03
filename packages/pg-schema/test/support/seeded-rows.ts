import type { ClientBase } from 'pg';

/** Every row of every user table (the migrations table left out), as JSON objects, per table. */
export type RowSnapshot = Map<string, Array<Record<string, unknown>>>;

export async function snapshotRows(client: ClientBase): Promise<RowSnapshot> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT format('%I.%I', n.nspname, c.relname) AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg\\_%' AND c.relname <> 'schema_migrations'
      ORDER BY 1`,
  );
  const out: RowSnapshot = new Map();
  for (const { name } of tables) {
    const { rows } = await client.query<{ row: Record<string, unknown> }>(
      `SELECT row_to_json(t) AS row FROM ONLY ${name} t`,
    );
    out.set(
      name,
      rows.map((r) => r.row),
    );
  }
  return out;
}

/**
 * The seeded rows are all still there, with the same values in the columns both sides have
 * (a dropped or added column is the schema change itself, not lost data); `between` is a
 * snapshot taken in between (after up, for the down check): a column it lacks was dropped.
 */
export function expectRowsKept(
  seeded: RowSnapshot,
  now: RowSnapshot,
  label: string,
  between?: RowSnapshot,
): void {
  for (const [table, before] of seeded) {
    if (before.length === 0) continue;
    const after = now.get(table);
    if (!after) throw new Error(`${label}: table ${table} with ${before.length} seeded row(s) is gone`);
    const middle = between?.get(table);
    const columns = Object.keys(before[0]).filter(
      (column) => (after.length === 0 || column in after[0]) && (!middle?.length || column in middle[0]),
    );
    const project = (rows: Array<Record<string, unknown>>) =>
      rows.map((row) => JSON.stringify(columns.map((column) => row[column]))).sort();
    const [a, b] = [project(before), project(after)];
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      throw new Error(
        `${label}: the rows of ${table} changed.\nseeded:\n${a.join('\n')}\nnow:\n${b.join('\n')}`,
      );
    }
  }
}
