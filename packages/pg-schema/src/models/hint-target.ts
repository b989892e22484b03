import type { ModelFile } from '@bakery-ia/init-manager';
import type { ColumnDef, CreateStmt } from 'libpg-query';
import { statementNode } from '../parse-tree.js';

/** Where a hint comment sits: the CREATE TABLE it is in, and the column defined on its line. */
export interface HintTarget {
  schema: string;
  table: string;
  /** The hint is on the line that names the table (`CREATE TABLE t (`). */
  onTableLine: boolean;
  /** The column defined on the hint's line, if any. */
  column?: string;
}

/**
 * The table (and column) a hint on `line` of a models file refers to, through the parse tree:
 * undefined when the line is not inside a CREATE TABLE. With several columns on the line, the
 * hint is about the last one defined before the comment (at byte `commentByte`). Parser
 * locations are bytes.
 */
export function hintTarget(model: ModelFile, line: number, commentByte: number): HintTarget | undefined {
  const lineStarts = lineStartBytes(model.sql);
  const lineOf = (byteOffset: number) => upperBound(lineStarts, byteOffset);
  const statement = model.statements.find((s) => s.kind === 'CreateStmt' && containsLine(s, line));
  const tree = statement && statementNode(statement);
  const node: CreateStmt | undefined = tree && 'CreateStmt' in tree ? tree.CreateStmt : undefined;
  const relation = node?.relation;
  if (!node || !relation?.relname) return undefined;
  const columns: ColumnDef[] = (node.tableElts ?? []).flatMap((element) =>
    'ColumnDef' in element ? [element.ColumnDef] : [],
  );
  const column = columns
    .filter(
      (def) => def.location !== undefined && lineOf(def.location) === line && def.location < commentByte,
    )
    .pop();
  return {
    schema: relation.schemaname ?? 'public',
    table: relation.relname,
    onTableLine: relation.location !== undefined && lineOf(relation.location) === line,
    column: column?.colname,
  };
}

/** 1-based line of a byte offset of the models file's SQL. */
export function lineOfByte(sql: string, byteOffset: number): number {
  return upperBound(lineStartBytes(sql), byteOffset);
}

/** Byte offset of a character position on a 1-based line (`column` counts UTF-16 units, as JavaScript does). */
export function byteOfLinePosition(sql: string, line: number, column: number): number {
  const starts = lineStartBytes(sql);
  const text = sql.split('\n')[line - 1] ?? '';
  return starts[line - 1] + Buffer.byteLength(text.slice(0, column), 'utf8');
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
