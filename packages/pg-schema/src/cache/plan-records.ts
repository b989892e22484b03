import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { emptyCatalog, type Catalog } from '../catalog/catalog.js';
import type { CastPath } from '../objects/table/column-conversion.js';
import { recordsRoot } from './catalog-records.js';
import { engineFingerprint } from './engine-fingerprint.js';
import { touchFile, type FileBudget } from './evict-files.js';
import { survivesJson } from './survives-json.js';
import { readTrustedEntry } from './trusted-folder.js';
import { writeCacheEntry } from './write-cache-entry.js';

/**
 * What generate read from a pair of cached schemas: both catalogs and the cast paths the server
 * gave for the retyped columns. A pure function of the two cache keys (files, engine, server
 * fingerprint, roles, privileges) and the options that shape the catalogs, so a later generate
 * with the same keys reads it instead of copying two databases and introspecting them (about
 * half of a hit's time at 50 tables). Written only for plans without renames (a rename writes
 * into the copies and introspects again).
 *
 * Stored beside verify's records (`<cache root>/records/`, catalog-records.ts): written to a temp
 * file and renamed, so a reader sees a whole record or none; a record that does not parse or has
 * the wrong shape is not used, nor one in a folder or file another user could have written
 * (trusted-folder.ts), and catalogs that JSON would change are never written. The records
 * used least recently go once they pass PLAN_BUDGET.
 */
export interface PlanRecord {
  current: Catalog;
  desired: Catalog;
  /** castKey -> path, per direction (conversions.ts' castPaths as entries). */
  castPaths: { up: Array<[string, CastPath]>; down: Array<[string, CastPath]> };
}

/** About 0.26 MB per record at 50 tables, 5 MB at 1000; verify's records in the folder are not counted. */
export const PLAN_BUDGET: FileBudget = {
  match: (name) => name.startsWith('plan-') && name.endsWith('.json'),
  maxEntries: 500,
  maxBytes: 256 * 1024 * 1024,
};

export interface PlanRecordContext {
  replayKey: string;
  modelsKey: string;
  /** Schemas, ignored tables and objects, privileges: what shapes the catalogs read. */
  introspect: unknown;
  /** engineFingerprint() unless given (tests). */
  engine?: string;
}

export function planRecordKey(context: PlanRecordContext): string {
  return createHash('sha256')
    .update(
      JSON.stringify({
        kind: 'generate-plan',
        engine: context.engine ?? engineFingerprint(),
        replay: context.replayKey,
        models: context.modelsKey,
        introspect: context.introspect,
      }),
    )
    .digest('hex');
}

export function readPlanRecord(key: string, root = recordsRoot()): PlanRecord | undefined {
  try {
    const path = join(root, `plan-${key}.json`);
    const stored = readTrustedEntry(root, `plan-${key}.json`);
    if (stored === undefined) return undefined;
    const parsed = JSON.parse(stored) as PlanRecord;
    if (!isCatalog(parsed.current) || !isCatalog(parsed.desired)) return undefined;
    if (!isEntries(parsed.castPaths?.up) || !isEntries(parsed.castPaths?.down)) return undefined;
    touchFile(path);
    return parsed;
  } catch {
    return undefined;
  }
}

/** Best effort: a cache folder that cannot be written only means the next generate opens databases. */
export function writePlanRecord(key: string, record: PlanRecord, root = recordsRoot()): void {
  try {
    // Catalogs are plain data; a kind that ever stores something JSON changes makes no record.
    if (!survivesJson(record)) return;
    writeCacheEntry(root, `plan-${key}`, JSON.stringify(record), PLAN_BUDGET);
  } catch {
    // not written
  }
}

/** Every field of a catalog, of its kind (an object, or the unsupported list). */
function isCatalog(value: unknown): value is Catalog {
  if (typeof value !== 'object' || value === null) return false;
  const catalog = value as Record<string, unknown>;
  return Object.entries(emptyCatalog()).every(([field, empty]) =>
    Array.isArray(empty)
      ? Array.isArray(catalog[field])
      : typeof catalog[field] === 'object' && catalog[field] !== null && !Array.isArray(catalog[field]),
  );
}

function isEntries(value: unknown): value is Array<[string, CastPath]> {
  return (
    Array.isArray(value) &&
    value.every(
      (entry) =>
        Array.isArray(entry) &&
        entry.length === 2 &&
        typeof entry[0] === 'string' &&
        ['direct', 'text', 'none'].includes(entry[1] as string),
    )
  );
}
