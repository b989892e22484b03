import type { Catalog } from '../catalog/catalog.js';
import { kindOf } from '../catalog/object-id.js';
import type { QueryParams } from '../introspect/filter.js';
import type { AddressToId, AnyObjectKind, ObjectAddress } from '../objects/kind.js';
import { addressesOf } from '../objects/registry.js';
import type { UnsupportedPart } from './unsupported.js';

/** A user object in the managed schemas (USER_OBJECTS_SQL). */
export interface ObjectRow extends ObjectAddress {
  classid: number;
  objid: number;
}

/** A comment, ACL or security label on a user object (ANNOTATIONS_SQL). */
export interface AnnotationRow extends ObjectAddress {
  part: Exclude<UnsupportedPart, 'object'>;
  classid: number;
  objid: number;
  subid: number;
  /** The comment, the ACL, or `provider: label`. */
  detail: string;
  /** When it is on a part Postgres created along with another object: that object. */
  owner_classid: number | null;
  owner_objid: number | null;
  owner_type: string | null;
  owner_names: string[] | null;
  owner_args: string[] | null;
}

export interface Classified {
  /** Objects no kind maps onto a catalog entry. */
  objects: ObjectRow[];
  /** Comments, ACLs and labels on catalog objects that the catalog does not carry. */
  annotations: AnnotationRow[];
}

export const keyOf = (row: { classid: number; objid: number }) => `${row.classid}:${row.objid}`;

/**
 * Which user objects the catalog leaves out, decided by the kinds alone: an object is held when
 * the registry's `addresses` map it onto an id the catalog has (`known`: catalogObjectIds); a comment when the kind's
 * `commentOf` gives the same text; an ACL when a kind's `privilegesOf` names an entry the catalog
 * has (or leaves it out on purpose). Security labels are never held. What is on an object that
 * is itself left out is not reported again (the object is).
 */
export function classify(
  objects: readonly ObjectRow[],
  annotations: readonly AnnotationRow[],
  catalog: Catalog,
  known: ReadonlySet<string>,
  kinds: readonly AnyObjectKind[],
  filter: QueryParams,
): Classified {
  const addresses = addressesOf(kinds);
  const held = (address: ObjectAddress) => {
    const id = idOf(addresses, address);
    return id !== undefined && known.has(id) ? id : undefined;
  };
  const inScope = new Map<string, boolean>();
  const out: Classified = { objects: [], annotations: [] };
  for (const row of objects) {
    const managed = held(row) !== undefined;
    inScope.set(keyOf(row), managed);
    if (!managed) out.objects.push(row);
  }
  const privilegeHooks = kinds.flatMap((kind) => (kind.privilegesOf ? [kind.privilegesOf.bind(kind)] : []));
  for (const row of annotations) {
    const owner = ownerOf(row);
    // Out of scope, excluded (an extension's, an ignored table's), or itself reported.
    if (inScope.get(keyOf(owner ?? row)) !== true) continue;
    const id = held(owner ?? row);
    if (id === undefined) {
      out.annotations.push(row);
      continue;
    }
    if (row.part === 'comment') {
      const holder = holderOf(catalog, kinds, id);
      const comment = holder?.kind.commentOf?.(holder.entry, row);
      if (comment !== row.detail) out.annotations.push(row);
    } else if (row.part === 'privileges') {
      // Carried when every kind that keeps privileges has the entry, or leaves it out on purpose.
      const entryIds = privilegeHooks.map((privilegesOf) => privilegesOf(id, filter));
      if (entryIds.length === 0 || entryIds.some((entryId) => entryId !== undefined && !known.has(entryId)))
        out.annotations.push(row);
    } else {
      out.annotations.push(row);
    }
  }
  return out;
}

function idOf(addresses: Map<string, AddressToId>, address: ObjectAddress): string | undefined {
  return addresses.get(address.type)?.(address.names, address.args);
}

/** The object a part belongs to (a constraint's index: the constraint), as an object row. */
function ownerOf(row: AnnotationRow): ObjectRow | undefined {
  if (row.owner_classid === null || row.owner_objid === null || row.owner_type === null) return undefined;
  return {
    classid: row.owner_classid,
    objid: row.owner_objid,
    type: row.owner_type,
    names: row.owner_names ?? [],
    args: row.owner_args ?? [],
  };
}

interface Holder {
  kind: AnyObjectKind;
  entry: unknown;
}

/** The kind and entry of a catalog id (kinds that share an id prefix, as types do, are each asked). */
function holderOf(catalog: Catalog, kinds: readonly AnyObjectKind[], id: string): Holder | undefined {
  const idKind = kindOf(id);
  for (const kind of kinds) {
    if (kind.idKind !== idKind) continue;
    const entry = kind.objects(catalog)[id];
    if (entry !== undefined) return { kind, entry };
  }
  return undefined;
}
