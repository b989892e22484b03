import { splitStatements, type SqlStatement } from './sql-statements.js';

/**
 * The split statements of whole files, kept by a caller between runs (pg-schema's parse cache):
 * parsing is most of reading a large file, and files that did not change need not be parsed again.
 * The runtime passes none.
 */
export interface StatementCache {
  /** Every split of this exact file text, in the order the reader made them; undefined if not kept. */
  get(text: string): SqlStatement[][] | undefined;
  set(text: string, splits: SqlStatement[][]): void;
}

export type Splitter = (sql: string, firstLine: number) => SqlStatement[];

/**
 * Runs `parse` (which splits with the splitter it is given) from the splits kept for `text`, or
 * with the parser, keeping what it split when `ok` says the result is whole (no syntax problem).
 * A kept entry that does not match the calls `parse` makes (fewer or more splits) is not used.
 * `parserReady` is awaited before the parser is used.
 */
export async function parseWithCache<T>(
  text: string,
  cache: StatementCache | undefined,
  parserReady: Promise<void>,
  parse: (split: Splitter) => T,
  ok: (result: T) => boolean,
): Promise<T> {
  const kept = cache?.get(text);
  if (kept) {
    let next = 0;
    let matches = true;
    const result = parse(() => {
      const statements = kept[next++];
      if (!statements) matches = false;
      return statements ?? [];
    });
    if (matches && next === kept.length) return result;
  }
  await parserReady;
  const made: SqlStatement[][] = [];
  const result = parse((sql, firstLine) => {
    const statements = splitStatements(sql, firstLine);
    made.push(statements);
    return statements;
  });
  if (cache && ok(result)) cache.set(text, made);
  return result;
}
