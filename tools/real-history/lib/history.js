'use strict';
/**
 * The migration history of an application: ordered plain-SQL files in one folder. Order is the
 * file names' natural order (001_x.sql, 2_y.sql, 10_z.sql), or the lines of manifest.txt when the
 * folder has one (one file name a line, `#` comments, an optional `no-transaction` after the name).
 */
const fs = require('node:fs');
const path = require('node:path');

const MANIFEST = 'manifest.txt';
const NO_TRANSACTION_MARKER = /^\s*--\s*real-history:\s*no-transaction\b/im;
/** Statements Postgres refuses inside a transaction block. */
const OUTSIDE_TRANSACTION = [
  /\bCREATE\s+(UNIQUE\s+)?INDEX\s+CONCURRENTLY\b/i,
  /\b(DROP|REINDEX)\s+(INDEX|TABLE)?\s*CONCURRENTLY\b/i,
  /\bREFRESH\s+MATERIALIZED\s+VIEW\s+CONCURRENTLY\b/i,
  /^\s*VACUUM\b/im,
  /\b(CREATE|DROP)\s+DATABASE\b/i,
  /\bALTER\s+SYSTEM\b/i,
];

class HistoryError extends Error {}

function naturalOrder(a, b) {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** The manifest's entries: [{ file, transaction }]. */
function parseManifest(text) {
  const entries = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const [file, ...flags] = line.split(/\s+/);
    const unknown = flags.filter((flag) => flag !== 'no-transaction');
    if (unknown.length > 0)
      throw new HistoryError(`${MANIFEST}:${index + 1}: unknown flag "${unknown[0]}" (only no-transaction)`);
    entries.push({ file, transaction: !flags.includes('no-transaction') });
  }
  return entries;
}

/** Whether a file must run statement by statement: it says so, or holds a statement that cannot run in a transaction. */
function needsNoTransaction(sql) {
  if (NO_TRANSACTION_MARKER.test(sql)) return true;
  const code = sql.replace(/--[^\n]*/g, '');
  return OUTSIDE_TRANSACTION.some((pattern) => pattern.test(code));
}

/**
 * Reads the history: [{ index (1-based), file, path, transaction }], the first `to` migrations
 * when `to` is given.
 */
function readHistory(dir, { to } = {}) {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory())
    throw new HistoryError(`${dir} is not a folder`);
  const manifestPath = path.join(dir, MANIFEST);
  let entries;
  if (fs.existsSync(manifestPath)) {
    entries = parseManifest(fs.readFileSync(manifestPath, 'utf8'));
    const missing = entries.filter((entry) => !fs.existsSync(path.join(dir, entry.file)));
    if (missing.length > 0)
      throw new HistoryError(
        `${MANIFEST} names files that do not exist: ${missing.map((e) => e.file).join(', ')}`,
      );
    const seen = new Set();
    for (const entry of entries) {
      if (seen.has(entry.file)) throw new HistoryError(`${MANIFEST} names ${entry.file} twice`);
      seen.add(entry.file);
    }
  } else {
    entries = fs
      .readdirSync(dir)
      .filter((name) => name.endsWith('.sql'))
      .sort(naturalOrder)
      .map((file) => ({ file, transaction: true }));
  }
  if (entries.length === 0) throw new HistoryError(`${dir} holds no .sql files (and no ${MANIFEST})`);
  if (to !== undefined && to > entries.length)
    throw new HistoryError(`--to ${to}: the history has ${entries.length} migrations`);
  return entries.slice(0, to ?? entries.length).map((entry, i) => {
    const file = path.join(dir, entry.file);
    const sql = fs.readFileSync(file, 'utf8');
    return {
      index: i + 1,
      file: entry.file,
      path: file,
      transaction: entry.transaction && !needsNoTransaction(sql),
    };
  });
}

/** 1-based migration indexes that are checkpoints: every `every`-th from `from`, and always the last. */
function checkpointIndexes(count, { every = 1, from = 1 } = {}) {
  const indexes = [];
  for (let i = from; i <= count; i += every) indexes.push(i);
  if (indexes[indexes.length - 1] !== count) indexes.push(count);
  return indexes;
}

module.exports = {
  readHistory,
  parseManifest,
  needsNoTransaction,
  naturalOrder,
  checkpointIndexes,
  HistoryError,
  MANIFEST,
};
