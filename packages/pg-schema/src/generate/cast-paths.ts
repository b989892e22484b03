import type { ClientBase } from 'pg';
import type { Catalog } from '../catalog/catalog.js';
import { ids } from '../catalog/object-id.js';
import { castKey, type CastPath } from '../objects/table/column-conversion.js';

/** A column whose type changes between the two catalogs (by id, after renames). */
export interface TypeChange {
  columnId: string;
  from: string;
  to: string;
}

/** Kept columns whose type differs, from `current` to `desired`. */
export function columnTypeChanges(current: Catalog, desired: Catalog): TypeChange[] {
  const out: TypeChange[] = [];
  for (const [tableId, table] of Object.entries(current.tables)) {
    const target = desired.tables[tableId];
    if (!target) continue;
    for (const column of table.columns) {
      const other = target.columns.find((c) => c.name === column.name);
      // A column whose generation changes is added again (no conversion), unless a stored one
      // becomes plain (a virtual one is added again: it has no values to convert).
      const inPlace =
        (other?.generated === column.generated && other?.generatedKind === column.generatedKind) ||
        (other?.generated === undefined && column.generatedKind !== 'virtual');
      if (other && other.type !== column.type && inPlace)
        out.push({
          columnId: ids.column(table.schema, table.name, column.name),
          from: column.type,
          to: other.type,
        });
    }
  }
  return out;
}

/**
 * Asks the server how each type change converts its values, the way ALTER COLUMN ... USING
 * `col::new` would: a test cast in a shadow database that holds both types (Postgres' own
 * coercion rules: pg_cast, binary and I/O casts, domains, arrays; extension types included).
 * Without a direct cast, enums, composites, ranges and multiranges (and arrays of them) convert
 * through text to another of their kind. `target` holds the new types (the desired database for
 * up), `source` the old ones. A few queries per changed column, none when nothing is retyped.
 */
export async function resolveCastPaths(
  changes: Array<Pick<TypeChange, 'from' | 'to'>>,
  target: ClientBase,
  source: ClientBase,
): Promise<Map<string, CastPath>> {
  const out = new Map<string, CastPath>();
  for (const { from, to } of changes) {
    const key = castKey(from, to);
    if (!out.has(key)) out.set(key, await castPath(from, to, target, source));
  }
  return out;
}

async function castPath(from: string, to: string, target: ClientBase, source: ClientBase): Promise<CastPath> {
  const direct =
    (await testCast(from, to, [target, source])) ??
    // Neither database holds both (a domain of the old schema to a type of the new one): their
    // base types may meet in one.
    (await testCast(await baseType(from, source, target), await baseType(to, target, source), [
      target,
      source,
    ]));
  if (direct) return 'direct';
  // A type of an extension moved to another schema (ALTER EXTENSION ... SET SCHEMA) is one type.
  const [fromExtension, toExtension] = [await extensionType(from, source), await extensionType(to, target)];
  if (fromExtension !== undefined && fromExtension === toExtension) return 'direct';
  const [a, b] = [await shapeOf(from, source, target), await shapeOf(to, target, source)];
  return a !== undefined && a === b && /^[ecrm]/.test(a) ? 'text' : 'none';
}

/** Whether `NULL::from::to` is accepted, in the first database that holds both types; undefined if none does. */
async function testCast(from: string, to: string, databases: ClientBase[]): Promise<boolean | undefined> {
  for (const db of databases) {
    const known = await inTransaction(db, async () => {
      const { rows } = await db.query<{ known: boolean }>(
        'SELECT to_regtype($1) IS NOT NULL AND to_regtype($2) IS NOT NULL AS known',
        [from, to],
      );
      return rows[0].known;
    });
    if (!known) continue;
    return inTransaction(db, async () => {
      try {
        // Never evaluated (WHERE false): parse analysis alone finds the coercion or refuses it.
        await db.query(`SELECT NULL::${from}::${to} WHERE false`);
        return true;
      } catch {
        return false;
      }
    });
  }
  return undefined;
}

/** A domain's base type (format_type), found in the first database that holds it; else the type itself. */
async function baseType(type: string, ...databases: ClientBase[]): Promise<string> {
  for (const db of databases) {
    const base = await inTransaction(db, async () => {
      const { rows } = await db.query<{ base: string | null }>(
        `SELECT CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END AS base
           FROM pg_type t WHERE t.oid = to_regtype($1)`,
        [type],
      );
      return rows[0]?.base;
    });
    if (base) return baseType(base, ...databases);
    if (base === null) return type;
  }
  return type;
}

/** `extension.type` for a type an extension created (e.g. `citext.citext`), else undefined. */
async function extensionType(type: string, db: ClientBase): Promise<string | undefined> {
  return inTransaction(db, async () => {
    const { rows } = await db.query<{ name: string }>(
      `SELECT e.extname || '.' || t.typname AS name
         FROM pg_type t
         JOIN pg_depend d ON d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e'
         JOIN pg_extension e ON e.oid = d.refobjid
        WHERE t.oid = to_regtype($1)`,
      [type],
    );
    return rows[0]?.name;
  });
}

/**
 * The kind of a type once domains and array levels are peeled off (`e`, `c`, `r`, `m`, `b`, ...
 * from pg_type.typtype) with one `[]` per array level, from the first database that holds it.
 */
async function shapeOf(type: string, ...databases: ClientBase[]): Promise<string | undefined> {
  for (const db of databases) {
    const shape = await inTransaction(db, async () => {
      const { rows } = await db.query<{ shape: string }>(
        `WITH RECURSIVE peel(oid, depth, dims) AS (
           SELECT to_regtype($1)::oid, 0, 0
            WHERE to_regtype($1) IS NOT NULL
           UNION ALL
           SELECT CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.typelem END, depth + 1,
                  dims + CASE WHEN t.typtype = 'd' THEN 0 ELSE 1 END
             FROM peel JOIN pg_type t ON t.oid = peel.oid
            WHERE t.typtype = 'd' OR (t.typcategory = 'A' AND t.typelem <> 0)
         )
         SELECT t.typtype::text || repeat('[]', peel.dims) AS shape
           FROM peel JOIN pg_type t ON t.oid = peel.oid
          ORDER BY peel.depth DESC LIMIT 1`,
        [type],
      );
      return rows[0]?.shape;
    });
    if (shape !== undefined) return shape;
  }
  return undefined;
}

/** Runs with the empty search_path introspection uses (type names are schema-qualified), then rolls back. */
async function inTransaction<T>(db: ClientBase, run: () => Promise<T>): Promise<T> {
  await db.query('BEGIN');
  try {
    await db.query(`SET LOCAL search_path = ''`);
    return await run();
  } finally {
    await db.query('ROLLBACK');
  }
}
