import type { Catalog } from '../../catalog/catalog.js';
import { ids } from '../../catalog/object-id.js';
import { qualified, quoteIdent } from '../../render/sql-text.js';
import type { GrantTarget } from './grants.js';
import type { DefaultPrivilegeObjects } from './privilege.model.js';

/** A catalog object that carries an ACL, as GRANT names it. */
export interface AclObject {
  target: Exclude<GrantTarget, 'COLUMN'>;
  /** The SQL after the target keyword: `public.users`, `public.total(integer)`. */
  name: string;
  /** Its schema (a schema's own name for schemas): where schema-scoped default privileges apply. */
  schema: string;
  /** The ALTER DEFAULT PRIVILEGES object type that applies to it when it is created. */
  defaults: DefaultPrivilegeObjects;
  /** Column names, for a table (views: not known, any column is taken as present). */
  columns?: string[];
}

/**
 * Every object of a catalog that GRANT applies to, by catalog id: the privileges module's own
 * knowledge of GRANT targets (schemas, tables and their identity sequences, views, sequences,
 * functions, procedures and aggregates, enums, domains, composite and range types).
 */
export function aclObjects(catalog: Catalog): Map<string, AclObject> {
  const out = new Map<string, AclObject>();
  for (const schema of Object.values(catalog.schemas))
    out.set(ids.schema(schema.name), {
      target: 'SCHEMA',
      name: quoteIdent(schema.name),
      schema: schema.name,
      defaults: 'SCHEMAS',
    });
  for (const table of Object.values(catalog.tables)) {
    out.set(ids.table(table.schema, table.name), {
      ...relation(table, 'TABLE'),
      columns: table.columns.map((column) => column.name),
    });
    for (const column of table.columns) {
      if (column.identity)
        out.set(
          ids.sequence(table.schema, column.identity.sequenceName),
          relation({ schema: table.schema, name: column.identity.sequenceName }, 'SEQUENCE'),
        );
    }
  }
  for (const view of Object.values(catalog.views))
    out.set(ids.view(view.schema, view.name), relation(view, 'TABLE'));
  for (const [id, sequence] of Object.entries(catalog.sequences)) out.set(id, relation(sequence, 'SEQUENCE'));
  for (const [id, fn] of Object.entries(catalog.functions)) {
    out.set(id, {
      target: fn.kind === 'p' ? 'PROCEDURE' : 'FUNCTION',
      name: `${qualified(fn.schema, fn.name)}(${fn.identityArguments})`,
      schema: fn.schema,
      defaults: 'FUNCTIONS',
    });
  }
  for (const [id, aggregate] of Object.entries(catalog.aggregates)) {
    // GRANT ... ON FUNCTION takes aggregates too, with every argument listed (no ORDER BY).
    const args = aggregate.identityArguments.replace(/ ORDER BY /g, ', ');
    out.set(id, {
      target: 'FUNCTION',
      name: `${qualified(aggregate.schema, aggregate.name)}(${args})`,
      schema: aggregate.schema,
      defaults: 'FUNCTIONS',
    });
  }
  for (const types of [catalog.enums, catalog.domains, catalog.composites, catalog.ranges]) {
    for (const [id, type] of Object.entries(types))
      out.set(id, {
        target: 'TYPE',
        name: qualified(type.schema, type.name),
        schema: type.schema,
        defaults: 'TYPES',
      });
  }
  return out;
}

function relation(object: { schema: string; name: string }, target: 'TABLE' | 'SEQUENCE'): AclObject {
  return {
    target,
    name: qualified(object.schema, object.name),
    schema: object.schema,
    defaults: target === 'TABLE' ? 'TABLES' : 'SEQUENCES',
  };
}
