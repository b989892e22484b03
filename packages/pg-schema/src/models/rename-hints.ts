import type { ModelFile } from '@bakery-ia/init-manager';
import { PgSchemaError } from '../errors.js';
import { statementNode } from '../parse-tree.js';

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
    const lineStarts = lineStartBytes(model.sql);
    const lineOf = (byteOffset: number) => upperBound(lineStarts, byteOffset);
    const lines = model.sql.split('\n');
    lines.forEach((text, index) => {
      for (const match of text.matchAll(HINT)) {
        const line = index + 1;
        const where = `${model.path}:${line}`;
        const from = match[1].startsWith('"') ? match[1].slice(1, -1).replace(/""/g, '"') : match[1];
        const statement = model.statements.find((s) => s.kind === 'CreateStmt' && containsLine(s, line));
        const tree = statement && statementNode(statement);
        const node = tree && 'CreateStmt' in tree ? tree.CreateStmt : undefined;
        const relation = node?.relation;
        if (!node || !relation?.relname) {
          throw new PgSchemaError(
            'RENAME_HINT',
            `${where}: @renamed-from must be on a CREATE TABLE line or a column line of one.`,
          );
        }
        const schema = relation.schemaname ?? 'public';
        if (relation.location !== undefined && lineOf(relation.location) === line) {
          hints.push({ kind: 'table', schema, table: relation.relname, from, where });
          continue;
        }
        const column = (node.tableElts ?? [])
          .flatMap((element) => ('ColumnDef' in element ? [element.ColumnDef] : []))
          .find((def) => def.location !== undefined && lineOf(def.location) === line);
        if (!column?.colname) {
          throw new PgSchemaError(
            'RENAME_HINT',
            `${where}: @renamed-from must be on the line that defines the renamed column.`,
          );
        }
        hints.push({
          kind: 'column',
          schema,
          table: relation.relname,
          column: column.colname,
          from,
          where,
        });
      }
    });
  }
  return hints;
}

function containsLine(statement: { line: number; sql: string }, line: number): boolean {
  const last = statement.line + (statement.sql.match(/\n/g)?.length ?? 0);
  return line >= statement.line && line <= last;
}

/** Byte offset at which each line starts (parser locations are bytes). */
function lineStartBytes(text: string): number[] {
  const starts = [0];
  let offset = 0;
  for (const line of text.split('\n')) {
    offset += Buffer.byteLength(line, 'utf8') + 1;
    starts.push(offset);
  }
  return starts;
}

/** 1-based line of a byte offset. */
function upperBound(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
