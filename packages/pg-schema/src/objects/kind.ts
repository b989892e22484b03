import type { ClientBase } from 'pg';
import type { Catalog } from '../catalog/catalog.js';
import type { ObjectKind } from '../catalog/object-id.js';
import type { DiffContext } from '../diff/context.js';
import type { QueryParams } from '../introspect/filter.js';

/** A pg_identify_object_as_address row (`object_names`, `object_args`) mapped onto a catalog id. */
export type AddressToId = (names: string[], args: string[]) => string | undefined;

/** An object as pg_identify_object_as_address names it, e.g. `{ type: 'view column', names: ['public', 'v', 'c'], args: [] }`. */
export interface ObjectAddress {
  type: string;
  names: string[];
  args: string[];
}

/**
 * Everything the engine knows about one kind of object, in one place: the generic parts
 * (introspection, object ids, the diff loop, the cascade, comparison) work through this spec and
 * the registry (registry.ts), never through a list of kinds of their own.
 *
 * `T` is the Catalog entry of the kind. Members that take a `T` are methods, so a module of any
 * kind fits the registry's `ObjectKindModule<unknown>` (the generic parts only ever hand a module
 * the entries its own `objects` returned).
 */
export interface ObjectKindModule<T> {
  /** What the kind is called in messages and tests, e.g. `enum`, `constraint`. */
  readonly name: string;
  /** The prefix of its ids (`view` in `view:public.v`); enums, domains and composites share `type`. */
  readonly idKind: ObjectKind;
  /**
   * Its id spelled from the entry (see object-id.ts), for kinds whose entry holds every part of
   * it (a function's id spells its argument types as pg_depend addresses do, which the entry
   * does not hold).
   */
  id?(object: T): string;
  /** Its entries in a catalog, by id (a view of the tables for columns and constraints). */
  objects(catalog: Catalog): Record<string, T>;
  /**
   * Reads the kind into the catalog with one query; kinds before it in the registry are read
   * already (constraints and columns are attached to the tables).
   */
  read?(client: ClientBase, filter: QueryParams, catalog: Catalog): Promise<void>;
  /** pg_identify_object_as_address types that name objects of this kind (pg_depend rows). */
  readonly addresses?: Readonly<Record<string, AddressToId>>;
  /** The `COMMENT ON` target, e.g. `VIEW public.v`. */
  commentTarget?(object: T): string;
  /**
   * The comment the entry holds for the object at `address`: the object itself, or a part of it
   * that `addresses` maps onto it (a view's column, the index behind a constraint); undefined
   * when it holds none for that address. The completeness check (src/completeness/) compares
   * every pg_description row with it, so a kind without this hook reports every comment on its
   * objects as not managed: check `address.type`, since parts map onto the same entry.
   */
  commentOf?(object: T, address: ObjectAddress): string | undefined;
  /**
   * Set by the kind that reads and diffs privileges (GRANT / REVOKE): the id of its entry for the
   * ACL of the catalog object `objectId` (e.g. `privileges:table:public.t`), or undefined when
   * that object's privileges are left out on purpose (a service that manages grants elsewhere,
   * told through `filter`). The completeness check reports a non-default ACL when no kind has
   * this hook, or when the entry it names is not in the catalog. `ALTER DEFAULT PRIVILEGES`
   * entries are objects of their own (address type `default acl`): map them in `addresses`.
   */
  privilegesOf?(objectId: string, filter: QueryParams): string | undefined;
  /** Create, drop and alter; absent for kinds that are never changed on their own (columns). */
  readonly diff?: KindDiff<T>;
  /**
   * Diffed by the kind that holds it (a table's constraints, after its columns), not by the
   * top-level loop; its create and drop still serve the cascade.
   */
  readonly nested?: boolean;
  /**
   * Dropped and created again when something it depends on is dropped or recreated (the
   * cascade); `blocksRetype`: it also stops ALTER COLUMN ... TYPE of a column it uses, so it is
   * dropped before and created after.
   */
  readonly recreate?: { readonly blocksRetype: boolean };
  /** A dependent the cascade does not recreate: what it does when something it uses is dropped. */
  dependencyGone?(ctx: DiffContext, id: string, cause: string): void;
  /** The relation (table or view id) whose DROP takes the object along (an index, a trigger). */
  dropsWith?(object: T): string | undefined;
  /** Names it takes in a schema's relation namespace (pg_class): tables, indexes, sequences. */
  relationNames?(object: T): RelationName[];
  /**
   * Diffs the kind after every other kind and the cascade, from what they recorded (privileges:
   * what they drop or create again loses its grants).
   */
  diffAfterCascade?(ctx: DiffContext): void;
  /** Makes texts that print differently across Postgres versions comparable (on a copy). */
  comparable?(object: T): void;
}

/**
 * How the diff changes objects of the kind. The generic loop (diff/diff-objects.ts) records the
 * create and drop changes, marks dropped ids gone and skips drops of objects that go with their
 * parent; these functions write the statements (and the changes of an alter).
 */
export interface KindDiff<T> {
  create(ctx: DiffContext, id: string, object: T): void;
  drop(ctx: DiffContext, id: string, object: T): void;
  /** Both sides hold the object: in-place changes, comment included, or a recreate. */
  alter(ctx: DiffContext, id: string, current: T, desired: T): void;
  /** Every drop of the kind before its creates and alters (tables: what goes with them is known). */
  readonly dropsFirst?: boolean;
}

export interface RelationName {
  schema: string;
  name: string;
}

/** The registry's element type: a kind module whatever its entry type. */
export type AnyObjectKind = ObjectKindModule<unknown>;
