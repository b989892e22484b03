import type { SqlStatement } from '@bakery-ia/init-manager';
import type { AlterTableStmt, Node, RangeVar } from 'libpg-query';
import { statementNode, stringValue } from '../parse-tree.js';
import type { LintFinding } from './finding.js';

export interface LintContext {
  /** Tables (`schema.name`) that existed before the migration: work on them can lock or fail on data. */
  existingTables: Set<string>;
  /** Column types before the migration (`schema.table.column` -> type), to tell widening from narrowing. */
  columnTypes?: Map<string, string>;
}

type AddFinding = (
  statement: SqlStatement,
  rule: string,
  level: LintFinding['level'],
  message: string,
) => void;

/**
 * Marks destructive or risky statements of a migration's up direction. Works on the parse tree,
 * so generated and hand-written migrations are linted alike.
 */
export function lintStatements(statements: SqlStatement[], context: LintContext): LintFinding[] {
  const findings: LintFinding[] = [];
  const add: AddFinding = (statement, rule, level, message) =>
    findings.push({ rule, level, message, line: statement.line });
  const renamedTypes = new Set<string>();
  for (const statement of statements) {
    const node = statementNode(statement);
    if ('DropStmt' in node) {
      const removeType = node.DropStmt.removeType;
      const names = objectNames(node.DropStmt.objects);
      if (removeType === 'OBJECT_TABLE')
        add(statement, 'drop-table', 'error', `DROP TABLE ${names} deletes the table and its rows`);
      else if (removeType === 'OBJECT_SCHEMA')
        add(statement, 'drop-schema', 'error', `DROP SCHEMA ${names} deletes everything in it`);
      else if (
        (removeType === 'OBJECT_TYPE' || removeType === 'OBJECT_DOMAIN') &&
        ![...renamedTypes].some((t) => names.includes(t))
      ) {
        add(
          statement,
          'drop-type',
          'warning',
          `DROP ${removeType === 'OBJECT_DOMAIN' ? 'DOMAIN' : 'TYPE'} ${names}`,
        );
      }
    } else if ('TruncateStmt' in node) {
      add(statement, 'truncate', 'error', 'TRUNCATE deletes every row');
    } else if ('DeleteStmt' in node) {
      if (!node.DeleteStmt.whereClause)
        add(statement, 'delete-all', 'error', 'DELETE without WHERE deletes every row');
    } else if ('RenameStmt' in node) {
      const rename = node.RenameStmt;
      const newName = String(rename.newname);
      if (rename.renameType === 'OBJECT_TYPE' && newName.endsWith('__old')) {
        renamedTypes.add(newName);
        add(
          statement,
          'enum-recreate',
          'error',
          `the values of enum ${newName.replace(/__old$/, '')} are removed or reordered: it is recreated and every column converted; rows holding a removed value make this migration fail`,
        );
      } else if (rename.renameType === 'OBJECT_TABLE' || rename.renameType === 'OBJECT_COLUMN') {
        add(
          statement,
          'rename',
          'warning',
          `renaming ${qualifiedName(rename.relation)}${rename.renameType === 'OBJECT_COLUMN' ? `.${String(rename.subname)}` : ''} breaks code that still uses the old name during a rolling deploy`,
        );
      }
    } else if ('IndexStmt' in node) {
      const relation = node.IndexStmt.relation;
      if (!node.IndexStmt.concurrent && context.existingTables.has(qualifiedName(relation))) {
        add(
          statement,
          'index-not-concurrent',
          'warning',
          `CREATE INDEX on existing table ${qualifiedName(relation)} blocks writes while it builds; for a large table use CREATE INDEX CONCURRENTLY in a "-- migrate:up transaction:false" section`,
        );
      }
    } else if ('AlterTableStmt' in node) {
      lintAlterTable(statement, node.AlterTableStmt, context, add);
    }
  }
  return findings;
}

function lintAlterTable(
  statement: SqlStatement,
  node: AlterTableStmt,
  context: LintContext,
  add: AddFinding,
): void {
  const table = qualifiedName(node.relation);
  const existing = context.existingTables.has(table);
  for (const item of node.cmds ?? []) {
    if (!('AlterTableCmd' in item)) continue;
    const cmd = item.AlterTableCmd;
    const column = String(cmd.name ?? '');
    switch (cmd.subtype) {
      case 'AT_DropColumn':
        add(statement, 'drop-column', 'error', `DROP COLUMN ${table}.${column} deletes its data`);
        break;
      case 'AT_SetNotNull':
        if (existing)
          add(
            statement,
            'set-not-null',
            'warning',
            `SET NOT NULL on ${table}.${column} fails if a row holds NULL, and scans the table under an exclusive lock`,
          );
        break;
      case 'AT_AttachPartition': {
        const partition = partitionName(cmd.def);
        if (context.existingTables.has(partition))
          add(
            statement,
            'attach-partition',
            'warning',
            `ATTACH PARTITION ${partition} to ${table} scans ${partition} to check its bound while writes to it wait, and fails if a row is outside the bound; a CHECK constraint on it that implies the bound (added NOT VALID, then validated, in an earlier migration) skips the scan`,
          );
        break;
      }
      case 'AT_DetachPartition':
        add(
          statement,
          'detach-partition',
          'warning',
          `DETACH PARTITION ${partitionName(cmd.def)} locks ${table} (ACCESS EXCLUSIVE): every query on it waits until the migration commits; DETACH PARTITION ... CONCURRENTLY does not, but runs only outside a transaction (by hand, in a "-- migrate:up transaction:false" section)`,
        );
        break;
      case 'AT_AlterColumnType': {
        if (!existing) break;
        const before = context.columnTypes?.get(`${table}.${column}`);
        const after = typeNameOf(cmd.def);
        if (before && after && isWidening(before, after)) break;
        add(
          statement,
          'type-change',
          'warning',
          `changing the type of ${table}.${column}${before ? ` from ${before}` : ''}${after ? ` to ${after}` : ''} rewrites the table under an exclusive lock and fails or truncates if values do not fit`,
        );
        break;
      }
    }
  }
}

/** The partition an ATTACH or DETACH PARTITION names (its PartitionCmd). */
function partitionName(def: Node | undefined): string {
  return qualifiedName(def !== undefined && 'PartitionCmd' in def ? def.PartitionCmd.name : undefined);
}

function qualifiedName(relation: RangeVar | undefined): string {
  return `${relation?.schemaname ?? 'public'}.${relation?.relname ?? '?'}`;
}

function objectNames(objects: Node[] | undefined): string {
  return (objects ?? [])
    .map((object) => {
      if ('List' in object && object.List.items) return object.List.items.map(stringValue).join('.');
      if ('TypeName' in object && object.TypeName.names)
        return object.TypeName.names.map(stringValue).join('.');
      return stringValue(object) ?? '?';
    })
    .join(', ');
}

/** A readable type name from a ColumnDef's typeName, e.g. `character varying(100)`. */
function typeNameOf(def: Node | undefined): string | undefined {
  const typeName = def !== undefined && 'ColumnDef' in def ? def.ColumnDef.typeName : undefined;
  if (!typeName?.names) return undefined;
  const name = typeName.names
    .map(stringValue)
    .filter((n) => n !== 'pg_catalog')
    .join('.');
  const mods = (typeName.typmods ?? []).map((m) => ('A_Const' in m ? (m.A_Const.ival?.ival ?? 0) : 0));
  return mods.length ? `${name}(${mods.join(',')})` : name;
}

const INTEGER_WIDTH: Record<string, number> = {
  smallint: 2,
  int2: 2,
  integer: 4,
  int4: 4,
  bigint: 8,
  int8: 8,
};

/** Conversions that never fail and never lose data. */
export function isWidening(before: string, after: string): boolean {
  const b = before.toLowerCase().replace(/\s+/g, ' ');
  const a = after
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^varchar/, 'character varying');
  if (INTEGER_WIDTH[b] && INTEGER_WIDTH[a]) return INTEGER_WIDTH[a] >= INTEGER_WIDTH[b];
  if (/^(character varying|varchar|character|char)(\(\d+\))?$/.test(b) && a === 'text') return true;
  const bv = /^character varying\((\d+)\)$/.exec(b);
  const av = /^character varying(?:\((\d+)\))?$/.exec(a);
  if (bv && av) return av[1] === undefined || Number(av[1]) >= Number(bv[1]);
  const bn = /^numeric\((\d+),(\d+)\)$/.exec(b);
  const an = /^numeric(?:\((\d+),?(\d+)?\))?$/.exec(a);
  if (bn && an)
    return (
      an[1] === undefined ||
      (Number(an[1]) - Number(an[2] ?? 0) >= Number(bn[1]) - Number(bn[2]) &&
        Number(an[2] ?? 0) >= Number(bn[2]))
    );
  return false;
}
