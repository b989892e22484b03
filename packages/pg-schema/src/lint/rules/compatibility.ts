import { relationName } from '../../hazards/relation-names.js';
import type { LintRule } from '../rule.js';

export const compatibilityRules: LintRule[] = [
  {
    id: 'rename',
    level: 'warning',
    squawk: ['renaming-column', 'renaming-table'],
    schemaAware: true,
    catches:
      'Renaming an existing table or column: code still using the old name breaks during a rolling deploy.',
    check({ node, scope }) {
      if (!('RenameStmt' in node)) return [];
      const rename = node.RenameStmt;
      if (rename.renameType !== 'OBJECT_TABLE' && rename.renameType !== 'OBJECT_COLUMN') return [];
      const table = relationName(rename.relation);
      if (scope.isNew(table)) return [];
      return [
        `renaming ${table}${rename.renameType === 'OBJECT_COLUMN' ? `.${String(rename.subname)}` : ''} breaks code that still uses the old name during a rolling deploy`,
      ];
    },
  },
  {
    id: 'drop-not-null',
    level: 'info',
    squawk: ['ban-drop-not-null'],
    schemaAware: true,
    catches: '`DROP NOT NULL` on an existing column: readers that assume a value may get NULL.',
    check({ node, scope }) {
      if (!('AlterTableStmt' in node)) return [];
      const table = relationName(node.AlterTableStmt.relation);
      if (scope.isNew(table)) return [];
      return (node.AlterTableStmt.cmds ?? []).flatMap((item) =>
        'AlterTableCmd' in item && item.AlterTableCmd.subtype === 'AT_DropNotNull'
          ? [
              `DROP NOT NULL on ${table}.${String(item.AlterTableCmd.name)}: code that assumes a value may now read NULL`,
            ]
          : [],
      );
    },
  },
  {
    id: 'virtual-set-expression',
    level: 'warning',
    squawk: [],
    schemaAware: true,
    catches:
      '`SET EXPRESSION` on a virtual generated column: PostgreSQL 18 refuses it while the table is in a publication (a `FOR ALL TABLES` one made for replication included).',
    check({ node, scope }) {
      if (!('AlterTableStmt' in node)) return [];
      const table = relationName(node.AlterTableStmt.relation);
      return (node.AlterTableStmt.cmds ?? []).flatMap((item) => {
        if (!('AlterTableCmd' in item) || item.AlterTableCmd.subtype !== 'AT_SetExpression') return [];
        const column = String(item.AlterTableCmd.name);
        return scope.column(table, column)?.virtual
          ? [
              `SET EXPRESSION on the virtual column ${table}.${column} fails while ${table} is in a publication (PostgreSQL 18 refuses it): check the databases it runs on, or drop the column and add it again`,
            ]
          : [];
      });
    },
  },
];
