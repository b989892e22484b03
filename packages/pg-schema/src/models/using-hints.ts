import type { ModelFile } from '@bakery-ia/init-manager';
import { parseSync, scanSync } from 'libpg-query';
import { PgSchemaError } from '../errors.js';
import { hintTarget, lineOfByte } from './hint-target.js';

/**
 * `-- @using <expression>` on a column line of the models: how the column's values convert when
 * its type changes and Postgres has no cast (integer to an enum), or when the cast is not what the
 * data needs. `-- @using up: <expression>; down: <expression>` also gives the way back for the
 * down section (needed when the reverse has no cast either); `-- @using down: <expression>` gives
 * only that. The expression reads the column by its name and is used as `ALTER COLUMN ... TYPE
 * ... USING <expression>`.
 */
export interface UsingHint {
  schema: string;
  table: string;
  column: string;
  up?: string;
  down?: string;
  /** `models/02_tables.sql:14`, for messages. */
  where: string;
}

/** The hints a models comment may start with (`-- @name ...`); any other is an error. */
export const KNOWN_HINTS = ['renamed-from', 'using'] as const;

const HINT_COMMENT = /^--\s*@([A-Za-z][\w-]*)/;
const MAY_HOLD_HINT = /--\s*@[A-Za-z]/;

/** Reads every `-- @using` hint; refuses a misplaced one, a bad expression and an unknown hint. */
export function readUsingHints(models: ModelFile[]): UsingHint[] {
  const hints: UsingHint[] = [];
  for (const model of models) {
    // Every hint comment matches this in the raw text: a file without one needs no scan (the
    // scanner's first call in a process costs more than reading a large file from the cache).
    if (!MAY_HOLD_HINT.test(model.sql)) continue;
    for (const token of scanSync(model.sql).tokens) {
      if (token.tokenName !== 'SQL_COMMENT') continue;
      const name = HINT_COMMENT.exec(token.text)?.[1];
      if (name === undefined) continue;
      const where = `${model.path}:${lineOfByte(model.sql, token.start)}`;
      if (!(KNOWN_HINTS as readonly string[]).includes(name)) {
        throw new PgSchemaError(
          'MODEL_HINT',
          `${where}: unknown hint @${name}; the hints are ${KNOWN_HINTS.map((h) => `@${h}`).join(' and ')} (a plain comment must not start with "@").`,
        );
      }
      if (name !== 'using') continue;
      const target = hintTarget(model, lineOfByte(model.sql, token.start), token.start);
      if (!target?.column) {
        throw new PgSchemaError(
          'MODEL_HINT',
          `${where}: @using must be on the line that defines the column.`,
        );
      }
      const duplicate = hints.find(
        (h) => h.schema === target.schema && h.table === target.table && h.column === target.column,
      );
      if (duplicate) {
        throw new PgSchemaError(
          'MODEL_HINT',
          `${where}: column ${target.column} has a @using hint at ${duplicate.where} already; give both directions in one: -- @using up: <expression>; down: <expression>`,
        );
      }
      hints.push({
        schema: target.schema,
        table: target.table,
        column: target.column,
        ...parseUsing(token.text.replace(HINT_COMMENT, ''), where),
        where,
      });
    }
  }
  return hints;
}

/** `<expr>`, or `up: <expr>; down: <expr>` (either part alone too). */
export function parseUsing(text: string, where: string): { up?: string; down?: string } {
  const body = text.trim();
  const usage = 'write -- @using <expression>, or -- @using up: <expression>; down: <expression>';
  if (body === '') throw new PgSchemaError('MODEL_HINT', `${where}: @using needs an expression: ${usage}.`);
  if (!/^(up|down)\s*:/i.test(body)) return { up: checkedExpression(body, where) };
  const out: { up?: string; down?: string } = {};
  for (const part of body.split(/;\s*(?=(?:up|down)\s*:)/i)) {
    const match = /^(up|down)\s*:\s*([\s\S]*?);?\s*$/i.exec(part.trim());
    const direction = match?.[1].toLowerCase() === 'up' ? 'up' : 'down';
    if (!match || out[direction] !== undefined)
      throw new PgSchemaError('MODEL_HINT', `${where}: @using: cannot read "${part.trim()}"; ${usage}.`);
    out[direction] = checkedExpression(match[2], where);
  }
  return out;
}

/** One SQL expression (checked with Postgres' parser), so a hint cannot carry another statement. */
function checkedExpression(expression: string, where: string): string {
  const text = expression.trim();
  let single = false;
  try {
    const [first, ...rest] = parseSync(`SELECT ${text}`).stmts ?? [];
    const select = first?.stmt && 'SelectStmt' in first.stmt ? first.stmt.SelectStmt : undefined;
    single =
      rest.length === 0 &&
      select !== undefined &&
      select.targetList?.length === 1 &&
      !select.fromClause &&
      !select.whereClause &&
      !select.groupClause &&
      !select.havingClause &&
      !select.sortClause &&
      !select.limitCount &&
      !select.withClause &&
      (select.op === undefined || select.op === 'SETOP_NONE');
  } catch {
    single = false;
  }
  if (!single || text === '')
    throw new PgSchemaError('MODEL_HINT', `${where}: @using: "${text}" is not one SQL expression.`);
  return text;
}

/** The note printed for a hint whose column keeps its type (the migration that used it is written). */
export function unusedUsingNote(hint: UsingHint): string {
  return `note: ${hint.where}: @using is not used: the type of ${hint.schema}.${hint.table}.${hint.column} does not change; you can remove it.`;
}
