import type { AlterTableCmd, AlterTableStmt, ColumnDef, Constraint, Node } from 'libpg-query';
import { stringValue } from '../parse-tree.js';
import { defaultVolatility } from './default-volatility.js';
import type { MigrationScope } from './migration-scope.js';
import type { RawHazards } from './raw-hazards.js';
import { relationName } from './relation-names.js';
import {
  formatColumnType,
  isWidening,
  typeChangeRewrites,
  typeOfTypeName,
  type ColumnType,
} from './type-change.js';

/** Storage parameters that ALTER TABLE SET changes under SHARE UPDATE EXCLUSIVE (all others: ACCESS EXCLUSIVE). */
const LIGHT_RELOPTIONS =
  /^(fillfactor|parallel_workers|toast_tuple_target|vacuum_\w+|log_autovacuum_min_duration|autovacuum_\w+|toast\.\w+)$/;

const SERIAL = new Set(['serial', 'bigserial', 'smallserial', 'serial2', 'serial4', 'serial8']);

/**
 * Locks and effects of ALTER TABLE, per subcommand as Postgres documents them (ALTER TABLE's
 * "lock level" notes; tablecmds.c AlterTableGetLockLevel). The statement takes the strongest lock
 * of its subcommands before it runs any of them, so every scan or rewrite runs under that lock.
 */
export function alterTableEffects(node: AlterTableStmt, scope: MigrationScope, raw: RawHazards): void {
  const table = relationName(node.relation);
  let rewrite: string[] = [];
  for (const item of node.cmds ?? []) {
    if (!('AlterTableCmd' in item)) continue;
    rewrite = rewrite.concat(subcommandEffects(table, item.AlterTableCmd, scope, raw));
  }
  // One rewrite per statement, whatever the number of reasons.
  if (rewrite.length > 0) raw.effect('rewrite', table, `rewrites ${table} (${rewrite.join(', ')})`);
}

/** Adds the subcommand's lock and effects; returns the reasons it rewrites the table. */
function subcommandEffects(
  table: string,
  cmd: AlterTableCmd,
  scope: MigrationScope,
  raw: RawHazards,
): string[] {
  const column = String(cmd.name ?? '');
  switch (cmd.subtype) {
    case 'AT_AddColumn':
      return cmd.def && 'ColumnDef' in cmd.def ? addColumn(table, cmd.def.ColumnDef, scope, raw) : [];
    case 'AT_DropColumn':
      raw.lock(table, 'ACCESS EXCLUSIVE');
      raw.effect('data-loss', table, `drops column ${table}.${column} and its data`);
      return [];
    case 'AT_AlterColumnType':
      return alterColumnType(table, column, cmd.def, scope, raw);
    case 'AT_SetNotNull':
      raw.lock(table, 'ACCESS EXCLUSIVE');
      if (!scope.hasNotNullCheck(table, column) && !scope.column(table, column)?.notNull)
        raw.effect('scan', table, `scans ${table} to check ${column} holds no NULL`);
      return [];
    case 'AT_AddConstraint':
      if (cmd.def && 'Constraint' in cmd.def) addConstraint(table, cmd.def.Constraint, scope, raw);
      return [];
    case 'AT_ValidateConstraint': {
      raw.lock(table, 'SHARE UPDATE EXCLUSIVE');
      raw.effect('scan', table, `scans ${table} to validate ${column}`);
      return [];
    }
    case 'AT_DropConstraint':
      raw.lock(table, 'ACCESS EXCLUSIVE');
      return [];
    case 'AT_SetStatistics':
    case 'AT_SetOptions':
    case 'AT_ResetOptions':
    case 'AT_ClusterOn':
    case 'AT_DropCluster':
    case 'AT_AttachPartition':
    case 'AT_DetachPartitionFinalize':
      raw.lock(table, 'SHARE UPDATE EXCLUSIVE');
      if (cmd.subtype === 'AT_AttachPartition' && cmd.def && 'PartitionCmd' in cmd.def) {
        const partition = relationName(cmd.def.PartitionCmd.name);
        raw.lock(partition, 'ACCESS EXCLUSIVE');
        raw.effect('scan', partition, `scans ${partition} to check it fits the partition bound`);
      }
      return [];
    case 'AT_DetachPartition': {
      const concurrent = cmd.def && 'PartitionCmd' in cmd.def && cmd.def.PartitionCmd.concurrent;
      raw.lock(table, concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE');
      if (cmd.def && 'PartitionCmd' in cmd.def)
        raw.lock(relationName(cmd.def.PartitionCmd.name), 'ACCESS EXCLUSIVE');
      return [];
    }
    case 'AT_SetRelOptions':
    case 'AT_ResetRelOptions': {
      const names = (cmd.def && 'List' in cmd.def ? (cmd.def.List.items ?? []) : []).map((option) =>
        'DefElem' in option
          ? `${option.DefElem.defnamespace ? `${option.DefElem.defnamespace}.` : ''}${option.DefElem.defname}`
          : '?',
      );
      raw.lock(
        table,
        names.every((n) => LIGHT_RELOPTIONS.test(n)) ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE',
      );
      return [];
    }
    case 'AT_EnableTrig':
    case 'AT_EnableAlwaysTrig':
    case 'AT_EnableReplicaTrig':
    case 'AT_EnableTrigAll':
    case 'AT_EnableTrigUser':
    case 'AT_DisableTrig':
    case 'AT_DisableTrigAll':
    case 'AT_DisableTrigUser':
      raw.lock(table, 'SHARE ROW EXCLUSIVE');
      return [];
    case 'AT_SetLogged':
    case 'AT_SetUnLogged':
      raw.lock(table, 'ACCESS EXCLUSIVE');
      return [cmd.subtype === 'AT_SetLogged' ? 'SET LOGGED' : 'SET UNLOGGED'];
    case 'AT_SetTableSpace':
      raw.lock(table, 'ACCESS EXCLUSIVE');
      return ['SET TABLESPACE'];
    case 'AT_SetAccessMethod':
      raw.lock(table, 'ACCESS EXCLUSIVE');
      return ['SET ACCESS METHOD'];
    case 'AT_SetExpression':
      raw.lock(table, 'ACCESS EXCLUSIVE');
      // A virtual column's values are computed when read: its new expression rewrites nothing.
      return scope.column(table, column)?.virtual ? [] : [`new expression of ${column}`];
    default:
      // Every other subcommand (defaults, DROP NOT NULL, identity, RLS, owner, inheritance, replica
      // identity, rules, storage...) is a catalog change under ACCESS EXCLUSIVE.
      raw.lock(table, 'ACCESS EXCLUSIVE');
      return [];
  }
}

/** Why ADD COLUMN rewrites the table (empty: it is a catalog change). */
export function addColumnRewriteReasons(def: ColumnDef, scope: MigrationScope): string[] {
  const column = String(def.colname);
  const type = typeOfTypeName(def.typeName);
  const constraints = columnConstraints(def);
  const defaultExpr = columnDefault(def);
  const reasons: string[] = [];
  if (type && SERIAL.has(type.base)) reasons.push(`${column} is ${type.base}: nextval() per row`);
  if (constraints.some((c) => c.contype === 'CONSTR_IDENTITY')) reasons.push(`identity column ${column}`);
  if (constraints.some((c) => c.contype === 'CONSTR_GENERATED' && c.generated_kind !== 'v'))
    reasons.push(`stored generated column ${column}`);
  if (defaultExpr && !isNullConstant(defaultExpr)) {
    const volatility = defaultVolatility(defaultExpr, scope.context);
    if ((scope.context.serverMajor ?? 12) < 11) reasons.push(`default of ${column} (before PostgreSQL 11)`);
    else if (volatility.volatility === 'volatile')
      reasons.push(
        `default of ${column} calls ${volatility.because}${volatility.known ? ', which is volatile' : ', whose volatility is not known'}`,
      );
  } else if (type && scope.context.constrainedDomains?.has(type.base)) {
    reasons.push(`${column} is of domain ${type.base}, whose constraints are checked on every row`);
  }
  return reasons;
}

export function columnConstraints(def: ColumnDef): Constraint[] {
  return (def.constraints ?? []).flatMap((c) => ('Constraint' in c ? [c.Constraint] : []));
}

export function columnDefault(def: ColumnDef): Node | undefined {
  return columnConstraints(def).find((c) => c.contype === 'CONSTR_DEFAULT')?.raw_expr ?? def.raw_default;
}

/** ADD COLUMN ... NOT NULL without a default (and nothing that fills it): fails on a table with rows. */
export function addsRequiredColumn(def: ColumnDef, scope: MigrationScope): boolean {
  return (
    hasNotNull(def) &&
    !columnDefault(def) &&
    !isVirtualGenerated(def) &&
    addColumnRewriteReasons(def, scope).length === 0
  );
}

/** `GENERATED ALWAYS AS (expr) VIRTUAL` (PG18's default kind): computed when read, nothing stored. */
export function isVirtualGenerated(def: ColumnDef): boolean {
  return columnConstraints(def).some((c) => c.contype === 'CONSTR_GENERATED' && c.generated_kind === 'v');
}

function hasNotNull(def: ColumnDef): boolean {
  return (
    columnConstraints(def).some((c) => c.contype === 'CONSTR_NOTNULL' || c.contype === 'CONSTR_PRIMARY') ||
    def.is_not_null === true
  );
}

function addColumn(table: string, def: ColumnDef, scope: MigrationScope, raw: RawHazards): string[] {
  raw.lock(table, 'ACCESS EXCLUSIVE');
  const column = String(def.colname);
  const constraints = columnConstraints(def);
  const defaultExpr = columnDefault(def);
  const rewrite = addColumnRewriteReasons(def, scope);
  if (addsRequiredColumn(def, scope))
    raw.effect(
      'scan',
      table,
      `scans ${table} for rows, which NOT NULL ${column} without a default makes fail`,
    );
  // PG18 checks a virtual NOT NULL column's expression on every row (it fails on a NULL).
  if (isVirtualGenerated(def) && hasNotNull(def))
    raw.effect('scan', table, `scans ${table} to check the expression of ${column} gives no NULL`);
  for (const constraint of constraints) {
    if (constraint.contype === 'CONSTR_PRIMARY' || constraint.contype === 'CONSTR_UNIQUE')
      raw.effect(
        'index-build',
        table,
        `builds the ${constraint.contype === 'CONSTR_PRIMARY' ? 'primary key' : 'unique'} index of ${column} on ${table}`,
      );
    if (constraint.contype === 'CONSTR_CHECK')
      raw.effect('scan', table, `scans ${table} to check the CHECK of ${column}`);
    if (constraint.contype === 'CONSTR_FOREIGN') {
      const referenced = relationName(constraint.pktable);
      raw.lock(referenced, 'SHARE ROW EXCLUSIVE');
      if (defaultExpr) raw.effect('scan', table, `scans ${table} to validate the foreign key of ${column}`);
    }
  }
  return rewrite;
}

function addConstraint(table: string, constraint: Constraint, scope: MigrationScope, raw: RawHazards): void {
  const name = constraint.conname ?? 'the new constraint';
  const notValid = constraint.skip_validation === true;
  switch (constraint.contype) {
    case 'CONSTR_FOREIGN': {
      const referenced = relationName(constraint.pktable);
      raw.lock(table, 'SHARE ROW EXCLUSIVE');
      raw.lock(referenced, 'SHARE ROW EXCLUSIVE');
      if (!notValid) raw.effect('scan', table, `scans ${table} to validate foreign key ${name}`);
      return;
    }
    case 'CONSTR_PRIMARY':
    case 'CONSTR_UNIQUE':
    case 'CONSTR_EXCLUSION': {
      raw.lock(table, 'ACCESS EXCLUSIVE');
      const kind =
        constraint.contype === 'CONSTR_PRIMARY'
          ? 'primary key'
          : constraint.contype === 'CONSTR_UNIQUE'
            ? 'unique'
            : 'exclusion';
      if (!constraint.indexname)
        raw.effect('index-build', table, `builds the ${kind} index ${name} on ${table}`);
      if (constraint.contype === 'CONSTR_PRIMARY') {
        const nullable = (constraint.keys ?? [])
          .map((key) => stringValue(key) ?? '')
          .filter((key) => !scope.column(table, key)?.notNull && !scope.hasNotNullCheck(table, key));
        if (nullable.length > 0 && scope.column(table, nullable[0]))
          raw.effect('scan', table, `scans ${table} to set NOT NULL on ${nullable.join(', ')}`);
      }
      return;
    }
    case 'CONSTR_CHECK':
    case 'CONSTR_NOTNULL':
      raw.lock(table, 'ACCESS EXCLUSIVE');
      if (!notValid) raw.effect('scan', table, `scans ${table} to validate ${name}`);
      return;
    default:
      raw.lock(table, 'ACCESS EXCLUSIVE');
  }
}

export interface ColumnTypeChange {
  before?: ColumnType;
  after?: ColumnType;
  rewrites: boolean;
  /** Never fails and never loses data (integer -> bigint, varchar widening, ...). */
  widening: boolean;
}

/** What ALTER COLUMN ... TYPE does to a column, from its type before the migration. */
export function columnTypeChange(
  table: string,
  column: string,
  def: Node | undefined,
  scope: MigrationScope,
): ColumnTypeChange {
  const columnDef = def && 'ColumnDef' in def ? def.ColumnDef : undefined;
  const after = typeOfTypeName(columnDef?.typeName);
  const before = scope.columnType(table, column);
  const using = columnDef?.raw_default;
  const plainUsing = !using || isColumnItself(using, column, after);
  if (!before || !after) return { before, after, rewrites: true, widening: false };
  return {
    before,
    after,
    rewrites: !plainUsing || typeChangeRewrites(before, after),
    widening: isWidening(before, after),
  };
}

function alterColumnType(
  table: string,
  column: string,
  def: Node | undefined,
  scope: MigrationScope,
  raw: RawHazards,
): string[] {
  raw.lock(table, 'ACCESS EXCLUSIVE');
  const change = columnTypeChange(table, column, def, scope);
  const { before, after } = change;
  if (!before || !after) return [`type of ${column}`];
  if (!change.widening)
    raw.effect(
      'irreversible',
      table,
      `converts ${table}.${column} from ${formatColumnType(before)} to ${formatColumnType(after)}, which can fail or lose precision, so the down section may not restore the values`,
    );
  if (change.rewrites) return [`type of ${column} ${formatColumnType(before)} -> ${formatColumnType(after)}`];
  raw.note(
    `no rewrite: ${column} ${formatColumnType(before)} -> ${formatColumnType(after)} is binary-compatible, a catalog change`,
  );
  return [];
}

/** `USING col` or `USING col::newtype`: the same as no USING for the rewrite decision. */
function isColumnItself(expression: Node, column: string, after: ColumnType | undefined): boolean {
  const ref = (node: Node) =>
    'ColumnRef' in node && (node.ColumnRef.fields ?? []).map(stringValue).join('.') === column;
  if (ref(expression)) return true;
  if (!('TypeCast' in expression) || !expression.TypeCast.arg) return false;
  const cast = typeOfTypeName(expression.TypeCast.typeName);
  return (
    ref(expression.TypeCast.arg) &&
    cast !== undefined &&
    after !== undefined &&
    formatColumnType(cast) === formatColumnType(after)
  );
}

function isNullConstant(expression: Node): boolean {
  return 'A_Const' in expression && expression.A_Const.isnull === true;
}
