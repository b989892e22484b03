import type { ClientBase } from 'pg';
import type { Catalog } from '../../catalog/catalog.js';
import { ids } from '../../catalog/object-id.js';
import {
  inSchemas,
  notExtensionMember,
  notIgnored,
  params,
  type QueryParams,
} from '../../introspect/filter.js';
import { TYPE_ID } from '../user-type.js';
import { aclObjects } from './acl-objects.js';
import {
  builtInDefault,
  COLUMN_PRIVILEGES,
  NONE,
  normalizeAcl,
  type AclItem,
  type GrantTarget,
} from './grants.js';
import {
  OWNER,
  PUBLIC,
  type DefaultPrivilegeInfo,
  type DefaultPrivilegeObjects,
  type PrivilegeInfo,
} from './privilege.model.js';

/** aclexplode() of an ACL as [grantee is the owner, grantee name (NULL: PUBLIC), privilege, grantable]. */
const ITEMS = (acl: string, owner: string) =>
  `coalesce((SELECT json_agg(json_build_array(e.grantee = ${owner}, r.rolname, e.privilege_type, e.is_grantable))
               FROM aclexplode(${acl}) e LEFT JOIN pg_roles r ON r.oid = e.grantee), '[]')`;
/** Every privilege the owner holds by default: what `ALL` means for that kind on this server. */
const ALL_OF = (type: string, owner: string) =>
  `array(SELECT x.privilege_type FROM aclexplode(acldefault(${type}, ${owner})) x WHERE x.grantee = ${owner} ORDER BY 1)`;

type RawItem = [boolean, string | null, string, boolean];

/**
 * Reads the ACLs of the catalog's objects and columns that were ever set (NULL is the default and
 * reads as nothing), one query over pg_namespace, pg_class, pg_attribute, pg_proc and pg_type.
 * Kept only for objects the catalog holds (every other kind is read by then).
 */
export async function readPrivileges(
  client: ClientBase,
  filter: QueryParams,
  catalog: Catalog,
): Promise<Record<string, PrivilegeInfo>> {
  if (filter.privileges === false) return {};
  const { rows } = await client.query<{
    kind: 'schema' | 'relation' | 'column' | 'function' | 'aggregate' | 'type';
    relkind: string | null;
    schema: string;
    name: string;
    args: string[] | null;
    column: string | null;
    all: string[];
    items: RawItem[];
  }>(
    `WITH objects AS (
       SELECT 'schema' AS kind, NULL::"char" AS relkind, n.nspname AS schema, n.nspname AS name, NULL::text[] AS args,
              NULL::name AS column, n.nspowner AS owner, n.nspacl AS acl, 'n'::"char" AS type
         FROM pg_namespace n
        WHERE n.nspacl IS NOT NULL AND ${inSchemas('n.nspname')} AND ${notExtensionMember('pg_namespace', 'n.oid')}
       UNION ALL
       SELECT 'relation', c.relkind, n.nspname, c.relname, NULL, NULL, c.relowner, c.relacl,
              CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END::"char"
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relacl IS NOT NULL AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
          AND ${inSchemas('n.nspname')} AND ${notIgnored('n.nspname', 'c.relname')} AND ${notExtensionMember('pg_class', 'c.oid')}
       UNION ALL
       SELECT 'column', c.relkind, n.nspname, c.relname, NULL, a.attname, c.relowner, a.attacl, 'c'::"char"
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE a.attacl IS NOT NULL AND a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm')
          AND ${inSchemas('n.nspname')} AND ${notIgnored('n.nspname', 'c.relname')} AND ${notExtensionMember('pg_class', 'c.oid')}
       UNION ALL
       SELECT CASE WHEN p.prokind = 'a' THEN 'aggregate' ELSE 'function' END, NULL, n.nspname, p.proname, (pg_identify_object_as_address('pg_proc'::regclass, p.oid, 0)).object_args,
              NULL, p.proowner, p.proacl, 'f'::"char"
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE p.proacl IS NOT NULL AND ${inSchemas('n.nspname')} AND ${notExtensionMember('pg_proc', 'p.oid')}
       UNION ALL
       SELECT 'type', NULL, n.nspname, ${TYPE_ID}, NULL, NULL, t.typowner, t.typacl, 'T'::"char"
         FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE t.typacl IS NOT NULL AND ${inSchemas('n.nspname')} AND ${notExtensionMember('pg_type', 't.oid')}
     )
     SELECT kind, relkind, schema, name, args, "column", ${ALL_OF('type', 'owner')} AS all, ${ITEMS('acl', 'owner')} AS items
       FROM objects`,
    params(filter),
  );
  const present = aclObjects(catalog);
  const out: Record<string, PrivilegeInfo> = {};
  for (const row of rows) {
    const object = objectId(row);
    const target = present.get(object);
    if (!target) continue;
    const column = row.column ?? undefined;
    if (column !== undefined && target.columns && !target.columns.includes(column)) continue;
    const grantTarget: GrantTarget = column === undefined ? target.target : 'COLUMN';
    const grants = normalizeAcl(
      row.items.map(itemOf),
      column === undefined ? row.all : COLUMN_PRIVILEGES,
      (grantee) => builtInDefault(grantTarget, grantee),
    );
    if (Object.keys(grants).length === 0) continue;
    const key = ids.privileges(column === undefined ? object : columnId(row, column));
    out[key] = column === undefined ? { object, grants } : { object, column, grants };
  }
  return sorted(out);
}

function objectId(row: {
  kind: string;
  relkind: string | null;
  schema: string;
  name: string;
  args: string[] | null;
}): string {
  switch (row.kind) {
    case 'schema':
      return ids.schema(row.name);
    case 'function':
      return ids.function(row.schema, row.name, (row.args ?? []).join(','));
    case 'aggregate':
      return ids.aggregate(row.schema, row.name, (row.args ?? []).join(','));
    case 'type':
      return ids.type(row.name);
    default:
      if (row.relkind === 'S') return ids.sequence(row.schema, row.name);
      return row.relkind === 'v' || row.relkind === 'm'
        ? ids.view(row.schema, row.name)
        : ids.table(row.schema, row.name);
  }
}

/** The id a column's ACL is kept under (a view's columns are spelled like a table's). */
function columnId(row: { schema: string; name: string }, column: string): string {
  return ids.column(row.schema, row.name, column);
}

function itemOf([isOwner, role, privilege, grantable]: RawItem): AclItem {
  return { grantee: isOwner ? OWNER : (role ?? PUBLIC), privilege, grantable };
}

const DEFAULT_OBJECTS: Record<string, { on: DefaultPrivilegeObjects; target: GrantTarget }> = {
  r: { on: 'TABLES', target: 'TABLE' },
  S: { on: 'SEQUENCES', target: 'SEQUENCE' },
  f: { on: 'FUNCTIONS', target: 'FUNCTION' },
  T: { on: 'TYPES', target: 'TYPE' },
  n: { on: 'SCHEMAS', target: 'SCHEMA' },
};

/**
 * Reads pg_default_acl: entries of every schema (they replace the built-in defaults, so they are
 * compared with those) and of the schemas read (they add to them, so everything they hold
 * counts). The role that reads, the one that runs the migrations, is OWNER.
 */
export async function readDefaultPrivileges(
  client: ClientBase,
  filter: QueryParams,
): Promise<Record<string, DefaultPrivilegeInfo>> {
  if (filter.privileges === false) return {};
  const { rows } = await client.query<{
    mine: boolean;
    role: string;
    schema: string | null;
    type: string;
    all: string[];
    items: RawItem[];
  }>(
    `SELECT r.rolname = current_user AS mine, r.rolname AS role, n.nspname AS schema, d.defaclobjtype AS type,
            ${ALL_OF(`CASE d.defaclobjtype WHEN 'S' THEN 's' ELSE d.defaclobjtype END::"char"`, 'd.defaclrole')} AS all,
            ${ITEMS('d.defaclacl', 'd.defaclrole')} AS items
       FROM pg_default_acl d JOIN pg_roles r ON r.oid = d.defaclrole
       LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace
      WHERE d.defaclobjtype IN ('r', 'S', 'f', 'T', 'n')
        AND (d.defaclnamespace = 0 OR ${inSchemas('n.nspname')})`,
    [filter.schemas],
  );
  const out: Record<string, DefaultPrivilegeInfo> = {};
  for (const row of rows) {
    const kind = DEFAULT_OBJECTS[row.type];
    const schema = row.schema ?? undefined;
    const grants = normalizeAcl(row.items.map(itemOf), row.all, (grantee) =>
      schema === undefined ? builtInDefault(kind.target, grantee) : NONE,
    );
    if (Object.keys(grants).length === 0) continue;
    const role = row.mine ? OWNER : row.role;
    const entry: DefaultPrivilegeInfo = {
      role,
      ...(schema === undefined ? {} : { schema }),
      on: kind.on,
      grants,
    };
    out[ids.defaultPrivileges(role, schema, kind.on)] = entry;
  }
  return sorted(out);
}

function sorted<T>(map: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
