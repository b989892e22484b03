import type { Catalog, ConstraintInfo, IndexInfo, SequenceInfo } from '../catalog/catalog.js';
import { ids, splitTableId } from '../catalog/object-id.js';
import type { AnyObjectKind } from '../objects/kind.js';
import { tableName } from '../objects/table/table.sql.js';
import { qualified, quoteIdent } from '../render/sql-text.js';
import { RANK, statement, type PlannedStatement } from '../plan/statement.js';
import type { Change } from './change.js';
import { relationNameKey } from './relation-names.js';

type RenamedKind = 'constraint' | 'index' | 'sequence';

export interface GeneratedNameRenames {
  /** The current catalog with the renames applied: the rest of the diff works on it. */
  current: Catalog;
  statements: PlannedStatement[];
  changes: Change[];
}

/**
 * Postgres keeps the generated names of a renamed table's constraints, indexes and serial
 * sequences (`users_pkey` on table `accounts`), while a database built from the models has
 * `accounts_pkey`. When the desired schema has the same object, on the same table, under
 * `<table>_<rest>` where the current one is `<other>_<rest>`, it is renamed rather than dropped
 * and created again with everything that depends on it (foreign keys, column defaults).
 * The renames run first (lowest rank, no dependencies), right after the table renames.
 */
export function renameGeneratedNames(
  current: Catalog,
  desired: Catalog,
  kinds: readonly AnyObjectKind[],
): GeneratedNameRenames {
  const out: GeneratedNameRenames = { current, statements: [], changes: [] };
  const renames: Array<{ kind: RenamedKind; from: string; fromName: string; to: string }> = [];
  const relationNames = relationNamesBySchema(current, kinds);
  const free = (schema: string, name: string) => !relationNames.get(schema)?.has(name);
  const take = (schema: string, from: string, to: string) => {
    relationNames.get(schema)?.delete(from);
    relationNames.get(schema)?.add(to);
  };
  // Each desired object is the target of one rename at most.
  const claimed = new Set<string>();

  for (const [tableId, table] of Object.entries(current.tables)) {
    const target = desired.tables[tableId];
    if (!target) continue;
    for (const [name, constraint] of Object.entries(table.constraints)) {
      if (target.constraints[name]) continue;
      const match = Object.values(target.constraints).find(
        (other) =>
          !table.constraints[other.name] &&
          !claimed.has(ids.constraint(table.schema, table.name, other.name)) &&
          renamedFrom(name, other.name, table.name) &&
          sameConstraint(constraint, other),
      );
      // Primary key, unique and exclusion constraints rename their index too.
      const indexed = constraint.type !== 'check' && constraint.type !== 'foreign';
      if (!match || (indexed && !free(table.schema, match.name))) continue;
      if (indexed) take(table.schema, name, match.name);
      claimed.add(ids.constraint(table.schema, table.name, match.name));
      renames.push({
        kind: 'constraint',
        from: ids.constraint(table.schema, table.name, name),
        fromName: name,
        to: match.name,
      });
      out.statements.push(
        renameStatement(
          `ALTER TABLE ${tableName(table)} RENAME CONSTRAINT ${quoteIdent(name)} TO ${quoteIdent(match.name)};`,
          indexed ? { schema: table.schema, from: name, to: match.name } : undefined,
        ),
      );
    }
  }
  for (const [indexId, index] of Object.entries(current.indexes)) {
    if (desired.indexes[indexId]) continue;
    const owner = splitTableId(index.table)[1];
    const match = Object.values(desired.indexes).find(
      (other) =>
        other.table === index.table &&
        other.schema === index.schema &&
        !current.indexes[ids.index(other.schema, other.name)] &&
        renamedFrom(index.name, other.name, owner) &&
        indexDefinition(index, other.name) === other.definition,
    );
    if (!match || !free(index.schema, match.name)) continue;
    take(index.schema, index.name, match.name);
    renames.push({ kind: 'index', from: indexId, fromName: index.name, to: match.name });
    out.statements.push(
      renameStatement(
        `ALTER INDEX ${qualified(index.schema, index.name)} RENAME TO ${quoteIdent(match.name)};`,
        { schema: index.schema, from: index.name, to: match.name },
      ),
    );
  }
  for (const [sequenceId, sequence] of Object.entries(current.sequences)) {
    if (desired.sequences[sequenceId] || !sequence.ownedBy) continue;
    const owner = splitTableId(sequence.ownedBy.table)[1];
    const match = Object.values(desired.sequences).find(
      (other) =>
        other.schema === sequence.schema &&
        !current.sequences[ids.sequence(other.schema, other.name)] &&
        renamedFrom(sequence.name, other.name, owner) &&
        sameSequence(sequence, other),
    );
    if (!match || !free(sequence.schema, match.name)) continue;
    take(sequence.schema, sequence.name, match.name);
    renames.push({ kind: 'sequence', from: sequenceId, fromName: sequence.name, to: match.name });
    out.statements.push(
      renameStatement(
        `ALTER SEQUENCE ${qualified(sequence.schema, sequence.name)} RENAME TO ${quoteIdent(match.name)};`,
        { schema: sequence.schema, from: sequence.name, to: match.name },
      ),
    );
  }
  if (renames.length === 0) return out;

  const renamed = structuredClone(current);
  const idMap = new Map<string, string>();
  for (const rename of renames) {
    const to = applyRename(renamed, rename.kind, rename.from, rename.to);
    idMap.set(rename.from, to);
    out.changes.push({ action: 'rename', object: to, before: rename.fromName });
  }
  const dependencies: Record<string, string[]> = {};
  for (const [id, refs] of Object.entries(renamed.dependencies))
    dependencies[idMap.get(id) ?? id] = refs.map((ref) => idMap.get(ref) ?? ref).sort();
  renamed.dependencies = dependencies;
  out.current = renamed;
  return out;
}

/** `users_email_key` -> `accounts_email_key` on table `accounts`: same tail, new table prefix. */
function renamedFrom(from: string, to: string, table: string): boolean {
  if (from === to || !to.startsWith(`${table}_`) || from.startsWith(`${table}_`)) return false;
  const rest = to.slice(table.length);
  return from.endsWith(rest) && from.length > rest.length;
}

function sameConstraint(a: ConstraintInfo, b: ConstraintInfo): boolean {
  return a.type === b.type && a.definition === b.definition;
}

function sameSequence(a: SequenceInfo, b: SequenceInfo): boolean {
  return (
    a.type === b.type &&
    a.start === b.start &&
    a.increment === b.increment &&
    a.min === b.min &&
    a.max === b.max &&
    a.cache === b.cache &&
    a.cycle === b.cycle &&
    a.ownedBy?.table === b.ownedBy?.table &&
    a.ownedBy?.column === b.ownedBy?.column
  );
}

/** pg_get_indexdef names the index right after INDEX: the definition it would have under `name`. */
function indexDefinition(index: IndexInfo, name: string): string {
  return index.definition.replace(` INDEX ${quoteIdent(index.name)} ON `, ` INDEX ${quoteIdent(name)} ON `);
}

/** A rename releases the old relation name and takes the new one (constraints without an index take none). */
function renameStatement(
  sql: string,
  names?: { schema: string; from: string; to: string },
): PlannedStatement {
  return statement(sql, RANK.rename, `0rename:${sql}`, {
    freesNames: names ? [relationNameKey({ schema: names.schema, name: names.from })] : [],
    takesNames: names ? [relationNameKey({ schema: names.schema, name: names.to })] : [],
  });
}

/** Renames one object inside a catalog copy; returns its new id. */
function applyRename(catalog: Catalog, kind: RenamedKind, from: string, to: string): string {
  if (kind === 'constraint') {
    for (const table of Object.values(catalog.tables)) {
      for (const [name, constraint] of Object.entries(table.constraints)) {
        if (ids.constraint(table.schema, table.name, name) !== from) continue;
        delete table.constraints[name];
        table.constraints[to] = { ...constraint, name: to };
        table.constraints = sortedRecord(table.constraints);
        return ids.constraint(table.schema, table.name, to);
      }
    }
  }
  if (kind === 'index') {
    const index = catalog.indexes[from];
    const id = ids.index(index.schema, to);
    delete catalog.indexes[from];
    catalog.indexes[id] = { ...index, name: to, definition: indexDefinition(index, to) };
    catalog.indexes = sortedRecord(catalog.indexes);
    return id;
  }
  const sequence = catalog.sequences[from];
  const id = ids.sequence(sequence.schema, to);
  delete catalog.sequences[from];
  catalog.sequences[id] = { ...sequence, name: to };
  catalog.sequences = sortedRecord(catalog.sequences);
  // Defaults print the sequence by name: nextval('public.users_id_seq'::regclass).
  const [before, after] = [qualified(sequence.schema, sequence.name), qualified(sequence.schema, to)];
  for (const table of Object.values(catalog.tables)) {
    for (const column of table.columns) {
      if (column.default?.includes(`'${before}'::regclass`))
        column.default = column.default.split(`'${before}'::regclass`).join(`'${after}'::regclass`);
    }
  }
  return id;
}

/** Names taken in each schema's relation namespace, by every kind that takes some. */
function relationNamesBySchema(catalog: Catalog, kinds: readonly AnyObjectKind[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const kind of kinds) {
    if (!kind.relationNames) continue;
    for (const object of Object.values(kind.objects(catalog))) {
      for (const { schema, name } of kind.relationNames(object)) {
        let set = out.get(schema);
        if (!set) out.set(schema, (set = new Set()));
        set.add(name);
      }
    }
  }
  return out;
}

function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
