import type { ModelFile } from '@bakery-ia/init-manager';
import { PgSchemaError } from '../errors.js';
import { byteOfLinePosition, hintTarget } from './hint-target.js';

/** `-- @renamed-from old_name` on a CREATE TABLE line or a column line of the models. */
export interface RenameHint {
  kind: 'table' | 'column';
  schema: string;
  /** The table's name in the models (for a column hint, the table holding the column). */
  table: string;
  /** The column's name in the models (column hints only). */
  column?: string;
  from: string;
  /** `models/02_tables.sql:14`, for messages. */
  where: string;
}

const HINT = /--\s*@renamed-from\s+("(?:[^"]|"")+"|[^\s,;]+)/g;

/** Reads every rename hint of the models; a hint that is not on a table or column line is an error. */
export function readRenameHints(models: ModelFile[]): RenameHint[] {
  const hints: RenameHint[] = [];
  for (const model of models) {
    const lines = model.sql.split('\n');
    lines.forEach((text, index) => {
      for (const match of text.matchAll(HINT)) {
        const line = index + 1;
        const where = `${model.path}:${line}`;
        const from = match[1].startsWith('"') ? match[1].slice(1, -1).replace(/""/g, '"') : match[1];
        const target = hintTarget(model, line, byteOfLinePosition(model.sql, line, match.index ?? 0));
        if (!target) {
          throw new PgSchemaError(
            'RENAME_HINT',
            `${where}: @renamed-from must be on a CREATE TABLE line or a column line of one.`,
          );
        }
        const { schema, table } = target;
        if (target.onTableLine) {
          hints.push({ kind: 'table', schema, table, from, where });
          continue;
        }
        if (!target.column) {
          throw new PgSchemaError(
            'RENAME_HINT',
            `${where}: @renamed-from must be on the line that defines the renamed column.`,
          );
        }
        hints.push({ kind: 'column', schema, table, column: target.column, from, where });
      }
    });
  }
  return hints;
}
