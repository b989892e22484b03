import type { ClientBase } from 'pg';
import type { Catalog } from '../catalog/catalog.js';
import { params, type QueryParams } from '../introspect/filter.js';
import { OBJECT_KINDS } from '../objects/registry.js';
import { OWNER } from '../objects/privilege/privilege.model.js';
import { classify, keyOf, type AnnotationRow, type ObjectRow } from './classify.js';
import { describeUnsupported, type UnsupportedObject } from './unsupported.js';
import { nameOf } from './object-names.js';
import { ANNOTATIONS_SQL, OWNERS_SQL, USER_OBJECTS_SQL } from './user-objects.sql.js';

interface OwnersRow {
  classid: number;
  objid: number;
  owners: string[];
}

/**
 * The completeness check ("nothing unseen"): every user object, comment, ACL and security label
 * in the managed schemas that the catalog, just read in the same snapshot, does not hold. Two
 * queries when nothing is left out, a third for what the reported objects belong to. `known`: the catalog's ids
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
  // Privileges opted out: default privileges are left out like object ACLs (privilegesOf).
  const objectRows =
    filter.privileges === false ? objects.rows.filter((row) => row.type !== 'default acl') : objects.rows;
  await nameReadingRole(client, objectRows);
  const found = classify(objectRows, annotations.rows, catalog, known, OBJECT_KINDS, filter);
  const reported: Array<ObjectRow | AnnotationRow> = [...found.objects, ...found.annotations];
  if (reported.length === 0) return [];
  const owners = await client.query<OwnersRow>(OWNERS_SQL, [
    found.objects.map((row) => row.classid),
    found.objects.map((row) => row.objid),
  ]);
  const ignored = new Set(ignore);
  const ignoredKeys = new Set<string>();
  const kept: Array<{ key: string; object: UnsupportedObject }> = [];
  for (const row of reported) {
    const address = { type: row.type, names: row.names, args: row.args };
    const object: UnsupportedObject = {
      part: 'part' in row ? row.part : 'object',
      kind: row.type,
      name: nameOf(address),
      address,
    };
    if (!ignored.has(describeUnsupported(object))) kept.push({ key: keyOf(row), object });
    else if (object.part === 'object') ignoredKeys.add(keyOf(row));
  }
  // A part of an object that is itself reported or ignored (a foreign table's defaults, a
  // publication's tables, the class of an implicit operator family) is not named again.
  const reportedKeys = new Set([...found.objects.map(keyOf), ...ignoredKeys]);
  const parts = new Set(
    owners.rows.filter((row) => row.owners.some((owner) => reportedKeys.has(owner))).map(keyOf),
  );
  return kept
    .filter(({ key, object }) => object.part !== 'object' || !parts.has(key))
    .map(({ object }) => object)
    .sort((a, b) => compare(describeUnsupported(a), describeUnsupported(b)));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Default privileges of the role that reads (the one that runs the migrations) are kept under
 * OWNER, whoever that role is (objects/privilege): their addresses are spelled the same way, so
 * the kind's `default acl` address maps onto its entries. Asked only when such rows exist.
 */
async function nameReadingRole(client: ClientBase, rows: ObjectRow[]): Promise<void> {
  const defaults = rows.filter((row) => row.type === 'default acl');
  if (defaults.length === 0) return;
  const { rows: me } = await client.query<{ role: string }>('SELECT current_user AS role');
  for (const row of defaults) if (row.names[0] === me[0].role) row.names = [OWNER, ...row.names.slice(1)];
}
