import type { ClientBase } from 'pg';
import type { CompositeInfo, DomainInfo, EnumInfo } from '../catalog/catalog.js';
import { ids } from '../catalog/object-id.js';
import { inSchemas, notExtensionMember, type QueryParams } from './filter.js';
import { withComment } from './schemas.js';

const TYPE_ID = `(pg_identify_object_as_address('pg_type'::regclass, t.oid, 0)).object_names[1]`;

export async function readEnums(client: ClientBase, filter: QueryParams): Promise<Record<string, EnumInfo>> {
  const { rows } = await client.query<{
    id: string;
    schema: string;
    name: string;
    values: string[];
    comment: string | null;
  }>(
    `SELECT ${TYPE_ID} AS id, n.nspname AS schema, t.typname AS name,
            array(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS values,
            obj_description(t.oid, 'pg_type') AS comment
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE t.typtype = 'e' AND ${inSchemas('n.nspname')} AND ${notExtensionMember('pg_type', 't.oid')}
      ORDER BY 1`,
    [filter.schemas],
  );
  const out: Record<string, EnumInfo> = {};
  for (const row of rows) {
    out[ids.type(row.id)] = withComment(
      { schema: row.schema, name: row.name, values: row.values },
      row.comment,
    );
  }
  return out;
}

export async function readDomains(
  client: ClientBase,
  filter: QueryParams,
): Promise<Record<string, DomainInfo>> {
  const { rows } = await client.query<{
    id: string;
    schema: string;
    name: string;
    base_type: string;
    not_null: boolean;
    default: string | null;
    collation: string | null;
    constraints: Record<string, string> | null;
    comment: string | null;
  }>(
    `SELECT ${TYPE_ID} AS id, n.nspname AS schema, t.typname AS name,
            format_type(t.typbasetype, t.typtypmod) AS base_type, t.typnotnull AS not_null, t.typdefault AS default,
            CASE WHEN t.typcollation <> 0 AND t.typcollation <> (SELECT typcollation FROM pg_type b WHERE b.oid = t.typbasetype)
                 THEN (SELECT format('%I.%I', cn.nspname, co.collname) FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = t.typcollation)
            END AS collation,
            (SELECT json_object_agg(c.conname, pg_get_constraintdef(c.oid) ORDER BY c.conname)
               FROM pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c') AS constraints,
            obj_description(t.oid, 'pg_type') AS comment
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE t.typtype = 'd' AND ${inSchemas('n.nspname')} AND ${notExtensionMember('pg_type', 't.oid')}
      ORDER BY 1`,
    [filter.schemas],
  );
  const out: Record<string, DomainInfo> = {};
  for (const row of rows) {
    const domain: DomainInfo = {
      schema: row.schema,
      name: row.name,
      baseType: row.base_type,
      notNull: row.not_null,
      constraints: row.constraints ?? {},
    };
    if (row.default !== null) domain.default = row.default;
    if (row.collation !== null) domain.collation = row.collation;
    out[ids.type(row.id)] = withComment(domain, row.comment);
  }
  return out;
}

export async function readComposites(
  client: ClientBase,
  filter: QueryParams,
): Promise<Record<string, CompositeInfo>> {
  const { rows } = await client.query<{
    id: string;
    schema: string;
    name: string;
    attributes: CompositeInfo['attributes'];
    comment: string | null;
  }>(
    `SELECT ${TYPE_ID} AS id, n.nspname AS schema, t.typname AS name,
            (SELECT json_agg(json_strip_nulls(json_build_object(
                      'name', a.attname, 'type', format_type(a.atttypid, a.atttypmod),
                      'collation', CASE WHEN a.attcollation <> 0 AND a.attcollation <> at.typcollation
                                        THEN (SELECT format('%I.%I', cn.nspname, co.collname) FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation) END))
                      ORDER BY a.attnum)
               FROM pg_attribute a JOIN pg_type at ON at.oid = a.atttypid
              WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped) AS attributes,
            obj_description(t.oid, 'pg_type') AS comment
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_class c ON c.oid = t.typrelid
      WHERE t.typtype = 'c' AND c.relkind = 'c' AND ${inSchemas('n.nspname')} AND ${notExtensionMember('pg_type', 't.oid')}
      ORDER BY 1`,
    [filter.schemas],
  );
  const out: Record<string, CompositeInfo> = {};
  for (const row of rows) {
    out[ids.type(row.id)] = withComment(
      { schema: row.schema, name: row.name, attributes: row.attributes ?? [] },
      row.comment,
    );
  }
  return out;
}
