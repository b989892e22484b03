import { EventEmitter } from 'node:events';
import type { ClientBase } from 'pg';
import { isServerError, type PgErrorFields } from './statement-error.js';
import type { SqlStatement } from './sql-statements.js';

/** One statement of a batch: a statement of a file (errors are located in it) or our own SQL. */
export interface BatchPart {
  /** Exactly one statement, without its semicolon. */
  sql: string;
  /** Where the statement comes from, for errors; none for our own statements (bookkeeping, SET). */
  source?: { fileName: string; statement: SqlStatement };
  /** BEGIN / COMMIT of the batch itself: left out when a failure is located by re-running. */
  control?: boolean;
}

/** A batch failed: which part, and the server's error with `position` relative to that part. */
export class BatchFailure extends Error {
  /** Index of the failing part; -1 when it could not be told. */
  readonly index: number;
  readonly part?: BatchPart;
  readonly pgError: PgErrorFields;
  readonly original: Error;

  constructor(index: number, part: BatchPart | undefined, pgError: PgErrorFields, original: Error) {
    super(pgError.message);
    this.name = 'BatchFailure';
    this.index = index;
    this.part = part;
    this.pgError = pgError;
    this.original = original;
  }
}

/**
 * Sends the parts as one simple-query message (one round trip). On a server error throws a
 * BatchFailure naming the failing part: by the error position when there is one (counted in the
 * whole message; moved into the statement), else by the CommandComplete messages the server sent
 * for the statements before the failing one. Clients that do not
 * expose those messages locate it by running the parts again one by one in a transaction that is
 * rolled back. Errors that are not the server's (a broken connection) are thrown as they are.
 *
 * When the batch opened a transaction (a BEGIN part), the session is left in the failed
 * transaction: the caller rolls back.
 */
export async function sendBatch(client: ClientBase, parts: BatchPart[]): Promise<void> {
  if (parts.length === 0) return;
  const offsets: number[] = [];
  let text = '';
  for (const part of parts) {
    if (text) text += '\n;\n';
    offsets.push(text.length);
    text += part.sql;
  }
  const events = connectionEvents(client);
  let completed = 0;
  const count = () => completed++;
  events?.on('commandComplete', count);
  try {
    await client.query(text);
    return;
  } catch (error) {
    if (!isServerError(error)) throw error;
    // A syntax error stops the whole message before anything runs (the server parses it all
    // first): the error position, counted in the message, names the part then.
    if (events) throw failure(parts, partAt(offsets, error.position) ?? completed, error, offsets);
    await client.query('ROLLBACK').catch(() => undefined);
    const located = await rerunToLocate(client, parts);
    // The statement's own error, as running it alone reports it; the batch's when none failed.
    throw located ? failure(parts, located.index, located.error) : failure(parts, -1, error);
  } finally {
    events?.off('commandComplete', count);
  }
}

function failure(
  parts: BatchPart[],
  index: number,
  error: PgErrorFields & Error,
  offsets?: number[],
): BatchFailure {
  const part = index >= 0 && index < parts.length ? parts[index] : undefined;
  const fields: PgErrorFields = {
    message: error.message,
    code: error.code,
    detail: error.detail,
    hint: error.hint,
    position: !offsets ? error.position : part ? relativePosition(error.position, offsets[index]) : undefined,
  };
  return new BatchFailure(part ? index : -1, part, fields, error);
}

/** The part whose text holds a 1-based character position of the message. */
function partAt(offsets: number[], position: string | undefined): number | undefined {
  const at = Number(position) - 1;
  if (!position || !Number.isFinite(at) || at < 0) return undefined;
  let index = 0;
  while (index + 1 < offsets.length && offsets[index + 1] <= at) index++;
  return index;
}

function relativePosition(position: string | undefined, offset: number): string | undefined {
  const at = Number(position);
  if (!position || !Number.isFinite(at) || at <= offset) return undefined;
  return String(at - offset);
}

/**
 * Runs the parts one by one in a transaction that is rolled back whatever happens, and returns the
 * first that fails with its error (none: the failure depended on timing, or came from COMMIT).
 */
async function rerunToLocate(
  client: ClientBase,
  parts: BatchPart[],
): Promise<{ index: number; error: PgErrorFields & Error } | undefined> {
  await client.query('BEGIN');
  try {
    for (const [index, part] of parts.entries()) {
      if (part.control) continue;
      try {
        await client.query(part.sql);
      } catch (error) {
        if (!isServerError(error)) throw error;
        return { index, error };
      }
    }
    return undefined;
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
  }
}

/** pg's Client emits each protocol message on its `connection`; other clients may not have one. */
function connectionEvents(client: ClientBase): EventEmitter | undefined {
  const connection: unknown = Reflect.get(client, 'connection');
  return connection instanceof EventEmitter ? connection : undefined;
}
