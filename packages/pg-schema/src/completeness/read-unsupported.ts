import type { ClientBase } from 'pg';
import type { Catalog } from '../catalog/catalog.js';
import { params, type QueryParams } from '../introspect/filter.js';
import { OBJECT_KINDS } from '../objects/registry.js';
import { classify, keyOf, type AnnotationRow, type ObjectRow } from './classify.js';
import { describeUnsupported, type UnsupportedObject } from './unsupported.js';
import { ANNOTATIONS_SQL, IDENTITIES_SQL, USER_OBJECTS_SQL } from './user-objects.sql.js';

interface IdentityRow {
  classid: number;
  objid: number;
  subid: number;
  type: string;
  identity: string;
  owners: string[];
}

/**
 * The completeness check ("nothing unseen"): every user object, comment, ACL and security label
 * in the managed schemas that the catalog, just read in the same snapshot, does not hold. Two
 * queries when nothing is left out, a third to name what is. `known`: the catalog's ids
 * (catalogObjectIds). `ignore` lists objects managed
 * outside the migrations, named as describeUnsupported() names them; what belongs to a reported
 * or ignored object (its columns' defaults, a publication's tables) goes with it.
 */
export async function readUnsupported(
  client: ClientBase,
  filter: QueryParams,
  catalog: Catalog,
  known: ReadonlySet<string>,
  ignore: readonly string[] = [],
): Promise<UnsupportedObject[]> {
  const objects = await client.query<ObjectRow>(USER_OBJECTS_SQL, params(filter));
  const annotations = await client.query<AnnotationRow>(ANNOTATIONS_SQL);
  const found = classify(objects.rows, annotations.rows, catalog, known, OBJECT_KINDS, filter);
  const reported: Array<ObjectRow | AnnotationRow> = [...found.objects, ...found.annotations];
  if (reported.length === 0) return [];
  const subid = (row: ObjectRow | AnnotationRow) => ('subid' in row ? row.subid : 0);
  const identities = await client.query<IdentityRow>(IDENTITIES_SQL, [
    reported.map((row) => row.classid),
    reported.map((row) => row.objid),
    reported.map(subid),
  ]);
  const named = new Map(identities.rows.map((row) => [`${keyOf(row)}:${row.subid}`, row]));
  const ignored = new Set(ignore);
  const ignoredKeys = new Set<string>();
  const kept: Array<{ key: string; object: UnsupportedObject }> = [];
  for (const row of reported) {
    const identity = named.get(`${keyOf(row)}:${subid(row)}`);
    if (!identity) continue;
    const object: UnsupportedObject = {
      part: 'part' in row ? row.part : 'object',
      kind: identity.type,
      name: identity.identity,
      address: { type: row.type, names: row.names, args: row.args },
    };
    if (!ignored.has(describeUnsupported(object))) kept.push({ key: keyOf(row), object });
    else if (object.part === 'object') ignoredKeys.add(keyOf(row));
  }
  // A part of an object that is itself reported or ignored (a foreign table's defaults, a
  // publication's tables, the class of an implicit operator family) is not named again.
  const reportedKeys = new Set([...found.objects.map(keyOf), ...ignoredKeys]);
  const parts = new Set(
    identities.rows.filter((row) => row.owners.some((owner) => reportedKeys.has(owner))).map(keyOf),
  );
  return kept
    .filter(({ key, object }) => object.part !== 'object' || !parts.has(key))
    .map(({ object }) => object)
    .sort((a, b) => compare(describeUnsupported(a), describeUnsupported(b)));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
