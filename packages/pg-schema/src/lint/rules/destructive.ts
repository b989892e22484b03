import { objectName, relationName } from '../../hazards/relation-names.js';
import type { LintRule } from '../rule.js';

function dropped(input: Parameters<LintRule['check']>[0], type: string): string[] {
  const node = input.node;
  if (!('DropStmt' in node) || node.DropStmt.removeType !== type) return [];
  return (node.DropStmt.objects ?? []).map(objectName);
}

export const destructiveRules: LintRule[] = [
  {
    id: 'drop-table',
    level: 'error',
    squawk: ['ban-drop-table'],
    schemaAware: true,
    catches: '`DROP TABLE` of a table that existed before the migration: deletes it and its rows.',
    check(input) {
      const tables = dropped(input, 'OBJECT_TABLE').filter((t) => !input.scope.isNew(t));
      return tables.length ? [`DROP TABLE ${tables.join(', ')} deletes the table and its rows`] : [];
    },
  },
  {
    id: 'drop-schema',
    level: 'error',
    squawk: [],
    schemaAware: false,
    catches: '`DROP SCHEMA`: deletes everything in it.',
    check: (input) => {
      const schemas = dropped(input, 'OBJECT_SCHEMA').map((s) => s.replace(/^public\./, ''));
      return schemas.length ? [`DROP SCHEMA ${schemas.join(', ')} deletes everything in it`] : [];
    },
  },
  {
    id: 'drop-database',
    level: 'error',
    squawk: ['ban-drop-database'],
    schemaAware: false,
    catches: '`DROP DATABASE`: a migration of one database never drops one.',
    check: ({ node }) =>
      'DropdbStmt' in node ? [`DROP DATABASE ${node.DropdbStmt.dbname} deletes a whole database`] : [],
  },
  {
    id: 'drop-column',
    level: 'error',
    squawk: ['ban-drop-column'],
    schemaAware: true,
    catches: '`ALTER TABLE … DROP COLUMN` on an existing table: deletes its data.',
    check({ node, scope }) {
      if (!('AlterTableStmt' in node)) return [];
      const table = relationName(node.AlterTableStmt.relation);
      if (scope.isNew(table)) return [];
      return (node.AlterTableStmt.cmds ?? []).flatMap((item) =>
        'AlterTableCmd' in item && item.AlterTableCmd.subtype === 'AT_DropColumn'
          ? [`DROP COLUMN ${table}.${String(item.AlterTableCmd.name)} deletes its data`]
          : [],
      );
    },
  },
  {
    id: 'truncate',
    level: 'error',
    squawk: ['ban-truncate-cascade'],
    schemaAware: false,
    catches: '`TRUNCATE` (with `CASCADE`: of every referencing table too).',
    check: ({ node }) =>
      'TruncateStmt' in node
        ? [
            node.TruncateStmt.behavior === 'DROP_CASCADE'
              ? 'TRUNCATE … CASCADE deletes every row, and every row of each table that references it'
              : 'TRUNCATE deletes every row',
          ]
        : [],
  },
  {
    id: 'delete-all',
    level: 'error',
    squawk: [],
    schemaAware: false,
    catches: '`DELETE` without `WHERE`.',
    check: ({ node }) =>
      'DeleteStmt' in node && !node.DeleteStmt.whereClause ? ['DELETE without WHERE deletes every row'] : [],
  },
  {
    id: 'enum-recreate',
    level: 'error',
    squawk: [],
    schemaAware: false,
    catches:
      'An enum whose values are removed or reordered is recreated and every column converted; rows holding a removed value make the migration fail.',
    check({ node }) {
      if (!('RenameStmt' in node) || node.RenameStmt.renameType !== 'OBJECT_TYPE') return [];
      const newName = String(node.RenameStmt.newname);
      if (!newName.endsWith('__old')) return [];
      return [
        `the values of enum ${newName.replace(/__old$/, '')} are removed or reordered: it is recreated and every column converted; rows holding a removed value make this migration fail`,
      ];
    },
  },
  {
    id: 'drop-type',
    level: 'warning',
    squawk: [],
    schemaAware: true,
    catches: '`DROP TYPE` / `DROP DOMAIN` of an existing type (not the `__old` type of an enum recreation).',
    check(input) {
      const node = input.node;
      if (!('DropStmt' in node)) return [];
      const removeType = node.DropStmt.removeType;
      if (removeType !== 'OBJECT_TYPE' && removeType !== 'OBJECT_DOMAIN') return [];
      const names = (node.DropStmt.objects ?? [])
        .map(objectName)
        .filter((n) => !n.endsWith('__old') && !input.scope.isNewType(n));
      return names.length
        ? [`DROP ${removeType === 'OBJECT_DOMAIN' ? 'DOMAIN' : 'TYPE'} ${names.join(', ')}`]
        : [];
    },
  },
];
