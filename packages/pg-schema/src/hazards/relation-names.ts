import type { Node, RangeVar } from 'libpg-query';
import { stringValue } from '../parse-tree.js';

/** `schema.name` of a relation in a statement; unqualified names are taken as `public`. */
export function relationName(relation: RangeVar | undefined): string {
  return `${relation?.schemaname ?? 'public'}.${relation?.relname ?? '?'}`;
}

/** `schema.name` of a DROP object (a List of String nodes, or a TypeName for types and domains). */
export function objectName(object: Node): string {
  const names =
    'List' in object
      ? (object.List.items ?? []).map(stringValue)
      : 'TypeName' in object
        ? (object.TypeName.names ?? []).map(stringValue)
        : [stringValue(object)];
  const parts = names.map((n) => n ?? '?');
  return parts.length === 1 ? `public.${parts[0]}` : parts.slice(-2).join('.');
}

/** `schema.name` of a name list such as a type's or a domain's. */
export function qualifiedNames(names: Node[] | undefined): string {
  const parts = (names ?? []).map((n) => stringValue(n) ?? '?');
  return parts.length === 1 ? `public.${parts[0]}` : parts.slice(-2).join('.');
}
