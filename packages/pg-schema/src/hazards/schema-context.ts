import type { Catalog } from '../catalog/catalog.js';

export type Volatility = 'immutable' | 'stable' | 'volatile';

export interface ColumnFacts {
  /** format_type with typmod, e.g. `character varying(100)`. */
  type: string;
  notNull: boolean;
  /** A VIRTUAL generated column (PG18+): nothing stored, so SET EXPRESSION rewrites nothing. */
  virtual?: boolean;
}

/**
 * What lint and the hazard analyser know about the schema before a migration. Every field is
 * optional: without it they assume the costly case (a rewrite, a scan), never the cheap one.
 * Whether a relation is new is not in here: it is new when the migration itself creates it.
 */
export interface SchemaContext {
  /** `schema.table.column` -> its type and nullability. */
  columns?: Map<string, ColumnFacts>;
  /** `schema.table.column` with a validated `CHECK (column IS NOT NULL)`: SET NOT NULL skips its scan. */
  notNullChecks?: Set<string>;
  /** Domains (`schema.name`) with a CHECK or NOT NULL: a column of one is checked row by row. */
  constrainedDomains?: Set<string>;
  /** Domain (`schema.name`) -> tables with a column of it (ALTER DOMAIN ADD CONSTRAINT scans them). */
  domainTables?: Map<string, string[]>;
  /** Enums (`schema.name`) that exist before the migration. */
  enums?: Set<string>;
  /** Index (`schema.name`) -> the table it is on. */
  indexTables?: Map<string, string>;
  /** Table -> the tables its foreign keys reference (dropping either side locks both). */
  references?: Map<string, string[]>;
  /** User functions (`schema.name`) and their volatility, for column defaults. */
  functions?: Map<string, Volatility>;
  /** Major version of the server the migration is for (default: assume 12 or later). */
  serverMajor?: number;
}

/** The context of a migration from the catalogs before it (several: e.g. before and after renames). */
export function schemaContextOf(catalogs: Catalog[], serverMajor?: number): SchemaContext {
  const context: Required<Omit<SchemaContext, 'serverMajor'>> = {
    columns: new Map(),
    notNullChecks: new Set(),
    constrainedDomains: new Set(),
    domainTables: new Map(),
    enums: new Set(),
    indexTables: new Map(),
    references: new Map(),
    functions: new Map(),
  };
  for (const catalog of catalogs) {
    for (const domain of Object.values(catalog.domains)) {
      if (domain.notNull || Object.keys(domain.constraints).length > 0)
        context.constrainedDomains.add(`${domain.schema}.${domain.name}`);
    }
    for (const type of Object.values(catalog.enums)) context.enums.add(`${type.schema}.${type.name}`);
    for (const table of Object.values(catalog.tables)) {
      const name = `${table.schema}.${table.name}`;
      for (const column of table.columns) {
        context.columns.set(`${name}.${column.name}`, {
          type: column.type,
          notNull: column.notNull,
          ...(column.generatedKind === 'virtual' ? { virtual: true } : {}),
        });
        if (catalog.domains[`type:${column.type}`]) push(context.domainTables, column.type, name);
      }
      for (const constraint of Object.values(table.constraints)) {
        if (constraint.type === 'foreign' && constraint.references)
          push(context.references, name, identity(constraint.references));
        const notNull = /^CHECK \(\((\S+) IS NOT NULL\)\)$/.exec(constraint.definition);
        if (notNull) context.notNullChecks.add(`${name}.${unquote(notNull[1])}`);
      }
    }
    for (const index of Object.values(catalog.indexes))
      context.indexTables.set(`${index.schema}.${index.name}`, identity(index.table));
    for (const fn of Object.values(catalog.functions)) {
      const volatility = /^\s*(IMMUTABLE|STABLE)\b/m.exec(fn.definition.split('\nAS ')[0] ?? '');
      context.functions.set(
        `${fn.schema}.${fn.name}`,
        volatility ? (volatility[1] === 'IMMUTABLE' ? 'immutable' : 'stable') : 'volatile',
      );
    }
  }
  return { ...context, ...(serverMajor === undefined ? {} : { serverMajor }) };
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key) ?? [];
  if (!list.includes(value)) list.push(value);
  map.set(key, list);
}

/** `table:public.users` -> `public.users`. */
function identity(id: string): string {
  return id.slice(id.indexOf(':') + 1);
}

function unquote(name: string): string {
  return name.startsWith('"') ? name.slice(1, -1).replace(/""/g, '"') : name;
}
