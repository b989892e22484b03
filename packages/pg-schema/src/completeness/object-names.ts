import { quoteIdent } from '../render/sql-text.js';
import type { ObjectAddress } from '../objects/kind.js';

/** What pg_default_acl.defaclobjtype stands for. */
const DEFAULT_ACL_OBJECTS: Record<string, string> = {
  r: 'tables',
  S: 'sequences',
  f: 'functions',
  T: 'types',
  n: 'schemas',
  L: 'large objects',
};

const q = quoteIdent;

/**
 * An object's name as SQL writes it, from its pg_identify_object_as_address (stable across
 * Postgres versions, unlike pg_identify_object's identity: PG15 and PG18 spell a transform
 * differently), so messages and the `ignoreObjects` setting name it the same on every server.
 * Type names come formatted (quoted where needed) in the address; other names come raw.
 */
export function nameOf({ type, names, args }: ObjectAddress): string {
  const qualified = (from: number, count: number) =>
    names
      .slice(from, from + count)
      .map(q)
      .join('.');
  const list = args.join(', ');
  switch (type) {
    case 'type':
      return names[0];
    case 'function':
    case 'procedure':
    case 'aggregate':
      return `${qualified(0, 2)}(${list})`;
    case 'operator':
      return `${q(names[0])}.${names[1]}(${list})`;
    case 'cast':
      return `(${names[0]} AS ${args[0]})`;
    case 'transform':
      return `for ${names[0]} language ${q(args[0])}`;
    case 'table constraint':
    case 'trigger':
    case 'rule':
    case 'policy':
      return `${q(names[2])} on ${qualified(0, 2)}`;
    case 'domain constraint':
      return `${q(args[0])} on ${names[0]}`;
    case 'default value':
      return `for ${qualified(0, 3)}`;
    case 'operator class':
    case 'operator family':
      return `${qualified(1, 2)} using ${names[0]}`;
    case 'operator of access method':
    case 'function of access method':
      return `${names[3]} (${list}) of ${qualified(1, 2)} using ${names[0]}`;
    case 'user mapping':
      return `for ${q(names[0])} server ${q(args[0])}`;
    case 'publication relation':
    case 'publication namespace':
      return `${names.map(q).join('.')} in publication ${q(args[0])}`;
    case 'default acl':
      return (
        `for role ${q(names[0])}${names[1] ? ` in schema ${q(names[1])}` : ''} ` +
        `on ${DEFAULT_ACL_OBJECTS[args[0]] ?? args[0]}`
      );
    default:
      // Schema-qualified objects, columns, and the objects of a database that have one name.
      return names.map(q).join('.') + (args.length > 0 ? ` (${list})` : '');
  }
}
