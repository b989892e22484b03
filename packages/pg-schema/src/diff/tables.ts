import type { ColumnInfo, TableInfo } from '../catalog/catalog.js';
import { ids } from '../catalog/object-id.js';
import { commentTargets } from '../render/comments.js';
import * as ddl from '../render/ddl.js';
import { quoteIdent } from '../render/sql-text.js';
import { RANK, statement, type PlannedStatement } from '../plan/statement.js';
import { allKeys, depsOf, depsOfAll, sameJson, tableMemberIds, type DiffContext } from './context.js';
import { alterComment, commentOn, emitCreate, emitDrop, markImplicit, tableDropSet } from './object-ops.js';
import { cyclicForeignKeys } from './cyclic-foreign-keys.js';
import { alterIdentity } from './identity.js';
import { UnsupportedChangeError } from './unsupported.js';

// Imported from here by src/generate.
export { UnsupportedChangeError };

/** Tables, their columns, constraints, row-level security and comments. */
export function diffTables(ctx: DiffContext): void {
  const { current, desired } = ctx;
  // Dropped tables first: what goes with them must not get statements of its own.
  for (const id of Object.keys(current.tables)) if (!desired.tables[id]) dropTable(ctx, id);
  for (const id of allKeys(current.tables, desired.tables)) {
    const c = current.tables[id];
    const d = desired.tables[id];
    if (!c) createTable(ctx, id, d);
    else if (d) alterTable(ctx, id, c, d);
  }
}

function createTable(ctx: DiffContext, id: string, table: TableInfo): void {
  const members = tableMemberIds(table).filter((member) => !isForeignKey(table, member));
  const requires = depsOfAll(ctx.desired, members);
  if (table.partitionOf) requires.push(table.partitionOf.parent);
  ctx.statements.push(
    statement(ddl.createTableSql(table), RANK.createTable, id, { creates: members, requires }),
  );
  for (const constraint of Object.values(table.constraints)) {
    if (constraint.type === 'foreign')
      emitCreate(ctx, ids.constraint(table.schema, table.name, constraint.name));
  }
  if (table.rowSecurity) ctx.statements.push(rowSecurity(table, 'ENABLE ROW LEVEL SECURITY', id));
  if (table.forceRowSecurity) ctx.statements.push(rowSecurity(table, 'FORCE ROW LEVEL SECURITY', id));
  if (table.comment !== undefined)
    ctx.statements.push(commentOn(commentTargets.table(table.schema, table.name), table.comment, id));
  for (const column of table.columns) {
    if (column.comment !== undefined) {
      ctx.statements.push(
        commentOn(commentTargets.column(table.schema, table.name, column.name), column.comment, id),
      );
    }
  }
  for (const constraint of Object.values(table.constraints)) {
    if (constraint.type === 'foreign') continue;
    if (constraint.comment !== undefined) {
      ctx.statements.push(
        commentOn(commentTargets.onTable('CONSTRAINT', constraint.name, id), constraint.comment, id),
      );
    }
    if (constraint.indexComment !== undefined) {
      ctx.statements.push(
        commentOn(commentTargets.index(table.schema, constraint.name), constraint.indexComment, id),
      );
    }
  }
  ctx.changes.push({ action: 'create', object: id });
}

function dropTable(ctx: DiffContext, id: string): void {
  const table = ctx.current.tables[id];
  const dropSet = tableDropSet(ctx.current, table).filter((member) => !cyclicForeignKeys(ctx).has(member));
  for (const member of tableDropSet(ctx.current, table))
    if (cyclicForeignKeys(ctx).has(member)) emitDrop(ctx, member);
  for (const member of dropSet) if (member !== id) markImplicit(ctx, member);
  ctx.gone.add(id);
  // Partitions go with their parent.
  if (
    table.partitionOf &&
    !ctx.desired.tables[table.partitionOf.parent] &&
    ctx.current.tables[table.partitionOf.parent]
  ) {
    ctx.implicitlyDropped.add(id);
  }
  if (!ctx.implicitlyDropped.has(id)) {
    ctx.statements.push(
      statement(ddl.dropTableSql(table), RANK.dropTable, id, {
        drops: dropSet,
        releases: depsOfAll(ctx.current, dropSet),
      }),
    );
  }
  ctx.changes.push({ action: 'drop', object: id });
}

function alterTable(ctx: DiffContext, id: string, c: TableInfo, d: TableInfo): void {
  if (c.partitionBy !== d.partitionBy || !sameJson(c.partitionOf, d.partitionOf)) {
    throw new UnsupportedChangeError(
      `The partitioning of table ${d.schema}.${d.name} changes; Postgres cannot change it in place. ` +
        `Write this migration by hand (create the new table, copy the rows, swap the names).`,
    );
  }
  const name = ddl.tableName(d);
  const before = new Map(c.columns.map((column) => [column.name, column]));
  const after = new Map(d.columns.map((column) => [column.name, column]));
  for (const column of c.columns) if (!after.has(column.name)) dropColumn(ctx, c, column);
  for (const column of d.columns) {
    const old = before.get(column.name);
    if (!old) addColumn(ctx, d, column);
    else alterColumn(ctx, c, d, old, column);
  }
  diffConstraints(ctx, id, c, d);
  if (c.rowSecurity !== d.rowSecurity) {
    ctx.statements.push(rowSecurity(d, `${d.rowSecurity ? 'ENABLE' : 'DISABLE'} ROW LEVEL SECURITY`, id));
    ctx.changes.push({
      action: 'alter',
      object: id,
      attribute: 'row level security',
      before: c.rowSecurity,
      after: d.rowSecurity,
    });
  }
  if (c.forceRowSecurity !== d.forceRowSecurity) {
    ctx.statements.push(
      rowSecurity(d, `${d.forceRowSecurity ? 'FORCE' : 'NO FORCE'} ROW LEVEL SECURITY`, id),
    );
    ctx.changes.push({
      action: 'alter',
      object: id,
      attribute: 'force row level security',
      before: c.forceRowSecurity,
      after: d.forceRowSecurity,
    });
  }
  if (c.unlogged !== d.unlogged) {
    ctx.statements.push(
      statement(
        `ALTER TABLE ${name} SET ${d.unlogged ? 'UNLOGGED' : 'LOGGED'};`,
        RANK.alterColumn,
        `${id}#logged`,
        { creates: [id] },
      ),
    );
    ctx.changes.push({
      action: 'alter',
      object: id,
      attribute: 'unlogged',
      before: c.unlogged,
      after: d.unlogged,
    });
  }
  alterComment(ctx, commentTargets.table(d.schema, d.name), id, c.comment, d.comment);
}

function addColumn(ctx: DiffContext, table: TableInfo, column: ColumnInfo): void {
  const tableId = ids.table(table.schema, table.name);
  const columnId = ids.column(table.schema, table.name, column.name);
  const sql = `ALTER TABLE ${ddl.tableName(table)} ADD COLUMN ${ddl.columnDefinition(column, table)};`;
  ctx.statements.push(
    statement(sql, RANK.addColumn, columnId, {
      creates: [columnId],
      requires: [tableId, ...depsOf(ctx.desired, columnId)],
    }),
  );
  if (column.comment !== undefined) {
    ctx.statements.push(
      commentOn(commentTargets.column(table.schema, table.name, column.name), column.comment, columnId),
    );
  }
  ctx.changes.push({ action: 'create', object: columnId });
}

function dropColumn(ctx: DiffContext, table: TableInfo, column: ColumnInfo): void {
  const tableId = ids.table(table.schema, table.name);
  const columnId = ids.column(table.schema, table.name, column.name);
  for (const [id, sequence] of Object.entries(ctx.current.sequences)) {
    if (sequence.ownedBy?.table === tableId && sequence.ownedBy.column === column.name) markImplicit(ctx, id);
  }
  ctx.gone.add(columnId);
  const sql = `ALTER TABLE ${ddl.tableName(table)} DROP COLUMN ${quoteIdent(column.name)};`;
  ctx.statements.push(
    statement(sql, RANK.dropColumn, columnId, { drops: [columnId], releases: depsOf(ctx.current, columnId) }),
  );
  ctx.changes.push({ action: 'drop', object: columnId });
}

function alterColumn(
  ctx: DiffContext,
  table: TableInfo,
  desiredTable: TableInfo,
  c: ColumnInfo,
  d: ColumnInfo,
): void {
  const columnId = ids.column(table.schema, table.name, c.name);
  // Converted with its recreated enum: that statement sets type and default, the rest follows here.
  const converted = ctx.replaced.has(columnId);
  if (!converted && c.generated !== d.generated) {
    // A generated column holds no data of its own: drop it and add it again.
    dropColumn(ctx, table, c);
    addColumn(ctx, desiredTable, d);
    ctx.replaced.add(columnId);
    return;
  }
  const name = ddl.tableName(desiredTable);
  const col = quoteIdent(d.name);
  const fields = () => ({
    creates: [columnId],
    requires: depsOf(ctx.desired, columnId),
    releases: depsOf(ctx.current, columnId),
  });
  const change = (attribute: string, before: unknown, after: unknown) =>
    ctx.changes.push({ action: 'alter', object: columnId, attribute, before, after });

  if (converted) {
    if (c.default !== d.default) change('default', c.default, d.default);
  } else if (c.type !== d.type || c.collation !== d.collation) {
    const parts: string[] = [];
    if (c.default !== undefined) parts.push(`ALTER COLUMN ${col} DROP DEFAULT`);
    const collate = d.collation ? ` COLLATE ${d.collation}` : '';
    parts.push(
      `ALTER COLUMN ${col} TYPE ${d.type}${collate}${c.type !== d.type ? ` USING ${col}::${d.type}` : ''}`,
    );
    if (d.default !== undefined) parts.push(`ALTER COLUMN ${col} SET DEFAULT ${d.default}`);
    const s = statement(
      `ALTER TABLE ${name} ${parts.join(', ')};`,
      RANK.alterColumn,
      `${columnId}#type`,
      fields(),
    );
    ctx.statements.push(s);
    ctx.retypedColumns.set(columnId, s);
    if (c.type !== d.type) change('type', c.type, d.type);
    if (c.collation !== d.collation) change('collation', c.collation, d.collation);
    if (c.default !== d.default) change('default', c.default, d.default);
  } else if (c.default !== d.default) {
    const sql =
      d.default === undefined
        ? `ALTER TABLE ${name} ALTER COLUMN ${col} DROP DEFAULT;`
        : `ALTER TABLE ${name} ALTER COLUMN ${col} SET DEFAULT ${d.default};`;
    ctx.statements.push(
      statement(
        sql,
        d.default === undefined ? RANK.dropDefault : RANK.alterColumn,
        `${columnId}#default`,
        fields(),
      ),
    );
    change('default', c.default, d.default);
  }
  // ADD GENERATED ... AS IDENTITY needs the column NOT NULL first: the identity statement does both.
  const identityAddsNotNull = !c.identity && d.identity !== undefined && !c.notNull;
  if (c.notNull !== d.notNull && !identityAddsNotNull) {
    const sql = `ALTER TABLE ${name} ALTER COLUMN ${col} ${d.notNull ? 'SET' : 'DROP'} NOT NULL;`;
    ctx.statements.push(
      statement(sql, RANK.alterColumn, `${columnId}#notnull`, { creates: [columnId], requires: [columnId] }),
    );
    change('not null', c.notNull, d.notNull);
  }
  alterIdentity(ctx, table, c, d, columnId);
  alterComment(ctx, commentTargets.column(table.schema, table.name, d.name), columnId, c.comment, d.comment);
}

function diffConstraints(ctx: DiffContext, tableId: string, c: TableInfo, d: TableInfo): void {
  for (const name of allKeys(c.constraints, d.constraints)) {
    const before = c.constraints[name];
    const after = d.constraints[name];
    const id = ids.constraint(d.schema, d.name, name);
    if (!after) {
      emitDrop(ctx, id);
      ctx.changes.push({ action: 'drop', object: id });
    } else if (!before) {
      emitCreate(ctx, id);
      ctx.changes.push({ action: 'create', object: id });
    } else if (before.definition !== after.definition || before.type !== after.type) {
      emitDrop(ctx, id);
      emitCreate(ctx, id);
      ctx.replaced.add(id);
      ctx.changes.push({
        action: 'alter',
        object: id,
        attribute: 'definition',
        before: before.definition,
        after: after.definition,
      });
    } else {
      const onConstraint = commentTargets.onTable('CONSTRAINT', name, tableId);
      alterComment(ctx, onConstraint, id, before.comment, after.comment);
      const onIndex = commentTargets.index(d.schema, name);
      alterComment(ctx, onIndex, id, before.indexComment, after.indexComment, 'index comment');
    }
  }
}

function rowSecurity(table: TableInfo, action: string, id: string): PlannedStatement {
  return statement(`ALTER TABLE ${ddl.tableName(table)} ${action};`, RANK.rowSecurity, `${id}#${action}`, {
    requires: [id],
  });
}

function isForeignKey(table: TableInfo, memberId: string): boolean {
  if (!memberId.startsWith('constraint:')) return false;
  return Object.values(table.constraints).some(
    (constraint) =>
      constraint.type === 'foreign' && ids.constraint(table.schema, table.name, constraint.name) === memberId,
  );
}
