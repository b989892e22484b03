import type { SqlStatement } from '@bakery-ia/init-manager';
import type { LintFinding } from './finding.js';

export interface LintContext {
  /** Tables (`schema.name`) that existed before the migration: work on them can lock or fail on data. */
  existingTables: Set<string>;
  /** Column types before the migration (`schema.table.column` -> type), to tell widening from narrowing. */
  columnTypes?: Map<string, string>;
}

interface RangeVar {
  schemaname?: string;
  relname?: string;
}
type Node = Record<string, unknown>;

/**
 * Marks destructive or risky statements of a migration's up direction. Works on the parse tree,
 * so generated and hand-written migrations are linted alike.
 */
export function lintStatements(statements: SqlStatement[], context: LintContext): LintFinding[] {
  const findings: LintFinding[] = [];
  const add = (statement: SqlStatement, rule: string, level: LintFinding['level'], message: string) =>
    findings.push({ rule, level, message, line: statement.line });
  const renamedTypes = new Set<string>();
  for (const statement of statements) {
    const node = statement.node as Node;
    switch (statement.kind) {
      case 'DropStmt': {
        const removeType = node.removeType as string;
        const names = objectNames(node);
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
        break;
      }
      case 'TruncateStmt':
        add(statement, 'truncate', 'error', 'TRUNCATE deletes every row');
        break;
      case 'DeleteStmt':
        if (!node.whereClause)
          add(statement, 'delete-all', 'error', 'DELETE without WHERE deletes every row');
        break;
      case 'RenameStmt': {
        const renameType = node.renameType as string;
        if (renameType === 'OBJECT_TYPE' && String(node.newname).endsWith('__old')) {
          renamedTypes.add(String(node.newname));
          add(
            statement,
            'enum-recreate',
            'error',
            `the values of enum ${String(node.newname).replace(/__old$/, '')} are removed or reordered: it is recreated and every column converted; rows holding a removed value make this migration fail`,
          );
        } else if (renameType === 'OBJECT_TABLE' || renameType === 'OBJECT_COLUMN') {
          add(
            statement,
            'rename',
            'warning',
            `renaming ${tableOf(node)}${renameType === 'OBJECT_COLUMN' ? `.${String(node.subname)}` : ''} breaks code that still uses the old name during a rolling deploy`,
          );
        }
        break;
      }
      case 'IndexStmt': {
        const relation = node.relation as RangeVar;
        if (!node.concurrent && context.existingTables.has(qualifiedName(relation))) {
          add(
            statement,
            'index-not-concurrent',
            'warning',
            `CREATE INDEX on existing table ${qualifiedName(relation)} blocks writes while it builds; for a large table use CREATE INDEX CONCURRENTLY in a "-- migrate:up transaction:false" section`,
          );
        }
        break;
      }
      case 'AlterTableStmt':
        lintAlterTable(statement, node, context, add);
        break;
    }
  }
  return findings;
}

function lintAlterTable(
  statement: SqlStatement,
  node: Node,
  context: LintContext,
  add: (s: SqlStatement, rule: string, level: LintFinding['level'], message: string) => void,
): void {
  const table = qualifiedName(node.relation as RangeVar);
  const existing = context.existingTables.has(table);
  for (const item of (node.cmds as Array<{ AlterTableCmd?: Node }>) ?? []) {
    const cmd = item.AlterTableCmd;
    if (!cmd) continue;
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
      case 'AT_AlterColumnType': {
        if (!existing) break;
        const before = context.columnTypes?.get(`${table}.${column}`);
        const after = typeNameOf(cmd.def as Node | undefined);
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

function qualifiedName(relation: RangeVar | undefined): string {
  return `${relation?.schemaname ?? 'public'}.${relation?.relname ?? '?'}`;
}

function tableOf(node: Node): string {
  return qualifiedName(node.relation as RangeVar);
}

function objectNames(node: Node): string {
  const objects = (node.objects as unknown[]) ?? [];
  return objects
    .map((object) => {
      const list = (object as { List?: { items?: Array<{ String?: { sval?: string } }> } }).List?.items;
      if (list) return list.map((item) => item.String?.sval).join('.');
      const typeName = (object as { TypeName?: { names?: Array<{ String?: { sval?: string } }> } }).TypeName
        ?.names;
      if (typeName) return typeName.map((item) => item.String?.sval).join('.');
      return (object as { String?: { sval?: string } }).String?.sval ?? '?';
    })
    .join(', ');
}

/** A readable type name from a ColumnDef's typeName, e.g. `character varying(100)`. */
function typeNameOf(def: Node | undefined): string | undefined {
  const typeName = (def?.ColumnDef as Node | undefined)?.typeName as
    | {
        names?: Array<{ String?: { sval?: string } }>;
        typmods?: Array<{ A_Const?: { ival?: { ival?: number } } }>;
      }
    | undefined;
  if (!typeName?.names) return undefined;
  const name = typeName.names
    .map((n) => n.String?.sval)
    .filter((n) => n !== 'pg_catalog')
    .join('.');
  const mods = (typeName.typmods ?? []).map((m) => m.A_Const?.ival?.ival ?? 0);
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
