import type * as LibPgQuery from 'libpg-query';
import type { Node } from 'libpg-query';

/** One SQL statement of a migration section, with where it starts in its file. */
export interface SqlStatement {
  sql: string;
  /** 1-based line in the file where the statement's first token is. */
  line: number;
  /** The parser's node name, e.g. `CreateStmt`, `IndexStmt`, `AlterEnumStmt`. */
  kind: string;
  /** The parse tree of the statement (libpg-query's JSON), for callers that look deeper. */
  node: Record<string, unknown>;
  /** The same parse tree with @pgsql/types' node types (`{ IndexStmt: {...} }`), for typed reads. */
  stmt?: Node;
}

export class SqlSyntaxError extends Error {
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.name = 'SqlSyntaxError';
    this.line = line;
  }
}

let parser: typeof LibPgQuery | undefined;
let loading: Promise<void> | undefined;

/**
 * The parser is Postgres' own (WASM); it must be loaded once before splitting. It is imported here
 * and not at the top of the module, so a service restart that parses nothing never loads it.
 */
export function loadSqlParser(): Promise<void> {
  loading ??= import('libpg-query').then(async (module) => {
    await module.loadModule();
    parser = module;
  });
  return loading;
}

/** Whether this process loaded the parser (a restart with everything applied must not). */
export function isSqlParserLoaded(): boolean {
  return parser !== undefined;
}

/**
 * Splits SQL into statements with Postgres' own parser (never by hand: `$$` bodies, `';'` literals
 * and comments with semicolons all stay intact). `firstLine` is the file line where `sql` begins.
 * Throws SqlSyntaxError with the file line of the error.
 */
export function splitStatements(sql: string, firstLine = 1): SqlStatement[] {
  if (!parser) throw new Error('splitStatements: call `await loadSqlParser()` first');
  if (sql.trim() === '') return [];
  const { parseSync } = parser;
  const bytes = Buffer.from(sql, 'utf8');
  let parsed: LibPgQuery.ParseResult;
  try {
    parsed = parseSync(sql);
  } catch (error) {
    const details = (error as { sqlDetails?: { cursorPosition?: number } }).sqlDetails;
    // The parser's cursor is a 0-based character offset (unlike statement locations, in bytes).
    const offset = details?.cursorPosition ?? 0;
    throw new SqlSyntaxError((error as Error).message, firstLine + countNewlines(sql.slice(0, offset)));
  }
  const statements: SqlStatement[] = [];
  // Lines are counted incrementally (newline bytes since the previous statement): counting from
  // the start of the text for every statement made large model files quadratic.
  let counted = 0;
  let linesBefore = 0;
  for (const raw of parsed.stmts ?? []) {
    const start = raw.stmt_location ?? 0;
    const end = raw.stmt_len ? start + raw.stmt_len : start + lastTokenEnd(parser, bytes.subarray(start));
    const text = bytes.subarray(start, end).toString('utf8');
    linesBefore += countNewlineBytes(bytes, counted, start);
    counted = start;
    const trimmed = stripLeadingTrivia(text);
    const leading = text.slice(0, text.length - trimmed.length);
    const body = trimmed.trimEnd();
    if (!body) continue;
    statements.push({
      sql: body,
      line: firstLine + linesBefore + countNewlines(leading),
      kind: Object.keys(raw.stmt ?? {})[0] ?? 'Unknown',
      node: (Object.values(raw.stmt ?? {})[0] as Record<string, unknown>) ?? {},
      stmt: raw.stmt,
    });
  }
  return statements;
}

/**
 * The parser gives no length for a last statement without a semicolon; end it at its last real
 * token so a trailing comment is not part of it. Scanner offsets are bytes, like the parser's.
 */
function lastTokenEnd(module: typeof LibPgQuery, rest: Buffer): number {
  const tokens = module.scanSync(rest.toString('utf8')).tokens;
  let end = 0;
  for (const token of tokens) {
    if (token.tokenName !== 'SQL_COMMENT' && token.tokenName !== 'C_COMMENT' && token.text !== ';')
      end = token.end;
  }
  return end;
}

/** Removes whitespace and comments before the first token (the parser's location may include them). */
function stripLeadingTrivia(text: string): string {
  let rest = text;
  for (;;) {
    const next = rest.replace(/^\s+/, '');
    if (next.startsWith('--')) {
      const newline = next.indexOf('\n');
      rest = newline === -1 ? '' : next.slice(newline + 1);
    } else if (next.startsWith('/*')) {
      const close = next.indexOf('*/');
      rest = close === -1 ? '' : next.slice(close + 2);
    } else {
      return next;
    }
  }
}

function countNewlineBytes(bytes: Buffer, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) if (bytes[i] === 10) count++;
  return count;
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) count++;
  return count;
}
