import type { Catalog } from '../catalog/catalog.js';
import type { AnyObjectKind, RelationName } from '../objects/kind.js';
import type { PlannedStatement } from '../plan/statement.js';
import { qualified } from '../render/sql-text.js';

/** How a relation name is spelled in `takesNames` / `freesNames`: `schema.name`, quoted where needed. */
export function relationNameKey(name: RelationName): string {
  return qualified(name.schema, name.name);
}

/**
 * The relation names (pg_class) each object of the catalog holds, by id, from the kinds'
 * `relationNames`: every object of such a kind is listed, with no names when it holds none
 * (a column without identity), so a missing id means the object does not exist.
 */
export function relationNamesById(catalog: Catalog, kinds: readonly AnyObjectKind[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const kind of kinds) {
    if (!kind.relationNames) continue;
    for (const [id, object] of Object.entries(kind.objects(catalog)))
      out.set(id, kind.relationNames(object).map(relationNameKey));
  }
  return out;
}

/**
 * Gives each statement the names it releases and takes, so the plan can release a name before it
 * is reused (a primary key name moving to a new table, a serial's sequence name taken by an
 * identity): a statement that drops an object frees the object's names; one that creates an
 * object that did not exist takes the object's names. In-place changes that take or free a name
 * (an identity added or dropped, a rename) say so themselves.
 */
export function assignRelationNames(
  statements: PlannedStatement[],
  kinds: readonly AnyObjectKind[],
  current: Catalog,
  desired: Catalog,
): void {
  const before = relationNamesById(current, kinds);
  const after = relationNamesById(desired, kinds);
  for (const s of statements) {
    const frees = new Set(s.freesNames);
    const takes = new Set(s.takesNames);
    for (const id of s.drops) for (const name of before.get(id) ?? []) frees.add(name);
    for (const id of s.creates) {
      if (before.has(id)) continue;
      for (const name of after.get(id) ?? []) takes.add(name);
    }
    s.freesNames = [...frees];
    s.takesNames = [...takes];
  }
}
