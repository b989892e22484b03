import type { Node } from 'libpg-query';
import type { LintRule } from '../rule.js';

const MAX_BYTES = 63;

/** Names a statement gives to new objects. */
function newNames(node: Node): string[] {
  if ('CreateStmt' in node) {
    return [
      node.CreateStmt.relation?.relname,
      ...(node.CreateStmt.tableElts ?? []).map((e) =>
        'ColumnDef' in e ? e.ColumnDef.colname : 'Constraint' in e ? e.Constraint.conname : undefined,
      ),
    ].filter((n): n is string => !!n);
  }
  if ('IndexStmt' in node) return node.IndexStmt.idxname ? [node.IndexStmt.idxname] : [];
  if ('RenameStmt' in node) return node.RenameStmt.newname ? [node.RenameStmt.newname] : [];
  if ('ViewStmt' in node) return node.ViewStmt.view?.relname ? [node.ViewStmt.view.relname] : [];
  if ('CreateTableAsStmt' in node)
    return node.CreateTableAsStmt.into?.rel?.relname ? [node.CreateTableAsStmt.into.rel.relname] : [];
  if ('AlterTableStmt' in node) {
    return (node.AlterTableStmt.cmds ?? []).flatMap((item) => {
      const def = 'AlterTableCmd' in item ? item.AlterTableCmd.def : undefined;
      if (def && 'ColumnDef' in def && def.ColumnDef.colname) return [def.ColumnDef.colname];
      if (def && 'Constraint' in def && def.Constraint.conname) return [def.Constraint.conname];
      return [];
    });
  }
  return [];
}

export const identifierRules: LintRule[] = [
  {
    id: 'identifier-too-long',
    level: 'warning',
    squawk: ['identifier-too-long'],
    schemaAware: false,
    catches:
      'A new name longer than 63 bytes: Postgres cuts it silently, so later statements and code name something else.',
    // The parser truncates like the server does, so the tree holds the cut name: a 63-byte name
    // that the statement's text continues is one that was cut.
    check: ({ node, statement }) =>
      newNames(node)
        .filter((name) => Buffer.byteLength(name, 'utf8') === MAX_BYTES)
        .flatMap((name) => {
          const longer = new RegExp(`${escape(name)}[\\w$\\u0080-\\uffff]+`, 'i').exec(statement.sql);
          return longer
            ? [`"${longer[0]}" is longer than ${MAX_BYTES} bytes: Postgres truncates it to "${name}"`]
            : [];
        }),
  },
];

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
