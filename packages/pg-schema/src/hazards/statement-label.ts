import type { SqlStatement } from '@bakery-ia/init-manager';
import type { AlterTableCmd, Node } from 'libpg-query';
import { relationName } from './relation-names.js';

const MAX = 90;

/**
 * A short, readable name of a statement for the header: `CREATE INDEX i ON public.t`,
 * `ALTER TABLE public.t ADD COLUMN a, ALTER COLUMN b TYPE`; other statements by their first words.
 */
export function statementLabel(statement: SqlStatement, node: Node): string {
  if ('IndexStmt' in node) {
    const index = node.IndexStmt;
    return `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${index.concurrent ? 'CONCURRENTLY ' : ''}${index.idxname ?? ''} ON ${relationName(index.relation)}`.replace(
      /\s+/g,
      ' ',
    );
  }
  if ('AlterTableStmt' in node && node.AlterTableStmt.objtype === 'OBJECT_TABLE') {
    const cmds = (node.AlterTableStmt.cmds ?? []).flatMap((item) =>
      'AlterTableCmd' in item ? [cmdLabel(item.AlterTableCmd)] : [],
    );
    return shorten(`ALTER TABLE ${relationName(node.AlterTableStmt.relation)} ${cmds.join(', ')}`);
  }
  return shorten(
    statement.sql
      .replace(/--[^\n]*\n/g, ' ')
      .replace(/\s+/g, ' ')
      .replace(/;$/, '')
      .trim(),
  );
}

function cmdLabel(cmd: AlterTableCmd): string {
  const name = cmd.name ?? '';
  const def = cmd.def;
  switch (cmd.subtype) {
    case 'AT_AddColumn':
      return `ADD COLUMN ${def && 'ColumnDef' in def ? def.ColumnDef.colname : ''}`;
    case 'AT_DropColumn':
      return `DROP COLUMN ${name}`;
    case 'AT_AlterColumnType':
      return `ALTER COLUMN ${name} TYPE`;
    case 'AT_SetNotNull':
      return `ALTER COLUMN ${name} SET NOT NULL`;
    case 'AT_DropNotNull':
      return `ALTER COLUMN ${name} DROP NOT NULL`;
    case 'AT_ColumnDefault':
      return `ALTER COLUMN ${name} ${def ? 'SET' : 'DROP'} DEFAULT`;
    case 'AT_AddConstraint': {
      const constraint = def && 'Constraint' in def ? def.Constraint : undefined;
      const kind =
        constraint?.contype
          ?.replace('CONSTR_', '')
          .replace('FOREIGN', 'FOREIGN KEY')
          .replace('PRIMARY', 'PRIMARY KEY') ?? '';
      return `ADD CONSTRAINT ${constraint?.conname ?? ''} ${kind}${constraint?.indexname ? ' USING INDEX' : ''}${constraint?.skip_validation ? ' NOT VALID' : ''}`;
    }
    case 'AT_ValidateConstraint':
      return `VALIDATE CONSTRAINT ${name}`;
    case 'AT_DropConstraint':
      return `DROP CONSTRAINT ${name}`;
    default:
      return (cmd.subtype ?? '')
        .replace(/^AT_/, '')
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .toUpperCase();
  }
}

function shorten(text: string): string {
  return text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text;
}
