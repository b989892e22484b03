import type { Node } from 'libpg-query';
import { qualifiedNames } from '../../hazards/relation-names.js';
import type { LintRule } from '../rule.js';

/** Statements Postgres refuses inside a transaction block. */
function outsideTransactionOnly(node: Node): string | undefined {
  const concurrently = (params: Node[] | undefined) =>
    (params ?? []).some((p) => 'DefElem' in p && p.DefElem.defname === 'concurrently');
  if ('IndexStmt' in node && node.IndexStmt.concurrent) return 'CREATE INDEX CONCURRENTLY';
  if ('DropStmt' in node && node.DropStmt.concurrent) return 'DROP INDEX CONCURRENTLY';
  if ('ReindexStmt' in node && concurrently(node.ReindexStmt.params)) return 'REINDEX CONCURRENTLY';
  if ('VacuumStmt' in node && node.VacuumStmt.is_vacuumcmd) return 'VACUUM';
  if ('CreatedbStmt' in node) return 'CREATE DATABASE';
  if ('DropdbStmt' in node) return 'DROP DATABASE';
  if ('AlterSystemStmt' in node) return 'ALTER SYSTEM';
  if ('AlterTableStmt' in node) {
    const detach = (node.AlterTableStmt.cmds ?? []).some(
      (c) =>
        'AlterTableCmd' in c &&
        c.AlterTableCmd.def !== undefined &&
        'PartitionCmd' in c.AlterTableCmd.def &&
        c.AlterTableCmd.def.PartitionCmd.concurrent,
    );
    if (detach) return 'DETACH PARTITION CONCURRENTLY';
  }
  return undefined;
}

/** Why a statement in a transaction:false section cannot simply be run again after a failure. */
function notRerunnable(node: Node): string | undefined {
  if ('IndexStmt' in node && !node.IndexStmt.if_not_exists)
    return 'CREATE INDEX without IF NOT EXISTS (a failed CONCURRENTLY build leaves an INVALID index with the name taken)';
  if ('CreateStmt' in node && !node.CreateStmt.if_not_exists) return 'CREATE TABLE without IF NOT EXISTS';
  if ('DropStmt' in node && !node.DropStmt.missing_ok) return 'DROP without IF EXISTS';
  if (
    'AlterEnumStmt' in node &&
    node.AlterEnumStmt.newVal &&
    !node.AlterEnumStmt.oldVal &&
    !node.AlterEnumStmt.skipIfNewValExists
  )
    return 'ALTER TYPE … ADD VALUE without IF NOT EXISTS';
  if ('AlterTableStmt' in node) {
    for (const item of node.AlterTableStmt.cmds ?? []) {
      if (!('AlterTableCmd' in item)) continue;
      const cmd = item.AlterTableCmd;
      if (cmd.subtype === 'AT_AddColumn' && !cmd.missing_ok) return 'ADD COLUMN without IF NOT EXISTS';
      if (cmd.subtype === 'AT_DropColumn' && !cmd.missing_ok) return 'DROP COLUMN without IF EXISTS';
    }
  }
  return undefined;
}

const TIMEOUTS = new Set(['lock_timeout', 'statement_timeout']);

export const transactionRules: LintRule[] = [
  {
    id: 'concurrently-in-transaction',
    level: 'error',
    squawk: ['ban-concurrent-index-creation-in-transaction'],
    schemaAware: false,
    catches:
      '`CONCURRENTLY`, `VACUUM` and other statements Postgres refuses inside a transaction, in a transactional section.',
    check: ({ node, scope }) => {
      const what = scope.transaction ? outsideTransactionOnly(node) : undefined;
      return what
        ? [`${what} cannot run inside a transaction: move it to a "-- migrate:up transaction:false" section`]
        : [];
    },
  },
  {
    id: 'transaction-control',
    level: 'error',
    squawk: ['transaction-nesting', 'ban-uncommitted-transaction'],
    schemaAware: false,
    catches:
      '`BEGIN`, `COMMIT`, `ROLLBACK`, `SAVEPOINT` in a migration: init-manager runs each section in its own transaction.',
    check: ({ node }) =>
      'TransactionStmt' in node
        ? [
            `${String(node.TransactionStmt.kind).replace('TRANS_STMT_', '').replace('_', ' ')} in a migration: init-manager runs each section in one transaction (with its schema_migrations row); use "-- migrate:up transaction:false" sections instead`,
          ]
        : [],
  },
  {
    id: 'robust-non-transactional',
    level: 'warning',
    squawk: ['prefer-robust-stmts'],
    schemaAware: false,
    catches:
      'A statement in a `transaction:false` section that fails when run again after a partial failure (no `IF [NOT] EXISTS`).',
    check: ({ node, scope }) => {
      const why = scope.transaction ? undefined : notRerunnable(node);
      return why
        ? [
            `${why} in a transaction:false section: if the section fails part way, running it again fails here`,
          ]
        : [];
    },
  },
  {
    id: 'timeout-disabled',
    level: 'warning',
    squawk: ['require-lock-timeout', 'require-statement-timeout', 'require-timeout-settings'],
    schemaAware: false,
    catches:
      'Setting `lock_timeout` or `statement_timeout` to 0 (or RESET): a blocked statement then waits forever, and every query queued behind its lock with it.',
    check({ node }) {
      if (!('VariableSetStmt' in node)) return [];
      const set = node.VariableSetStmt;
      if (!set.name || !TIMEOUTS.has(set.name)) return [];
      const value = (set.args ?? []).map((a) =>
        'A_Const' in a ? String(a.A_Const.ival?.ival ?? a.A_Const.sval?.sval ?? '') : '?',
      );
      const disables =
        set.kind === 'VAR_RESET' ||
        set.kind === 'VAR_SET_DEFAULT' ||
        (value.length === 1 && /^0(ms|s|min)?$/.test(value[0] || '0'));
      return disables
        ? [
            `${set.name} ${set.kind === 'VAR_RESET' ? 'reset to the server default (often 0)' : 'set to 0'}: a statement blocked on a lock waits forever; init-manager sets both timeouts for every section`,
          ]
        : [];
    },
  },
  {
    id: 'create-domain-with-constraint',
    level: 'info',
    squawk: ['ban-create-domain-with-constraint'],
    schemaAware: false,
    catches: '`CREATE DOMAIN` with a constraint: changing it later checks every column of it at once.',
    check: ({ node }) =>
      'CreateDomainStmt' in node && (node.CreateDomainStmt.constraints ?? []).length > 0
        ? [
            `domain ${qualifiedNames(node.CreateDomainStmt.domainname)} has a constraint: adding or changing one later checks every column of the domain under SHARE locks; a table CHECK can be changed online`,
          ]
        : [],
  },
  {
    id: 'enum-value-ordering',
    level: 'info',
    squawk: ['require-enum-value-ordering'],
    schemaAware: false,
    catches:
      '`ALTER TYPE … ADD VALUE` without `BEFORE`/`AFTER`: the value goes last, which decides its sort order.',
    check: ({ node }) =>
      'AlterEnumStmt' in node &&
      node.AlterEnumStmt.newVal &&
      !node.AlterEnumStmt.oldVal &&
      !node.AlterEnumStmt.newValNeighbor
        ? [
            `'${node.AlterEnumStmt.newVal}' is added last to ${qualifiedNames(node.AlterEnumStmt.typeName)}: ORDER BY and comparisons use that order; say BEFORE or AFTER`,
          ]
        : [],
  },
];
