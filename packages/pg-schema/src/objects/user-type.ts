import { ids } from '../catalog/object-id.js';
import { qualified } from '../render/sql-text.js';
import type { AddressToId, ObjectAddress } from './kind.js';

/** The id of a pg_type row as pg_identify_object_as_address spells it (e.g. `public.mood`). */
export const TYPE_ID = `(pg_identify_object_as_address('pg_type'::regclass, t.oid, 0)).object_names[1]`;

/** Types in pg_catalog are built in; only user types are catalog objects. */
function userType(formatted: string): string | undefined {
  return formatted.startsWith('pg_catalog.') || !formatted.includes('.') ? undefined : ids.type(formatted);
}

/**
 * Addresses of user types, shared by enums, domains and composites (one `type:` id space); an
 * array type stands for its element type, a domain constraint for its domain.
 */
const typeAddress: AddressToId = ([name]) => userType(name.endsWith('[]') ? name.slice(0, -2) : name);
export const USER_TYPE_ADDRESSES: Readonly<Record<string, AddressToId>> = {
  type: typeAddress,
  'domain constraint': typeAddress,
};

export function dropTypeSql(type: { schema: string; name: string }, domain = false): string {
  return `DROP ${domain ? 'DOMAIN' : 'TYPE'} ${qualified(type.schema, type.name)};`;
}

/** The comment of a user type (not of its array type, nor of a domain's constraint). */
export function userTypeComment(type: { comment?: string }, address: ObjectAddress): string | undefined {
  return address.type === 'type' && !address.names[0].endsWith('[]') ? type.comment : undefined;
}

export const typeCommentTarget = (type: { schema: string; name: string }) =>
  `TYPE ${qualified(type.schema, type.name)}`;
