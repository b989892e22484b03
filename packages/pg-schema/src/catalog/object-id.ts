/**
 * Object ids are `kind:raw.names`, spelled as pg_identify_object_as_address spells the object
 * (raw, unquoted names; types and function arguments formatted and schema-qualified), so
 * pg_depend rows map onto catalog entries without per-object lookups.
 */
export type ObjectKind =
  | 'schema'
  | 'extension'
  | 'type'
  | 'sequence'
  | 'table'
  | 'column'
  | 'constraint'
  | 'index'
  | 'view'
  | 'function'
  | 'trigger'
  | 'policy'
  | 'collation'
  | 'aggregate'
  | 'rule'
  | 'statistics'
  | 'privileges'
  | 'default-privileges';

export const ids = {
  schema: (name: string) => `schema:${name}`,
  extension: (name: string) => `extension:${name}`,
  /** `formatted` is the schema-qualified, quoted-where-needed type name, e.g. `public.mood`. */
  type: (formatted: string) => `type:${formatted}`,
  sequence: (schema: string, name: string) => `sequence:${schema}.${name}`,
  table: (schema: string, name: string) => `table:${schema}.${name}`,
  column: (schema: string, table: string, column: string) => `column:${schema}.${table}.${column}`,
  constraint: (schema: string, table: string, name: string) => `constraint:${schema}.${table}.${name}`,
  index: (schema: string, name: string) => `index:${schema}.${name}`,
  view: (schema: string, name: string) => `view:${schema}.${name}`,
  /** `args` as pg_identify_object_as_address gives them, e.g. `integer,pg_catalog.text`. */
  function: (schema: string, name: string, args: string) => `function:${schema}.${name}(${args})`,
  trigger: (schema: string, table: string, name: string) => `trigger:${schema}.${table}.${name}`,
  policy: (schema: string, table: string, name: string) => `policy:${schema}.${table}.${name}`,
  collation: (schema: string, name: string) => `collation:${schema}.${name}`,
  /** `args` as for functions; an ordered-set aggregate lists its direct then aggregated arguments. */
  aggregate: (schema: string, name: string, args: string) => `aggregate:${schema}.${name}(${args})`,
  /** `relation` is the table or view the rule is on. */
  rule: (schema: string, relation: string, name: string) => `rule:${schema}.${relation}.${name}`,
  statistics: (schema: string, name: string) => `statistics:${schema}.${name}`,
  /** The ACL of an object or a column, e.g. `privileges:table:public.t`, `privileges:column:public.t.c`. */
  privileges: (objectId: string) => `privileges:${objectId}`,
  /** `default-privileges:(owner).public.tables`; schema `*` for the entry of every schema. */
  defaultPrivileges: (role: string, schema: string | undefined, on: string) =>
    `default-privileges:${role}.${schema ?? '*'}.${on.toLowerCase()}`,
};

export function kindOf(id: string): ObjectKind {
  return id.slice(0, id.indexOf(':')) as ObjectKind;
}

/** The part after `kind:`, e.g. `public.users` for `table:public.users`. */
export function identityOf(id: string): string {
  return id.slice(id.indexOf(':') + 1);
}

/** A readable label, e.g. `column public.users.email`. */
export function describeId(id: string): string {
  return `${kindOf(id)} ${identityOf(id)}`;
}

/** `table:schema.name` (or `view:`) back to its parts (names were joined with a dot). */
export function splitTableId(id: string): [string, string] {
  const identity = identityOf(id);
  const dot = identity.indexOf('.');
  return [identity.slice(0, dot), identity.slice(dot + 1)];
}
