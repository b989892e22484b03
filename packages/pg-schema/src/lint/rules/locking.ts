import type { AlterTableCmd } from 'libpg-query';
import {
  addColumnRewriteReasons,
  addsRequiredColumn,
  columnTypeChange,
} from '../../hazards/alter-table-effects.js';
import { qualifiedNames, relationName } from '../../hazards/relation-names.js';
import { formatColumnType } from '../../hazards/type-change.js';
import type { LintRule, RuleInput } from '../rule.js';

const ONLINE_SECTION = 'in a "-- migrate:up transaction:false" section';

/** The subcommands of an ALTER TABLE on a table that existed before the migration. */
function existingTableCmds({ node, scope }: RuleInput): { table: string; cmds: AlterTableCmd[] } | undefined {
  if (!('AlterTableStmt' in node) || node.AlterTableStmt.objtype !== 'OBJECT_TABLE') return undefined;
  const table = relationName(node.AlterTableStmt.relation);
  if (scope.isNew(table)) return undefined;
  const cmds = (node.AlterTableStmt.cmds ?? []).flatMap((item) =>
    'AlterTableCmd' in item ? [item.AlterTableCmd] : [],
  );
  return { table, cmds };
}

function each(
  input: RuleInput,
  message: (table: string, cmd: AlterTableCmd) => string | undefined,
): string[] {
  const alter = existingTableCmds(input);
  if (!alter) return [];
  return alter.cmds.flatMap((cmd) => {
    const text = message(alter.table, cmd);
    return text ? [text] : [];
  });
}

export const lockingRules: LintRule[] = [
  {
    id: 'index-not-concurrent',
    level: 'warning',
    squawk: ['require-concurrent-index-creation'],
    schemaAware: true,
    catches: '`CREATE INDEX` without `CONCURRENTLY` on an existing table: blocks writes while it builds.',
    check({ node, scope }) {
      if (!('IndexStmt' in node) || node.IndexStmt.concurrent) return [];
      const table = relationName(node.IndexStmt.relation);
      if (scope.isNew(table)) return [];
      return [
        `CREATE INDEX on existing table ${table} blocks writes while it builds; for a large table use CREATE INDEX CONCURRENTLY ${ONLINE_SECTION}`,
      ];
    },
  },
  {
    id: 'drop-index-not-concurrent',
    level: 'warning',
    squawk: ['require-concurrent-index-deletion'],
    schemaAware: true,
    catches:
      '`DROP INDEX` without `CONCURRENTLY` of an index on an existing table: ACCESS EXCLUSIVE on the table.',
    check({ node, scope }) {
      if (!('DropStmt' in node) || node.DropStmt.removeType !== 'OBJECT_INDEX' || node.DropStmt.concurrent)
        return [];
      return (node.DropStmt.objects ?? []).flatMap((object) => {
        const index = qualifiedNames('List' in object ? object.List.items : undefined);
        const table = scope.indexTable(index);
        if (!table || scope.isNew(table)) return [];
        return [
          `DROP INDEX ${index} takes ACCESS EXCLUSIVE on ${table}, queued behind every transaction using it; use DROP INDEX CONCURRENTLY ${ONLINE_SECTION}`,
        ];
      });
    },
  },
  {
    id: 'reindex-not-concurrent',
    level: 'warning',
    squawk: ['require-concurrent-reindex'],
    schemaAware: false,
    catches: '`REINDEX` without `CONCURRENTLY`: blocks writes, and reads that use the index.',
    check: ({ node }) =>
      'ReindexStmt' in node &&
      !(node.ReindexStmt.params ?? []).some((p) => 'DefElem' in p && p.DefElem.defname === 'concurrently')
        ? [
            `REINDEX blocks writes (and reads using the index) while it rebuilds; use REINDEX CONCURRENTLY ${ONLINE_SECTION}`,
          ]
        : [],
  },
  {
    id: 'detach-partition-not-concurrent',
    level: 'warning',
    squawk: ['require-concurrent-partition-detach'],
    schemaAware: true,
    catches:
      '`DETACH PARTITION` without `CONCURRENTLY` (PG14+) on an existing table: ACCESS EXCLUSIVE on the parent.',
    check: (input) =>
      each(input, (table, cmd) =>
        cmd.subtype === 'AT_DetachPartition' &&
        !(cmd.def && 'PartitionCmd' in cmd.def && cmd.def.PartitionCmd.concurrent) &&
        (input.scope.context.serverMajor ?? 14) >= 14
          ? `DETACH PARTITION takes ACCESS EXCLUSIVE on ${table}; use DETACH PARTITION … CONCURRENTLY ${ONLINE_SECTION}`
          : undefined,
      ),
  },
  {
    id: 'attach-partition',
    level: 'warning',
    squawk: [],
    schemaAware: true,
    catches:
      '`ATTACH PARTITION` of an existing table: scans it to check the bound while writes to it wait, and fails if a row is outside it (a validated `CHECK` that implies the bound skips the scan).',
    check: (input) =>
      each(input, (table, cmd) => {
        if (cmd.subtype !== 'AT_AttachPartition' || !cmd.def || !('PartitionCmd' in cmd.def))
          return undefined;
        const partition = relationName(cmd.def.PartitionCmd.name);
        if (input.scope.isNew(partition)) return undefined;
        return `ATTACH PARTITION ${partition} to ${table} scans ${partition} to check its bound while writes to it wait, and fails if a row is outside the bound; a CHECK constraint on it that implies the bound (added NOT VALID, then validated, in an earlier migration) skips the scan`;
      }),
  },
  {
    id: 'constraint-not-valid',
    level: 'warning',
    squawk: ['constraint-missing-not-valid', 'adding-foreign-key-constraint'],
    schemaAware: true,
    catches:
      '`ADD CONSTRAINT` CHECK or FOREIGN KEY without `NOT VALID` on an existing table: validates every row under a lock that blocks writes (CHECK: reads too).',
    check: (input) =>
      each(input, (table, cmd) => {
        if (cmd.subtype !== 'AT_AddConstraint' || !cmd.def || !('Constraint' in cmd.def)) return undefined;
        const constraint = cmd.def.Constraint;
        if (constraint.skip_validation) return undefined;
        if (constraint.contype === 'CONSTR_FOREIGN')
          return `foreign key ${constraint.conname ?? ''} on existing table ${table} is validated under SHARE ROW EXCLUSIVE on ${table} and ${relationName(constraint.pktable)} (writes wait); add it NOT VALID, then VALIDATE CONSTRAINT in a later section`.replace(
            '  ',
            ' ',
          );
        if (constraint.contype === 'CONSTR_CHECK')
          return `CHECK ${constraint.conname ?? ''} on existing table ${table} is validated under ACCESS EXCLUSIVE (reads and writes wait); add it NOT VALID, then VALIDATE CONSTRAINT in a later section`.replace(
            '  ',
            ' ',
          );
        return undefined;
      }),
  },
  {
    id: 'validate-in-same-transaction',
    level: 'warning',
    squawk: ['constraint-missing-not-valid'],
    schemaAware: true,
    catches:
      "`VALIDATE CONSTRAINT` in the same transactional section as its `ADD … NOT VALID`: the validation runs under the ADD's lock.",
    check: (input) =>
      each(input, (table, cmd) =>
        cmd.subtype === 'AT_ValidateConstraint' && input.scope.addedNotValidInSection(table, String(cmd.name))
          ? `VALIDATE CONSTRAINT ${String(cmd.name)} runs in the transaction that added it NOT VALID, so it scans ${table} under that lock; put it in a section of its own ("-- migrate:up")`
          : undefined,
      ),
  },
  {
    id: 'constraint-builds-index',
    level: 'warning',
    squawk: ['disallowed-unique-constraint', 'adding-serial-primary-key-field'],
    schemaAware: true,
    catches:
      '`ADD PRIMARY KEY` / `UNIQUE` / `EXCLUDE` without `USING INDEX` on an existing table: builds the index under ACCESS EXCLUSIVE.',
    check: (input) =>
      each(input, (table, cmd) => {
        const constraint = cmd.def && 'Constraint' in cmd.def ? cmd.def.Constraint : undefined;
        const kinds: Record<string, string> = {
          CONSTR_PRIMARY: 'PRIMARY KEY',
          CONSTR_UNIQUE: 'UNIQUE',
          CONSTR_EXCLUSION: 'EXCLUDE',
        };
        if (
          cmd.subtype !== 'AT_AddConstraint' ||
          !constraint ||
          !kinds[String(constraint.contype)] ||
          constraint.indexname
        )
          return undefined;
        return `${kinds[String(constraint.contype)]} on existing table ${table} builds its index under ACCESS EXCLUSIVE (reads and writes wait); build a unique index CONCURRENTLY first, then ADD CONSTRAINT … USING INDEX`;
      }),
  },
  {
    id: 'set-not-null',
    level: 'warning',
    squawk: ['adding-not-nullable-field'],
    schemaAware: true,
    catches:
      '`SET NOT NULL` on an existing column without a validated `CHECK (col IS NOT NULL)`: fails on a NULL, scans under ACCESS EXCLUSIVE.',
    check: (input) =>
      each(input, (table, cmd) => {
        if (cmd.subtype !== 'AT_SetNotNull') return undefined;
        const column = String(cmd.name);
        if (input.scope.hasNotNullCheck(table, column) || !input.scope.column(table, column))
          return undefined;
        return `SET NOT NULL on ${table}.${column} fails if a row holds NULL, and scans the table under an exclusive lock; add CHECK (${column} IS NOT NULL) NOT VALID, VALIDATE it in a later section, then SET NOT NULL`;
      }),
  },
  {
    id: 'add-column-rewrite',
    level: 'warning',
    squawk: ['adding-field-with-default'],
    schemaAware: true,
    catches:
      '`ADD COLUMN` on an existing table with a volatile default, identity, serial, stored generated expression or constrained domain: rewrites the table under ACCESS EXCLUSIVE.',
    check: (input) =>
      each(input, (table, cmd) => {
        if (cmd.subtype !== 'AT_AddColumn' || !cmd.def || !('ColumnDef' in cmd.def)) return undefined;
        const reasons = addColumnRewriteReasons(cmd.def.ColumnDef, input.scope);
        return reasons.length
          ? `ADD COLUMN rewrites ${table} under ACCESS EXCLUSIVE (${reasons.join('; ')}); add it without the default, set the default, then backfill in batches`
          : undefined;
      }),
  },
  {
    id: 'add-required-column',
    level: 'error',
    squawk: ['adding-required-field'],
    schemaAware: true,
    catches:
      '`ADD COLUMN … NOT NULL` without a default on an existing table: fails as soon as the table has a row.',
    check: (input) =>
      each(input, (table, cmd) =>
        cmd.subtype === 'AT_AddColumn' &&
        cmd.def &&
        'ColumnDef' in cmd.def &&
        addsRequiredColumn(cmd.def.ColumnDef, input.scope)
          ? `ADD COLUMN ${String(cmd.def.ColumnDef.colname)} NOT NULL without a default fails on ${table} as soon as it has a row (the shadow database is empty, production is not); give it a default, or add it nullable and backfill`
          : undefined,
      ),
  },
  {
    id: 'type-change',
    level: 'warning',
    squawk: ['changing-column-type'],
    schemaAware: true,
    catches:
      '`ALTER COLUMN … TYPE` on an existing table that rewrites it (not binary-coercible) or can fail or lose values (not widening).',
    check: (input) =>
      each(input, (table, cmd) => {
        if (cmd.subtype !== 'AT_AlterColumnType') return undefined;
        const column = String(cmd.name);
        if (!input.scope.column(table, column)) return undefined;
        const change = columnTypeChange(table, column, cmd.def, input.scope);
        if (!change.rewrites && change.widening) return undefined;
        const what = `changing the type of ${table}.${column}${change.before ? ` from ${formatColumnType(change.before)}` : ''}${change.after ? ` to ${formatColumnType(change.after)}` : ''}`;
        const costs = [
          change.rewrites ? 'rewrites the table under an exclusive lock' : '',
          change.widening ? '' : 'fails or loses precision if values do not fit',
        ].filter(Boolean);
        return `${what} ${costs.join(' and ')}`;
      }),
  },
  {
    id: 'alter-domain-add-constraint',
    level: 'warning',
    squawk: ['ban-alter-domain-with-add-constraint'],
    schemaAware: true,
    catches:
      '`ALTER DOMAIN … ADD CONSTRAINT` without `NOT VALID` on an existing domain: checks every column of it, writes wait.',
    check({ node, scope }) {
      if (!('AlterDomainStmt' in node) || node.AlterDomainStmt.subtype !== 'C') return [];
      const domain = qualifiedNames(node.AlterDomainStmt.typeName);
      const def = node.AlterDomainStmt.def;
      if (scope.isNewType(domain) || (def && 'Constraint' in def && def.Constraint.skip_validation))
        return [];
      return [
        `ALTER DOMAIN ${domain} ADD CONSTRAINT checks every column of the domain under SHARE locks (writes wait); add it NOT VALID, then VALIDATE CONSTRAINT in a later section`,
      ];
    },
  },
  {
    id: 'rewrite-command',
    level: 'warning',
    squawk: ['prefer-repack'],
    schemaAware: true,
    catches:
      '`VACUUM FULL`, `CLUSTER`, `SET TABLESPACE`, `SET LOGGED/UNLOGGED`, `SET ACCESS METHOD` on an existing table: rewrites it under ACCESS EXCLUSIVE.',
    check(input) {
      const { node } = input;
      if ('VacuumStmt' in node && node.VacuumStmt.is_vacuumcmd) {
        const full = (node.VacuumStmt.options ?? []).some(
          (o) => 'DefElem' in o && o.DefElem.defname === 'full',
        );
        return full
          ? [
              'VACUUM FULL rewrites the table under ACCESS EXCLUSIVE (reads and writes wait); pg_repack does it online',
            ]
          : [];
      }
      if ('ClusterStmt' in node)
        return [
          'CLUSTER rewrites the table under ACCESS EXCLUSIVE (reads and writes wait); pg_repack does it online',
        ];
      const names: Record<string, string> = {
        AT_SetTableSpace: 'SET TABLESPACE',
        AT_SetLogged: 'SET LOGGED',
        AT_SetUnLogged: 'SET UNLOGGED',
        AT_SetAccessMethod: 'SET ACCESS METHOD',
      };
      return each(input, (table, cmd) =>
        names[String(cmd.subtype)]
          ? `${names[String(cmd.subtype)]} rewrites ${table} under ACCESS EXCLUSIVE (reads and writes wait)`
          : undefined,
      );
    },
  },
];
