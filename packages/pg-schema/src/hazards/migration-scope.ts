import type { SqlStatement } from '@bakery-ia/init-manager';
import type { Constraint, Node } from 'libpg-query';
import { statementNode } from '../parse-tree.js';
import { findNodes } from './find-nodes.js';
import type { LockMode } from './lock-mode.js';
import { strongerLock } from './lock-mode.js';
import { objectName, qualifiedNames, relationName } from './relation-names.js';
import type { ColumnFacts, SchemaContext } from './schema-context.js';
import { parseColumnType, type ColumnType } from './type-change.js';

/** A run of statements that runs as one unit: one transaction, or statement by statement. */
export interface MigrationSection {
  transaction: boolean;
  statements: SqlStatement[];
}

export interface HeldLock {
  mode: LockMode;
  line?: number;
}

/**
 * What the statements before the current one did in this migration: relations, indexes and types
 * it created (work on them costs no one anything), renames, constraints added NOT VALID or
 * validated, and the locks held so far in the current transactional section (held until commit).
 */
export interface MigrationScope {
  context: SchemaContext;
  transaction: boolean;
  isNew(relation: string): boolean;
  isNewType(type: string): boolean;
  /** Facts on a column before the migration (through renames); undefined for a column added by it. */
  column(table: string, column: string): ColumnFacts | undefined;
  columnType(table: string, column: string): ColumnType | undefined;
  hasNotNullCheck(table: string, column: string): boolean;
  indexTable(index: string): string | undefined;
  /** A constraint (`schema.table.name`) added NOT VALID earlier in this transactional section. */
  addedNotValidInSection(table: string, constraint: string): boolean;
  held(table: string): HeldLock | undefined;
  hold(table: string, mode: LockMode, line: number | undefined): void;
  startSection(transaction: boolean): void;
  /** Records what a statement creates, renames or validates, after it was analysed. */
  apply(node: Node): void;
}

export function createMigrationScope(context: SchemaContext): MigrationScope {
  const created = new Set<string>();
  const createdTypes = new Set<string>();
  const createdIndexes = new Map<string, string>();
  /** new table name -> name before the migration; `table.newcolumn` -> column name before. */
  const tableFrom = new Map<string, string>();
  const columnFrom = new Map<string, string>();
  const addedColumns = new Set<string>();
  const notNullChecks = new Set<string>();
  /** `schema.table.constraint` -> the column of a `CHECK (col IS NOT NULL)` added NOT VALID. */
  const notValidNotNull = new Map<string, string>();
  let notValidInSection = new Set<string>();
  let held = new Map<string, HeldLock>();

  const before = (table: string) => tableFrom.get(table) ?? table;
  const columnBefore = (table: string, column: string) => columnFrom.get(`${table}.${column}`) ?? column;

  const scope: MigrationScope = {
    context,
    transaction: true,
    isNew: (relation) => created.has(relation),
    isNewType: (type) => createdTypes.has(type),
    column(table, column) {
      if (created.has(table) || addedColumns.has(`${table}.${column}`)) return undefined;
      return context.columns?.get(`${before(table)}.${columnBefore(table, column)}`);
    },
    columnType(table, column) {
      const facts = scope.column(table, column);
      return facts ? parseColumnType(facts.type) : undefined;
    },
    hasNotNullCheck(table, column) {
      if ((context.serverMajor ?? 12) < 12) return false;
      return (
        notNullChecks.has(`${table}.${column}`) ||
        (context.notNullChecks?.has(`${before(table)}.${columnBefore(table, column)}`) ?? false)
      );
    },
    indexTable: (index) => createdIndexes.get(index) ?? context.indexTables?.get(index),
    addedNotValidInSection: (table, constraint) => notValidInSection.has(`${table}.${constraint}`),
    held: (table) => held.get(table),
    hold(table, mode, line) {
      const current = held.get(table);
      if (!current || strongerLock(current.mode, mode) !== current.mode) held.set(table, { mode, line });
    },
    startSection(transaction) {
      scope.transaction = transaction;
      held = new Map();
      notValidInSection = new Set();
    },
    apply(node) {
      applyStatement(node);
      // Outside a transaction each statement commits on its own: nothing stays held.
      if (!scope.transaction) {
        held = new Map();
        notValidInSection = new Set();
      }
    },
  };

  function applyStatement(node: Node): void {
    if ('CreateStmt' in node) {
      const table = relationName(node.CreateStmt.relation);
      created.add(table);
      for (const element of node.CreateStmt.tableElts ?? []) {
        if ('Constraint' in element) noteConstraint(table, element.Constraint);
      }
    } else if ('CreateTableAsStmt' in node) {
      created.add(relationName(node.CreateTableAsStmt.into?.rel));
    } else if ('ViewStmt' in node) {
      const view = relationName(node.ViewStmt.view);
      if (!node.ViewStmt.replace) created.add(view);
    } else if ('IndexStmt' in node) {
      const table = relationName(node.IndexStmt.relation);
      const schema = node.IndexStmt.relation?.schemaname ?? 'public';
      if (node.IndexStmt.idxname) createdIndexes.set(`${schema}.${node.IndexStmt.idxname}`, table);
    } else if ('CreateEnumStmt' in node) {
      createdTypes.add(qualifiedNames(node.CreateEnumStmt.typeName));
    } else if ('CreateDomainStmt' in node) {
      createdTypes.add(qualifiedNames(node.CreateDomainStmt.domainname));
    } else if ('CompositeTypeStmt' in node) {
      createdTypes.add(relationName(node.CompositeTypeStmt.typevar));
    } else if ('DropStmt' in node && node.DropStmt.removeType === 'OBJECT_TABLE') {
      // A table dropped and created again in the same migration is new.
      for (const object of node.DropStmt.objects ?? []) created.delete(objectName(object));
    } else if ('RenameStmt' in node) {
      const rename = node.RenameStmt;
      const table = relationName(rename.relation);
      const newName = String(rename.newname);
      if (
        rename.renameType === 'OBJECT_TABLE' ||
        rename.renameType === 'OBJECT_VIEW' ||
        rename.renameType === 'OBJECT_MATVIEW'
      ) {
        const renamed = `${table.split('.')[0]}.${newName}`;
        if (created.delete(table)) created.add(renamed);
        else tableFrom.set(renamed, before(table));
      } else if (rename.renameType === 'OBJECT_COLUMN') {
        const old = columnBefore(table, String(rename.subname));
        columnFrom.set(`${table}.${newName}`, old);
        if (addedColumns.delete(`${table}.${String(rename.subname)}`))
          addedColumns.add(`${table}.${newName}`);
      } else if (rename.renameType === 'OBJECT_TYPE' || rename.renameType === 'OBJECT_DOMAIN') {
        const type = objectName(rename.object ?? { List: { items: [] } });
        if (createdTypes.delete(type)) createdTypes.add(`${type.split('.')[0]}.${newName}`);
      }
    } else if ('AlterTableStmt' in node) {
      const table = relationName(node.AlterTableStmt.relation);
      for (const item of node.AlterTableStmt.cmds ?? []) {
        if (!('AlterTableCmd' in item)) continue;
        const cmd = item.AlterTableCmd;
        if (cmd.subtype === 'AT_AddColumn' && cmd.def && 'ColumnDef' in cmd.def)
          addedColumns.add(`${table}.${String(cmd.def.ColumnDef.colname)}`);
        if (cmd.subtype === 'AT_AddConstraint' && cmd.def && 'Constraint' in cmd.def)
          noteConstraint(table, cmd.def.Constraint);
        if (cmd.subtype === 'AT_ValidateConstraint') {
          const column = notValidNotNull.get(`${table}.${String(cmd.name)}`);
          if (column) notNullChecks.add(`${table}.${column}`);
        }
      }
    }
  }

  function noteConstraint(table: string, constraint: Constraint): void {
    const name = constraint.conname;
    if (constraint.skip_validation && name) notValidInSection.add(`${table}.${name}`);
    if (constraint.contype !== 'CONSTR_CHECK') return;
    const column = notNullColumn(constraint.raw_expr);
    if (!column) return;
    if (constraint.skip_validation) {
      if (name) notValidNotNull.set(`${table}.${name}`, column);
    } else notNullChecks.add(`${table}.${column}`);
  }

  return scope;
}

/** The column of a `col IS NOT NULL` expression (the CHECK that lets SET NOT NULL skip its scan). */
function notNullColumn(expression: Node | undefined): string | undefined {
  if (!expression || !('NullTest' in expression)) return undefined;
  const test = expression.NullTest;
  if (test.nulltesttype !== 'IS_NOT_NULL' || !test.arg || !('ColumnRef' in test.arg)) return undefined;
  const fields = findNodes(test.arg, 'String');
  return fields.length === 1 ? fields[0].sval : undefined;
}

/** Walks a migration's sections: `visit` sees each statement with the scope before it. */
export function walkMigration(
  sections: MigrationSection[],
  context: SchemaContext,
  visit: (statement: SqlStatement, node: Node, scope: MigrationScope) => void,
): void {
  const scope = createMigrationScope(context);
  for (const section of sections) {
    scope.startSection(section.transaction);
    for (const statement of section.statements) {
      const node = statementNode(statement);
      visit(statement, node, scope);
      scope.apply(node);
    }
  }
}
