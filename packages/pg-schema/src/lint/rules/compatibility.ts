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
];
