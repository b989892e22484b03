'use strict';
/** Renders a schema spec (spec.js) as one DDL script, as a developer would write the models. */

const quote = (text) => `'${text.replace(/'/g, "''")}'`;

function columnSql(col) {
  const type = col.enumType ? `public.${col.type}` : col.type;
  let sql = `  ${col.name} ${type}`;
  if (col.identity) {
    const kind = col.identity.kind === 'always' ? 'ALWAYS' : 'BY DEFAULT';
    sql += ` GENERATED ${kind} AS IDENTITY (START WITH ${col.identity.start} INCREMENT BY ${col.identity.increment})`;
  }
  if (col.primaryKey) sql += ' PRIMARY KEY';
  else if (col.notNull) sql += ' NOT NULL';
  if (col.default !== undefined) sql += ` DEFAULT ${col.default}`;
  return sql;
}

function tableSql(table) {
  const lines = table.columns.map(columnSql);
  for (const check of table.checks) lines.push(`  CONSTRAINT ${check.name} CHECK (${check.expression})`);
  for (const fk of table.foreignKeys) {
    lines.push(
      `  CONSTRAINT ${fk.name} FOREIGN KEY (${fk.columns.join(', ')}) REFERENCES public.${fk.references} (${fk.refColumns.join(', ')}) ON DELETE ${fk.onDelete.toUpperCase()}`,
    );
  }
  const out = [`CREATE TABLE public.${table.name} (\n${lines.join(',\n')}\n);`];
  out.push(`COMMENT ON TABLE public.${table.name} IS ${quote(table.comment)};`);
  for (const col of table.columns) {
    if (col.comment) out.push(`COMMENT ON COLUMN public.${table.name}.${col.name} IS ${quote(col.comment)};`);
  }
  for (const index of table.indexes) {
    const keys = index.expressions ? index.expressions.map((e) => `(${e})`) : index.columns;
    const unique = index.unique ? 'UNIQUE ' : '';
    const where = index.where ? ` WHERE ${index.where}` : '';
    out.push(`CREATE ${unique}INDEX ${index.name} ON public.${table.name} (${keys.join(', ')})${where};`);
  }
  if (table.trigger) {
    out.push(
      `CREATE TRIGGER ${table.name}_set_updated_at BEFORE UPDATE ON public.${table.name} FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();`,
    );
  }
  return out.join('\n');
}

function viewSql(table) {
  const body = table.parentForView
    ? `SELECT c.id, c.name, p.name AS parent_name FROM public.${table.name} c LEFT JOIN public.${table.parentForView} p ON p.id = c.parent_id`
    : `SELECT t.id, t.name, t.status FROM public.${table.name} t`;
  return `CREATE VIEW public.${table.view} AS ${body};\nCOMMENT ON VIEW public.${table.view} IS ${quote(`Summary of ${table.name}`)};`;
}

function totalFunctionSql(table, changed) {
  const filter = changed ? " AND status <> 'deleted'" : '';
  return `CREATE FUNCTION public.${table.totalFunction}(p_parent bigint) RETURNS numeric
  LANGUAGE sql STABLE
  AS $$ SELECT coalesce(sum(amount), 0) FROM public.${table.name} WHERE parent_id = p_parent${filter} $$;`;
}

/**
 * The whole schema as one script. `transactionEvery: k` wraps every k tables in their own
 * BEGIN/COMMIT: two 1000-table transactions at once exhaust the server's lock table
 * (max_locks_per_transaction), so the floor builds large schemas in chunks.
 */
function schemaSql(spec, { transactionEvery } = {}) {
  const parts = [];
  for (const [name, values] of Object.entries(spec.enums)) {
    parts.push(`CREATE TYPE public.${name} AS ENUM (${values.map(quote).join(', ')});`);
  }
  parts.push(`CREATE FUNCTION public.set_updated_at() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;`);
  spec.tables.forEach((table, i) => {
    if (transactionEvery && i > 0 && i % transactionEvery === 0) parts.push('COMMIT;\nBEGIN;');
    parts.push(tableSql(table));
  });
  for (const table of spec.tables) if (table.view) parts.push(viewSql(table));
  for (const table of spec.tables) {
    if (table.totalFunction) {
      parts.push(totalFunctionSql(table, table.totalFunction === spec.changedTotalFunction));
    }
  }
  const sql = parts.join('\n\n');
  return transactionEvery ? `BEGIN;\n${sql}\nCOMMIT;\n` : `${sql}\n`;
}

module.exports = { schemaSql };
