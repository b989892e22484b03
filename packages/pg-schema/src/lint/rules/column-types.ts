import type { ColumnDef, Node } from 'libpg-query';
import { columnConstraints } from '../../hazards/alter-table-effects.js';
import { relationName } from '../../hazards/relation-names.js';
import { stringValue } from '../../parse-tree.js';
import { typeOfTypeName } from '../../hazards/type-change.js';
import type { LintRule, RuleInput } from '../rule.js';

interface DeclaredColumn {
  table: string;
  def: ColumnDef;
  /** A key: the single-column primary key, identity or serial (running out of numbers is an outage). */
  key: boolean;
}

/** Columns a statement declares: CREATE TABLE's and ALTER TABLE ADD COLUMN's. */
function declaredColumns({ node }: RuleInput): DeclaredColumn[] {
  if ('CreateStmt' in node) {
    const table = relationName(node.CreateStmt.relation);
    const elements = node.CreateStmt.tableElts ?? [];
    // A single-column primary key; a column of a composite key (a step number per recipe) is not a counter.
    const primary = new Set(
      elements.flatMap((e) =>
        'Constraint' in e &&
        e.Constraint.contype === 'CONSTR_PRIMARY' &&
        (e.Constraint.keys ?? []).length === 1
          ? (e.Constraint.keys ?? []).map((k) => stringValue(k) ?? '')
          : [],
      ),
    );
    return elements.flatMap((e) =>
      'ColumnDef' in e
        ? [{ table, def: e.ColumnDef, key: isKey(e.ColumnDef) || primary.has(String(e.ColumnDef.colname)) }]
        : [],
    );
  }
  if ('AlterTableStmt' in node) {
    const table = relationName(node.AlterTableStmt.relation);
    return (node.AlterTableStmt.cmds ?? []).flatMap((item) => {
      const def: Node | undefined =
        'AlterTableCmd' in item && item.AlterTableCmd.subtype === 'AT_AddColumn'
          ? item.AlterTableCmd.def
          : undefined;
      return def && 'ColumnDef' in def ? [{ table, def: def.ColumnDef, key: isKey(def.ColumnDef) }] : [];
    });
  }
  return [];
}

const SERIAL = new Set(['serial', 'smallserial', 'serial4', 'serial2']);

function isKey(def: ColumnDef): boolean {
  const base = typeOfTypeName(def.typeName)?.base ?? '';
  return (
    SERIAL.has(base) ||
    base === 'bigserial' ||
    columnConstraints(def).some((c) => c.contype === 'CONSTR_PRIMARY' || c.contype === 'CONSTR_IDENTITY')
  );
}

function columnsOf(
  input: RuleInput,
  test: (column: DeclaredColumn, base: string, mods: number[]) => string | undefined,
): string[] {
  return declaredColumns(input).flatMap((column) => {
    const type = typeOfTypeName(column.def.typeName);
    if (!type || type.array) return [];
    const message = test(column, type.base, type.mods);
    return message ? [message] : [];
  });
}

const name = (column: DeclaredColumn) => `${column.table}.${String(column.def.colname)}`;

export const columnTypeRules: LintRule[] = [
  {
    id: 'prefer-bigint',
    level: 'warning',
    squawk: ['prefer-bigint-over-int', 'prefer-bigint-over-smallint'],
    schemaAware: false,
    catches:
      'A key column (single-column primary key, identity, serial) declared `integer` or `smallint`: running out of numbers stops inserts.',
    check: (input) =>
      columnsOf(input, (column, base) =>
        column.key && (base === 'integer' || base === 'smallint' || SERIAL.has(base))
          ? `key column ${name(column)} is ${base}: it runs out at ${base === 'smallint' || base === 'smallserial' || base === 'serial2' ? '32,767' : '2,147,483,647'}; use bigint`
          : undefined,
      ),
  },
  {
    id: 'prefer-identity',
    level: 'info',
    squawk: ['prefer-identity'],
    schemaAware: false,
    catches: '`serial` / `bigserial` columns: an identity column keeps the sequence tied to the column.',
    check: (input) =>
      columnsOf(input, (column, base) =>
        SERIAL.has(base) || base === 'bigserial' || base === 'serial8'
          ? `${name(column)} is ${base}; prefer bigint GENERATED ALWAYS AS IDENTITY (its sequence moves, is granted and dropped with the column)`
          : undefined,
      ),
  },
  {
    id: 'prefer-text-field',
    level: 'info',
    squawk: ['prefer-text-field'],
    schemaAware: false,
    catches:
      '`varchar(n)` columns: shrinking n later rewrites the table; `text` with a CHECK on length does not.',
    check: (input) =>
      columnsOf(input, (column, base, mods) =>
        base === 'character varying' && mods.length > 0
          ? `${name(column)} is varchar(${mods[0]}); a later change to a smaller limit rewrites the table, text with CHECK (length(${String(column.def.colname)}) <= ${mods[0]}) can be changed online`
          : undefined,
      ),
  },
  {
    id: 'prefer-timestamptz',
    level: 'warning',
    squawk: ['prefer-timestamptz'],
    schemaAware: false,
    catches:
      '`timestamp` (without time zone) columns: the offset is dropped, so instants from different zones mix.',
    check: (input) =>
      columnsOf(input, (column, base) =>
        base === 'timestamp'
          ? `${name(column)} is timestamp without time zone: the UTC offset is dropped on insert; use timestamptz`
          : undefined,
      ),
  },
  {
    id: 'char-field',
    level: 'info',
    squawk: ['ban-char-field'],
    schemaAware: false,
    catches:
      '`char(n)` columns: blank-padded, compared with trailing spaces ignored; `text` or `varchar` are meant.',
    check: (input) =>
      columnsOf(input, (column, base) =>
        base === 'character'
          ? `${name(column)} is char(n), which pads with blanks; text (with a CHECK) is usually meant`
          : undefined,
      ),
  },
];
