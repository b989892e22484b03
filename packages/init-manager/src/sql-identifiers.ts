/** Quotes an identifier the way Postgres' quote_ident does when needed. */
export function quoteIdent(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) && !RESERVED.has(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

export function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export interface TableName {
  schema: string;
  name: string;
}

export function qualified(table: TableName): string {
  return `${quoteIdent(table.schema)}.${quoteIdent(table.name)}`;
}

/** `schema.table` or `table` (public) into a TableName. */
export function parseTableName(text: string): TableName {
  const parts = text.split('.');
  return parts.length === 2 ? { schema: parts[0], name: parts[1] } : { schema: 'public', name: text };
}

// Every key word that is not unreserved in PostgreSQL 18 (pg_get_keywords() catcode <> 'U'):
// quoting them is what quote_ident does, and over-quoting a newer key word is harmless.
const RESERVED = new Set(
  (
    'all analyse analyze and any array as asc asymmetric authorization between bigint binary bit boolean ' +
    'both case cast char character check coalesce collate collation column concurrently constraint create ' +
    'cross current_catalog current_date current_role current_schema current_time current_timestamp ' +
    'current_user dec decimal default deferrable desc distinct do else end except exists extract false ' +
    'fetch float for foreign freeze from full grant greatest group grouping having ilike in initially ' +
    'inner inout int integer intersect interval into is isnull join json json_array json_arrayagg ' +
    'json_exists json_object json_objectagg json_query json_scalar json_serialize json_table json_value ' +
    'lateral leading least left like limit localtime localtimestamp merge_action national natural nchar ' +
    'none normalize not notnull null nullif numeric offset on only or order out outer overlaps overlay ' +
    'placing position precision primary real references returning right row select session_user setof ' +
    'similar smallint some substring symmetric system_user table tablesample then time timestamp to ' +
    'trailing treat trim true union unique user using values varchar variadic verbose when where window ' +
    'with xmlattributes xmlconcat xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi xmlroot ' +
    'xmlserialize xmltable'
  ).split(' '),
);
