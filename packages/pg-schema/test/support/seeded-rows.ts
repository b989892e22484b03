import type { ClientBase } from 'pg';
import type { Catalog, TableInfo } from '../../src/index';

/** The rows of one seeded table, each column as its text form. */
interface TableRows {
  table: TableInfo;
  rows: Array<Record<string, string | null>>;
}

/** Rows of every non-empty table of the catalog (the state the seed statements filled). */
export async function snapshotRows(client: ClientBase, catalog: Catalog): Promise<Map<string, TableRows>> {
  const out = new Map<string, TableRows>();
  for (const [id, table] of Object.entries(catalog.tables)) {
    const rows = await readRows(
      client,
      table,
      table.columns.map((column) => column.name),
    );
    if (rows.length > 0) out.set(id, { table, rows });
  }
  return out;
}

/**
 * Requires every seeded table that `state` keeps to hold the same rows in the columns the change
 * keeps: those in `state` under the same name, type and generation expression.
 * `kept` (the catalog after up, when checking after down) narrows the columns to those the up
 * direction kept too: a column dropped by up comes back empty by design.
 */
export async function expectRowsKept(
  client: ClientBase,
  seeded: Map<string, TableRows>,
  state: Catalog,
  label: string,
  kept?: Catalog,
): Promise<void> {
  for (const [id, { table, rows }] of seeded) {
    const now = state.tables[id];
    const up = kept ? kept.tables[id] : now;
    if (!now || !up) continue;
    const columns = table.columns
      .filter((column) => {
        const after = now.columns.find((c) => c.name === column.name);
        const inUp = up.columns.find((c) => c.name === column.name);
        // A column that becomes generated (or changes its expression) is recomputed by design.
        return (
          after !== undefined &&
          inUp !== undefined &&
          after.type === column.type &&
          inUp.generated === column.generated
        );
      })
      .map((column) => column.name);
    const actual = await readRows(client, now, columns);
    const expected = render(rows, columns);
    const got = render(actual, columns);
    if (expected.length !== got.length || expected.some((row, i) => row !== got[i])) {
      throw new Error(
        `${label}: the seeded rows of ${id} changed.\n--- seeded\n${expected.join('\n')}\n--- now\n${got.join('\n')}`,
      );
    }
  }
}

async function readRows(
  client: ClientBase,
  table: TableInfo,
  columns: string[],
): Promise<Array<Record<string, string | null>>> {
  const list = columns.map((column, i) => `${quote(column)}::text AS c${i}`).join(', ');
  const { rows } = await client.query<Record<string, string | null>>(
    `SELECT ${list || '1 AS c'} FROM ${quote(table.schema)}.${quote(table.name)}`,
  );
  return rows.map((row) => Object.fromEntries(columns.map((column, i) => [column, row[`c${i}`]])));
}

function render(rows: Array<Record<string, string | null>>, columns: string[]): string[] {
  return rows.map((row) => JSON.stringify(columns.map((column) => row[column] ?? null))).sort();
}

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
