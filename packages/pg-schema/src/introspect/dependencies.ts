import type { ClientBase } from 'pg';
import { ids } from '../catalog/object-id.js';
import { queryJsonRows } from './json-rows.js';
import type { AddressToId } from '../objects/kind.js';

interface Address {
  type: string;
  names: string[];
  args: string[];
}

/**
 * Every normal and automatic dependency between user objects, from one pg_depend read, mapped
 * onto catalog ids by the kinds' `addresses` (a view's rewrite rule stands for the view, a column
 * default for its column, a domain constraint for its domain); here an extension's member stands
 * for the extension, a constraint's index for the constraint. Dependencies on objects outside
 * the catalog are dropped.
 */
export async function readDependencies(
  client: ClientBase,
  addresses: Map<string, AddressToId>,
): Promise<Record<string, string[]>> {
  return dependenciesOf(await queryDependencies(client), addresses);
}

/** What the dependency map is made of: pg_depend's rows, and which objects are extension members. */
export interface DependencyRows {
  rows: DependencyRow[];
  extensionMembers: Map<string, string>;
}

/**
 * DEPENDENCIES_SQL's rows (sixteen thousand at 1000 tables: one JSON document, see
 * queryJsonRows) and the extension members, asked at once.
 */
export async function queryDependencies(client: ClientBase): Promise<DependencyRows> {
  const members = client.query<{ classid: string; objid: string; extension: string }>(EXTENSION_MEMBERS_SQL);
  members.catch(() => undefined);
  const rows = await queryJsonRows<DependencyRow>(client, DEPENDENCIES_SQL, undefined, [
    'type',
    'names',
    'args',
    'ref_type',
    'ref_names',
    'ref_args',
    'ref_classid',
    'ref_objid',
    'ref_constraint',
    'ref_relation',
    'ref_range',
  ]);
  const extensionMembers = new Map<string, string>();
  for (const member of (await members).rows)
    extensionMembers.set(`${member.classid}:${member.objid}`, member.extension);
  return { rows, extensionMembers };
}

/** One pg_depend row with both ends named (DEPENDENCIES_SQL). */
export interface DependencyRow {
  type: string;
  names: string[];
  args: string[];
  ref_type: string;
  ref_names: string[];
  ref_args: string[];
  /** The referenced object (oids as numbers): its extension, when it is a member of one. */
  ref_classid: number;
  ref_objid: number;
  ref_constraint: string[] | null;
  ref_relation: string[] | null;
  ref_range: string[] | null;
}

export const DEPENDENCIES_SQL = `SELECT a.type, a.object_names AS names, a.object_args AS args,
            b.type AS ref_type, b.object_names AS ref_names, b.object_args AS ref_args,
            d.refclassid::int8 AS ref_classid, d.refobjid::int8 AS ref_objid,
            CASE WHEN b.type = 'index' THEN
              (SELECT ARRAY[cn.nspname::text, cr.relname::text, c.conname::text]
                 FROM pg_index i JOIN pg_constraint c ON c.conrelid = i.indrelid AND c.conindid = i.indexrelid
                 JOIN pg_class cr ON cr.oid = c.conrelid JOIN pg_namespace cn ON cn.oid = cr.relnamespace
                WHERE i.indexrelid = d.refobjid AND c.contype IN ('p', 'u', 'x') LIMIT 1)
            END AS ref_constraint,
            CASE WHEN d.refclassid = 'pg_type'::regclass THEN
              (SELECT ARRAY[rn.nspname::text, r.relname::text, r.relkind::text]
                 FROM pg_type t LEFT JOIN pg_type e ON e.oid = t.typelem
                 JOIN pg_class r ON r.oid = CASE WHEN t.typrelid <> 0 THEN t.typrelid ELSE e.typrelid END
                 JOIN pg_namespace rn ON rn.oid = r.relnamespace
                WHERE t.oid = d.refobjid AND r.relkind IN ('r', 'p', 'v', 'm'))
            END AS ref_relation,
            CASE WHEN d.refclassid = 'pg_type'::regclass THEN
              (SELECT (pg_identify_object_as_address('pg_type'::regclass, r.rngtypid, 0)).object_names
                 FROM pg_range r JOIN pg_type t ON t.oid = d.refobjid
                WHERE r.rngmultitypid IN (t.oid, t.typelem))
            END AS ref_range
       FROM pg_depend d,
            LATERAL pg_identify_object_as_address(d.classid, d.objid, d.objsubid) a,
            LATERAL pg_identify_object_as_address(d.refclassid, d.refobjid, d.refobjsubid) b
      WHERE d.objid >= 16384 AND d.deptype IN ('n', 'a')
        -- A column default's automatic link to its own column maps onto that column: skip it early.
        AND NOT (d.classid = 'pg_attrdef'::regclass AND d.deptype = 'a')
        AND a.type NOT LIKE 'toast%' AND b.type NOT LIKE 'toast%'`;

/**
 * Extension members, by `classid:objid`, with their extension: looked up here rather than by a
 * subquery per pg_depend row (a fifth of the dependency read's server time at 1000 tables).
 */
const EXTENSION_MEMBERS_SQL = `SELECT x.classid::int8 AS classid, x.objid::int8 AS objid, e.extname AS extension
  FROM pg_depend x JOIN pg_extension e ON e.oid = x.refobjid WHERE x.deptype = 'e'`;

/** The dependency map of DEPENDENCIES_SQL's rows, by catalog id, sorted. */
export function dependenciesOf(
  { rows, extensionMembers }: DependencyRows,
  addresses: Map<string, AddressToId>,
): Record<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const row of rows) {
    const refExtension =
      extensionMembers.size > 0 ? extensionMembers.get(`${row.ref_classid}:${row.ref_objid}`) : undefined;
    const from = idOf({ type: row.type, names: row.names, args: row.args }, addresses);
    // Objects of an extension stand for the extension; a constraint's index for the constraint;
    // a table's or view's row type (`RETURNS SETOF users`) for the relation; a multirange type
    // (or its array) for the range type that made it.
    const to = refExtension
      ? ids.extension(refExtension)
      : row.ref_constraint
        ? ids.constraint(row.ref_constraint[0], row.ref_constraint[1], row.ref_constraint[2])
        : row.ref_relation
          ? relationId(row.ref_relation)
          : row.ref_range
            ? ids.type(row.ref_range[0])
            : idOf({ type: row.ref_type, names: row.ref_names, args: row.ref_args }, addresses);
    if (!from || !to || from === to) continue;
    // A serial sequence's OWNED BY link is kept as SequenceInfo.ownedBy; as an edge it would
    // form a cycle with the column default that calls nextval().
    if (from.startsWith('sequence:') && to.startsWith('column:')) continue;
    let set = out.get(from);
    if (!set) out.set(from, (set = new Set()));
    set.add(to);
  }
  const result: Record<string, string[]> = {};
  for (const key of [...out.keys()].sort()) result[key] = [...out.get(key)!].sort();
  return result;
}

/** The catalog id an address stands for, or undefined for objects the catalog does not hold. */
export function idOf(address: Address, addresses: Map<string, AddressToId>): string | undefined {
  return addresses.get(address.type)?.(address.names, address.args);
}

function relationId([schema, name, kind]: string[]): string {
  return kind === 'v' || kind === 'm' ? ids.view(schema, name) : ids.table(schema, name);
}
