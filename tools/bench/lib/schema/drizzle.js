'use strict';
/**
 * Renders a schema spec (spec.js) as a drizzle-kit PostgreSQL snapshot (version 7), the input of
 * `drizzle-kit/api` generateMigration. Drizzle snapshots have no functions, triggers or comments:
 * those parts of the spec are left out (LEFT_OUT says so in the report).
 */

const LEFT_OUT = ['functions (set_updated_at, fn_total_*)', 'triggers', 'comments (tables, columns, views)'];

const TYPES = { timestamptz: 'timestamp with time zone', 'numeric(12,2)': 'numeric(12, 2)' };
const MAX_BIGINT = '9223372036854775807';

function columnSnapshot(table, col) {
  const out = {
    name: col.name,
    type: TYPES[col.type] ?? col.type,
    primaryKey: Boolean(col.primaryKey),
    notNull: Boolean(col.notNull || col.primaryKey),
  };
  if (col.enumType) out.typeSchema = 'public';
  if (col.default !== undefined) out.default = col.default;
  if (col.identity) {
    out.identity = {
      type: col.identity.kind,
      name: `${table.name}_${col.name}_seq`,
      schema: 'public',
      increment: String(col.identity.increment),
      startWith: String(col.identity.start),
      minValue: '1',
      maxValue: MAX_BIGINT,
      cache: '1',
      cycle: false,
    };
  }
  return out;
}

function indexColumn(text, isExpression) {
  const desc = !isExpression && / DESC$/.test(text);
  return {
    expression: desc ? text.replace(/ DESC$/, '') : text,
    isExpression,
    asc: !desc,
    nulls: desc ? 'first' : 'last',
  };
}

function tableSnapshot(table) {
  const columns = {};
  for (const col of table.columns) columns[col.name] = columnSnapshot(table, col);
  const indexes = {};
  for (const index of table.indexes) {
    indexes[index.name] = {
      name: index.name,
      columns: index.expressions
        ? index.expressions.map((e) => indexColumn(e, true))
        : index.columns.map((c) => indexColumn(c, false)),
      isUnique: Boolean(index.unique),
      concurrently: false,
      method: 'btree',
      with: {},
      ...(index.where ? { where: index.where } : {}),
    };
  }
  const foreignKeys = {};
  for (const fk of table.foreignKeys) {
    foreignKeys[fk.name] = {
      name: fk.name,
      tableFrom: table.name,
      tableTo: fk.references,
      schemaTo: 'public',
      columnsFrom: fk.columns,
      columnsTo: fk.refColumns,
      onDelete: fk.onDelete,
      onUpdate: 'no action',
    };
  }
  const checkConstraints = {};
  for (const check of table.checks)
    checkConstraints[check.name] = { name: check.name, value: check.expression };
  return {
    name: table.name,
    schema: 'public',
    columns,
    indexes,
    foreignKeys,
    compositePrimaryKeys: {},
    uniqueConstraints: {},
    policies: {},
    checkConstraints,
    isRLSEnabled: false,
  };
}

function viewSnapshot(table) {
  const definition = table.parentForView
    ? `SELECT c.id, c.name, p.name AS parent_name FROM public.${table.name} c LEFT JOIN public.${table.parentForView} p ON p.id = c.parent_id`
    : `SELECT t.id, t.name, t.status FROM public.${table.name} t`;
  return {
    name: table.view,
    schema: 'public',
    columns: {},
    definition,
    materialized: false,
    isExisting: false,
  };
}

function drizzleSnapshot(spec, id, prevId) {
  const tables = {};
  const views = {};
  for (const table of spec.tables) {
    tables[`public.${table.name}`] = tableSnapshot(table);
    if (table.view) views[`public.${table.view}`] = viewSnapshot(table);
  }
  const enums = {};
  for (const [name, values] of Object.entries(spec.enums)) {
    enums[`public.${name}`] = { name, schema: 'public', values };
  }
  return {
    id,
    prevId,
    version: '7',
    dialect: 'postgresql',
    tables,
    enums,
    schemas: {},
    sequences: {},
    roles: {},
    policies: {},
    views,
    _meta: { schemas: {}, tables: {}, columns: {} },
  };
}

module.exports = { drizzleSnapshot, LEFT_OUT };
