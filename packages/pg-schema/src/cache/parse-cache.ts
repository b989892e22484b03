import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SqlStatement, StatementCache } from '@bakery-ia/init-manager';
import { defaultCacheRoot } from '../shadow/shared-embedded.js';
import { engineFingerprint } from './engine-fingerprint.js';
import { touchFile, type FileBudget } from './evict-files.js';
import { readTrustedEntry } from './trusted-folder.js';
import { writeCacheEntry } from './write-cache-entry.js';

/**
 * The split statements of model and migration files, one JSON file per file text in
 * `<cache root>/parse/` (the workspace's node_modules/.cache/pg-schema, ignored by git), keyed by
 * the text, the engine's fingerprint and the parser's version: a file that did not change is not
 * parsed again (at 50 tables a parse costs several times the read of its entry, and more in a
 * fresh process, where the parser's code is not compiled yet). Entries are written to a temp
 * name and renamed, so a reader sees a whole entry or none; one that does not parse or has the
 * wrong shape is not used (the file is parsed, and the entry written again), nor is one in a folder
 * or file another user could have written (trusted-folder.ts). The entries used least recently go
 * once the folder passes PARSE_BUDGET.
 */
/** About 0.35 MB per 50-table file, 7 MB per 1000-table one. */
export const PARSE_BUDGET: FileBudget = {
  match: (name) => name.endsWith('.json'),
  maxEntries: 2000,
  maxBytes: 256 * 1024 * 1024,
};

export function parseCache(root = join(defaultCacheRoot(), 'parse'), engine?: string): StatementCache {
  const keyOf = (text: string) =>
    createHash('sha256')
      .update(`${engine ?? engineFingerprint()}\0${parserVersion()}\0`)
      .update(text)
      .digest('hex');
  return {
    get(text) {
      try {
        const name = `${keyOf(text)}.json`;
        const stored = readTrustedEntry(root, name);
        if (stored === undefined) return undefined;
        const parsed = JSON.parse(stored) as unknown;
        if (!isSplits(parsed)) return undefined;
        touchFile(join(root, name));
        return parsed.map((split) => split.map(withNode));
      } catch {
        return undefined;
      }
    },
    set(text, splits) {
      try {
        // The parse tree once: `node` is the value inside `stmt`, rebuilt on reading.
        const stored = splits.map((split) =>
          split.map(({ sql, line, kind, stmt }) => ({ sql, line, kind, stmt: stmt ?? {} })),
        );
        writeCacheEntry(root, keyOf(text), JSON.stringify(stored), PARSE_BUDGET);
      } catch {
        // not kept: the next run parses again
      }
    },
  };
}

type Stored = { sql: string; line: number; kind: string; stmt: Record<string, unknown> };

function withNode(statement: Stored): SqlStatement {
  const node = Object.values(statement.stmt)[0];
  return {
    sql: statement.sql,
    line: statement.line,
    kind: statement.kind,
    node: (node as Record<string, unknown>) ?? {},
    stmt: statement.stmt as SqlStatement['stmt'],
  };
}

function isSplits(value: unknown): value is Stored[][] {
  return (
    Array.isArray(value) &&
    value.every(
      (split) =>
        Array.isArray(split) &&
        split.every((s: Partial<Stored> | null) => {
          if (typeof s !== 'object' || s === null) return false;
          const stmt = s.stmt;
          return (
            typeof s.sql === 'string' &&
            typeof s.line === 'number' &&
            typeof s.kind === 'string' &&
            typeof stmt === 'object' &&
            stmt !== null &&
            !Array.isArray(stmt) &&
            // One key, the statement's kind, holding an object (libpg-query's node shape).
            Object.keys(stmt).length === 1 &&
            Object.keys(stmt)[0] === s.kind &&
            typeof Object.values(stmt)[0] === 'object'
          );
        }),
    )
  );
}

let parser: string | undefined;

/** libpg-query's version: a new parser may give other trees for the same text. */
function parserVersion(): string {
  if (parser) return parser;
  try {
    const path = require.resolve('libpg-query/package.json');
    parser = (JSON.parse(readFileSync(path, 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    parser = 'unknown';
  }
  return parser;
}
