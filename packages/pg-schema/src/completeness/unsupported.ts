import type { ObjectAddress } from '../objects/kind.js';

/** What the catalog leaves out: the object itself, or its comment, its ACL or a security label on it. */
export type UnsupportedPart = 'object' | 'comment' | 'privileges' | 'security label';

/**
 * Something a database holds in the managed schemas that the Catalog does not: a migration would
 * silently leave it out, so generate and verify stop on it (UNSUPPORTED_OBJECT).
 */
export interface UnsupportedObject {
  part: UnsupportedPart;
  /** The object's kind as Postgres names it (its address type): `operator`, `text search configuration`. */
  kind: string;
  /** Its name as SQL writes it (object-names.ts): `public.===(integer, integer)`, `(integer AS public.myint)`. */
  name: string;
  /** pg_identify_object_as_address of the object: what finds the statement that declared it. */
  address: ObjectAddress;
}

/**
 * How messages and the `ignoreObjects` setting name it: `operator public.===(integer, integer)`,
 * `comment on table public.t`, `privileges on sequence public.s`.
 */
export function describeUnsupported(object: Pick<UnsupportedObject, 'part' | 'kind' | 'name'>): string {
  const what = `${object.kind} ${object.name}`;
  return object.part === 'object' ? what : `${object.part} on ${what}`;
}
