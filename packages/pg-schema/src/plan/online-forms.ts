import { createHash } from 'node:crypto';
import type { Catalog } from '../catalog/catalog.js';
import { ids, kindOf } from '../catalog/object-id.js';
import { depsOf, type DiffContext } from '../diff/context.js';
import type { IndexInfo } from '../objects/index/index.model.js';
import type { ConstraintInfo } from '../objects/table/constraint.model.js';
import type { TableInfo } from '../objects/table/table.model.js';
import { qualified, quoteIdent } from '../render/sql-text.js';
import { statement, type OnlineTarget, type PlannedStatement } from './statement.js';

/**
 * Rewrites the statements that would make writers wait on a table that already holds rows into
 * the forms that let them through (docs/migrate-generate.md, "Online forms"):
 * - CREATE / DROP INDEX -> CONCURRENTLY IF [NOT] EXISTS, outside a transaction;
 * - ADD FOREIGN KEY / CHECK -> ADD ... NOT VALID, then VALIDATE CONSTRAINT in a later step
 *   (SHARE UPDATE EXCLUSIVE: writes continue while it scans);
 * - ADD UNIQUE / PRIMARY KEY -> CREATE UNIQUE INDEX CONCURRENTLY, then ADD ... USING INDEX;
 * - SET NOT NULL -> a CHECK (col IS NOT NULL) added NOT VALID and validated, then SET NOT NULL
 *   (PostgreSQL 12+ proves it from the validated check, no scan) and the check dropped.
 * Tables created, dropped or recreated by the migration, and tables in a partition or inheritance
 * hierarchy (which refuse CONCURRENTLY or NOT VALID in places), keep the plain forms.
 */
export function applyOnlineForms(ctx: DiffContext, original: { current: Catalog; desired: Catalog }): void {
  const out: PlannedStatement[] = [];
  // The diff sees a partition or child that joins or leaves its parent on its own: ask the
  // catalogs as they are whether a table is in a hierarchy.
  const inHierarchy = hierarchyTables([ctx.current, ctx.desired, original.current, original.desired]);
  const online = { ...ctx, existing: (id: string) => existingTable(ctx, id) && !inHierarchy.has(id) };
  for (const s of ctx.statements) {
    const form = s.online ? onlineForm(online, s, s.online) : undefined;
    out.push(...(form ?? [s]));
  }
  ctx.statements.splice(0, ctx.statements.length, ...out);
}

type OnlineContext = DiffContext & { existing: (tableId: string) => boolean };

function onlineForm(
  ctx: OnlineContext,
  s: PlannedStatement,
  target: OnlineTarget,
): PlannedStatement[] | undefined {
  switch (target.form) {
    case 'create-index':
      return ctx.existing(target.index.table) ? [concurrentCreate(s)] : undefined;
    case 'drop-index':
      return ctx.existing(target.index.table) && !dropsWithOther(ctx, target.index)
        ? [concurrentDrop(s, target.index)]
        : undefined;
    case 'add-constraint':
      return ctx.existing(ids.table(target.table.schema, target.table.name))
        ? addConstraintOnline(ctx, s, target.table, target.constraint)
        : undefined;
    case 'set-not-null': {
      const { table, column } = target;
      const columnId = ids.column(table.schema, table.name, column);
      if (!ctx.existing(ids.table(table.schema, table.name)) || ctx.retypedColumns.has(columnId))
        return undefined;
      return setNotNullOnline(s, table, column, columnId);
    }
  }
}

/** A table on both sides that the migration keeps (not dropped, not recreated). */
export function existingTable(ctx: DiffContext, tableId: string): boolean {
  if (kindOf(tableId) !== 'table') return false;
  return Boolean(ctx.current.tables[tableId] && ctx.desired.tables[tableId] && !ctx.gone.has(tableId));
}

/**
 * Partitioned tables, partitions, inheritance parents and children, on any side: they keep the
 * plain forms (no CONCURRENTLY on a partitioned table, NOT VALID refused there or in conflict
 * with a parent's constraint when a child joins).
 */
function hierarchyTables(catalogs: Catalog[]): Set<string> {
  const out = new Set<string>();
  for (const catalog of catalogs) {
    for (const [id, t] of Object.entries(catalog.tables)) {
      if (t.partitionBy !== undefined || t.partitionOf || (t.inherits?.length ?? 0) > 0) out.add(id);
      if (t.partitionOf) out.add(t.partitionOf.parent);
      for (const parent of t.inherits ?? []) out.add(parent);
    }
  }
  return out;
}

/** An index dropped because something it uses goes (a dropped column, a replaced function): plain. */
function dropsWithOther(ctx: DiffContext, index: IndexInfo): boolean {
  const id = ids.index(index.schema, index.name);
  return depsOf(ctx.current, id).some((dep) => dep !== index.table && ctx.gone.has(dep));
}

function concurrentCreate(s: PlannedStatement): PlannedStatement {
  const sql = s.sql.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX CONCURRENTLY IF NOT EXISTS ');
  return { ...s, sql, transactional: false, phase: 'concurrent' };
}

function concurrentDrop(s: PlannedStatement, index: IndexInfo): PlannedStatement {
  const sql = `DROP INDEX CONCURRENTLY IF EXISTS ${qualified(index.schema, index.name)};`;
  return { ...s, sql, transactional: false, phase: 'concurrent' };
}

function addConstraintOnline(
  ctx: DiffContext,
  s: PlannedStatement,
  table: TableInfo,
  constraint: ConstraintInfo,
): PlannedStatement[] | undefined {
  const id = ids.constraint(table.schema, table.name, constraint.name);
  const tableSql = qualified(table.schema, table.name);
  const name = quoteIdent(constraint.name);
  // Declared NOT VALID in the models: the plain form is already the cheap one.
  if (/\bNOT VALID$/.test(constraint.definition)) return undefined;
  if (constraint.type === 'foreign' || constraint.type === 'check') {
    const validate = statement(
      `ALTER TABLE ${tableSql} VALIDATE CONSTRAINT ${name};`,
      s.rank,
      `${id}#validate`,
      {
        phase: 'validate',
        requires: [id],
        committed: [id],
      },
    );
    return [{ ...s, sql: s.sql.replace(/;$/, ' NOT VALID;') }, validate];
  }
  if (constraint.type !== 'unique' && constraint.type !== 'primary') return undefined;
  // A key recreated under its name would leave the table without it between the steps.
  if (ctx.gone.has(id)) return undefined;
  const key = parseKeyDefinition(constraint.definition);
  if (!key) return undefined;
  const indexMarker = `${id}#index`;
  const index = statement(
    `CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ${name} ON ${tableSql} USING btree (${key.columns})` +
      `${key.include ? ` INCLUDE (${key.include})` : ''}${key.nullsNotDistinct ? ' NULLS NOT DISTINCT' : ''}` +
      `${key.with ? ` WITH (${key.with})` : ''};`,
    s.rank,
    indexMarker,
    {
      transactional: false,
      phase: 'concurrent',
      creates: [indexMarker],
      requires: s.requires,
      takesNames: s.takesNames,
    },
  );
  const kind = constraint.type === 'primary' ? 'PRIMARY KEY' : 'UNIQUE';
  // PRIMARY KEY USING INDEX sets NOT NULL on its columns: after their own (online) SET NOT NULL.
  const columns = key.names.flatMap((column) => {
    const columnId = ids.column(table.schema, table.name, column);
    return [columnId, `${columnId}#nn-set`];
  });
  const attach = statement(
    `ALTER TABLE ${tableSql} ADD CONSTRAINT ${name} ${kind} USING INDEX ${name}${key.deferrable};`,
    s.rank,
    s.key,
    {
      phase: 'post',
      creates: s.creates,
      requires: [...s.requires, ...columns, indexMarker],
      committed: [indexMarker],
    },
  );
  return [index, attach];
}

interface KeyDefinition {
  columns: string;
  names: string[];
  include?: string;
  with?: string;
  nullsNotDistinct: boolean;
  deferrable: string;
}

/**
 * pg_get_constraintdef of a primary key or unique constraint, as far as an index can carry it:
 * `UNIQUE [NULLS NOT DISTINCT] (a, b) [INCLUDE (c)] [WITH (...)] [DEFERRABLE [INITIALLY DEFERRED]]`.
 * Anything else (a tablespace, an unusual name) keeps the plain form.
 */
export function parseKeyDefinition(definition: string): KeyDefinition | undefined {
  const match =
    /^(?:UNIQUE|PRIMARY KEY)( NULLS NOT DISTINCT)? \(([^()]+)\)(?: INCLUDE \(([^()]+)\))?(?: WITH \(([^()]+)\))?((?: DEFERRABLE)?(?: INITIALLY DEFERRED)?)$/.exec(
      definition,
    );
  if (!match) return undefined;
  const names = match[2].split(',').map((part) => unquote(part.trim()));
  if (names.some((name) => name === undefined)) return undefined;
  return {
    columns: match[2],
    names: names as string[],
    include: match[3],
    with: match[4],
    nullsNotDistinct: match[1] !== undefined,
    deferrable: match[5] ?? '',
  };
}

function unquote(name: string): string | undefined {
  if (/^[a-z_][a-z0-9_$]*$/.test(name)) return name;
  const quoted = /^"((?:[^"]|"")+)"$/.exec(name);
  return quoted ? quoted[1].replace(/""/g, '"') : undefined;
}

function setNotNullOnline(
  s: PlannedStatement,
  table: TableInfo,
  column: string,
  columnId: string,
): PlannedStatement[] {
  const tableSql = qualified(table.schema, table.name);
  const helper = quoteIdent(helperName(column));
  const [added, valid, set] = [`${columnId}#nn-check`, `${columnId}#nn-valid`, `${columnId}#nn-set`];
  // What needs the column (a unique index on it) needs it to exist, not its NOT NULL: the check,
  // in the first step, stands for the column; a primary key waits for `set` (addConstraintOnline).
  const check = statement(
    `ALTER TABLE ${tableSql} ADD CONSTRAINT ${helper} CHECK (${quoteIdent(column)} IS NOT NULL) NOT VALID;`,
    s.rank,
    `${s.key}0`,
    { requires: s.requires, creates: [columnId, added] },
  );
  const validate = statement(`ALTER TABLE ${tableSql} VALIDATE CONSTRAINT ${helper};`, s.rank, `${s.key}1`, {
    phase: 'validate',
    requires: [added],
    committed: [added],
    creates: [valid],
  });
  const setNotNull: PlannedStatement = {
    ...s,
    key: `${s.key}2`,
    phase: 'post',
    creates: [...s.creates.filter((id) => id !== columnId), set],
    requires: [...s.requires, valid],
    committed: [...s.committed, valid],
  };
  const drop = statement(`ALTER TABLE ${tableSql} DROP CONSTRAINT ${helper};`, s.rank, `${s.key}3`, {
    phase: 'post',
    requires: [set],
  });
  return [check, validate, setNotNull, drop];
}

/** The helper check's name: readable, within 63 bytes (a hash keeps long names apart). */
export function helperName(column: string): string {
  const name = `${column}_not_null_tmp`;
  if (Buffer.byteLength(name) <= 63) return name;
  const hash = createHash('sha256').update(column).digest('hex').slice(0, 8);
  return `${Buffer.from(column)
    .subarray(0, 40)
    .toString('utf8')
    .replace(/\uFFFD$/, '')}_${hash}_not_null_tmp`;
}
