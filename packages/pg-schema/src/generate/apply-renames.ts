import type { Catalog } from '../catalog/catalog.js';
import { ids } from '../catalog/object-id.js';
import { PgSchemaError } from '../errors.js';
import type { RenameHint } from '../models/rename-hints.js';
import { qualified, quoteIdent } from '../render/sql-text.js';
import type { Change } from '../diff/change.js';

export interface RenamePlan {
  /** Statements that rename current objects to their model names (the up direction). */
  up: string[];
  /** The inverse statements (the down direction, run first on the desired schema). */
  down: string[];
  changes: Change[];
  /** Hints already applied by an earlier migration; they can be removed from the models. */
  stale: RenameHint[];
}

/**
 * Checks each `@renamed-from` hint against the current schema: the old name must exist there
 * (or the rename is already done, and the hint is stale); a hint that names nothing is an error.
 */
export function planRenames(hints: RenameHint[], current: Catalog): RenamePlan {
  const plan: RenamePlan = { up: [], down: [], changes: [], stale: [] };
  const tableRenames = new Map<string, string>();
  for (const hint of hints.filter((h) => h.kind === 'table')) {
    const from = current.tables[ids.table(hint.schema, hint.from)];
    const to = current.tables[ids.table(hint.schema, hint.table)];
    if (to && !from) {
      plan.stale.push(hint);
      continue;
    }
    if (!from) {
      throw new PgSchemaError(
        'RENAME_HINT',
        `${hint.where}: @renamed-from ${hint.from}: there is no table ${hint.schema}.${hint.from} in the schema the migrations build. Fix the name or remove the hint.`,
      );
    }
    if (to) {
      throw new PgSchemaError(
        'RENAME_HINT',
        `${hint.where}: @renamed-from ${hint.from}: both ${hint.schema}.${hint.from} and ${hint.schema}.${hint.table} exist in the schema the migrations build; a rename cannot target an existing table.`,
      );
    }
    tableRenames.set(`${hint.schema}.${hint.table}`, hint.from);
    plan.up.push(`ALTER TABLE ${qualified(hint.schema, hint.from)} RENAME TO ${quoteIdent(hint.table)};`);
    plan.down.push(`ALTER TABLE ${qualified(hint.schema, hint.table)} RENAME TO ${quoteIdent(hint.from)};`);
    plan.changes.push({
      action: 'rename',
      object: ids.table(hint.schema, hint.table),
      before: `${hint.schema}.${hint.from}`,
    });
  }
  const columnDown: string[] = [];
  for (const hint of hints.filter((h) => h.kind === 'column')) {
    const currentTableName = tableRenames.get(`${hint.schema}.${hint.table}`) ?? hint.table;
    const table = current.tables[ids.table(hint.schema, currentTableName)];
    const has = (name: string) => table?.columns.some((column) => column.name === name) ?? false;
    const column = hint.column as string;
    if (has(column) && !has(hint.from)) {
      plan.stale.push(hint);
      continue;
    }
    if (!has(hint.from)) {
      throw new PgSchemaError(
        'RENAME_HINT',
        `${hint.where}: @renamed-from ${hint.from}: table ${hint.schema}.${currentTableName} has no column ${hint.from} in the schema the migrations build. Fix the name or remove the hint.`,
      );
    }
    if (has(column)) {
      throw new PgSchemaError(
        'RENAME_HINT',
        `${hint.where}: @renamed-from ${hint.from}: both columns ${hint.from} and ${column} exist in ${hint.schema}.${currentTableName}; a rename cannot target an existing column.`,
      );
    }
    plan.up.push(
      `ALTER TABLE ${qualified(hint.schema, hint.table)} RENAME COLUMN ${quoteIdent(hint.from)} TO ${quoteIdent(column)};`,
    );
    columnDown.push(
      `ALTER TABLE ${qualified(hint.schema, hint.table)} RENAME COLUMN ${quoteIdent(column)} TO ${quoteIdent(hint.from)};`,
    );
    plan.changes.push({
      action: 'rename',
      object: ids.column(hint.schema, hint.table, column),
      before: hint.from,
    });
  }
  // Down: columns first (the table still has its new name), then tables.
  plan.down = [...columnDown, ...plan.down];
  return plan;
}
