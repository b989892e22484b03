import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { MigrationFile } from '@bakery-ia/init-manager';
import type { Catalog } from '../catalog/catalog.js';
import { defaultCacheRoot } from '../shadow/shared-embedded.js';
import type { BuildContext } from './cache-key.js';
import { engineFingerprint } from './engine-fingerprint.js';
import { replayBases } from './replay-bases.js';
import { touchFile, type FileBudget } from './evict-files.js';
import { survivesJson } from './survives-json.js';
import { readTrustedEntry } from './trusted-folder.js';
import { writeCacheEntry } from './write-cache-entry.js';

/**
 * What verify's replay found, per set of committed migrations: the catalog before the first
 * migration and after each one, and the round trip's problems. A pure function of the files, the
 * engine (its code hash covers introspection and the round trip), the server's fingerprint, the
 * roles, the options that shape the catalogs and whether the round trip ran: a later verify with
 * the same key reads it instead of replaying. Only complete replays are kept (a replay that
 * stopped is run again every time, so its error is always fresh).
 *
 * Stored as JSON files in `<cache root>/records/` (mode 700): written to a temp file and renamed,
 * so a reader sees a whole record or none; a record that does not parse, or whose catalogs do not
 * survive JSON unchanged, is not used, nor one in a folder or file another user could have written
 * (trusted-folder.ts: a planted record would make verify pass migrations it never replayed).
 */
export interface ReplayRecord {
  states: Catalog[];
  roundTrip: unknown[];
}

export interface RecordContext extends BuildContext {
  /** Schemas, ignored tables and objects, privileges: what shapes the catalogs read. */
  introspect: unknown;
  roundTrip: boolean;
}

export function replayRecordKey(migrations: MigrationFile[], context: RecordContext): string {
  return createHash('sha256')
    .update(
      JSON.stringify({
        kind: 'verify-replay',
        engine: context.engine ?? engineFingerprint(),
        server: context.server,
        roles: [...context.roles].sort(),
        privileges: context.privileges,
        introspect: context.introspect,
        roundTrip: context.roundTrip,
        files: migrations.map((m) => `${m.fileName} ${m.checksum}`),
      }),
    )
    .digest('hex');
}

/**
 * Key of the catalog that a cached database (its template key) introspects to with these options:
 * verify's models side and both sides of generate (the models side's record is shared), stored
 * as a record of one state and no round trip.
 */
export function catalogRecordKey(databaseKey: string, introspect: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify({ kind: 'catalog', databaseKey, introspect }))
    .digest('hex');
}

/** The one catalog recorded under a catalogRecordKey, or undefined (none, or not usable). */
export function readCatalogRecord(key: string, root = recordsRoot()): Catalog | undefined {
  return readReplayRecord(key, 0, root)?.states[0];
}

/** Records what a cached database introspected to (best effort, as writeReplayRecord). */
export function writeCatalogRecord(key: string, catalog: Catalog, root = recordsRoot()): void {
  writeReplayRecord(key, { states: [catalog], roundTrip: [] }, root);
}

export function readReplayRecord(
  key: string,
  migrations: number,
  root = recordsRoot(),
): ReplayRecord | undefined {
  try {
    const stored = readTrustedEntry(root, `${key}.json`);
    if (stored === undefined) return undefined;
    const parsed = JSON.parse(stored) as ReplayRecord;
    if (!Array.isArray(parsed.states) || parsed.states.length !== migrations + 1) return undefined;
    if (!Array.isArray(parsed.roundTrip)) return undefined;
    touchFile(join(root, `${key}.json`));
    return parsed;
  } catch {
    return undefined;
  }
}

/**
 * The record of the longest earlier prefix of `migrations` (replay-bases.ts: at most MAX_BASES
 * back, only migrations whose up and down sections leave nothing in the session, since verify ran
 * both on one session) whose round trip found nothing: verify applies those migrations in one
 * call and replays only the ones after them.
 */
export function readPrefixRecord(
  migrations: MigrationFile[],
  keyOf: (prefix: MigrationFile[]) => string,
  root = recordsRoot(),
): { count: number; record: ReplayRecord } | undefined {
  for (const base of replayBases(migrations, keyOf, ['up', 'down'])) {
    const record = readReplayRecord(base.key, base.count, root);
    if (record && record.roundTrip.length === 0) return { count: base.count, record };
  }
  return undefined;
}

/** Best effort: a cache folder that cannot be written only means the next verify replays again. */
export function writeReplayRecord(key: string, record: ReplayRecord, root = recordsRoot()): void {
  try {
    // Catalogs are plain data; a kind that ever stores something JSON changes makes no record.
    // The catalogs only: the round trip's problems are messages, kept as JSON gives them back.
    if (!record.states.every((state) => survivesJson(state))) return;
    writeCacheEntry(root, key, JSON.stringify(record), REPLAY_BUDGET);
  } catch {
    // not written
  }
}

/**
 * Verify's records (`<sha256>.json`; plan records, `plan-*.json`, have their own budget): at 1000
 * tables one holds a catalog per migration, so the folder is kept within a budget as the parse
 * and plan caches are.
 */
export const REPLAY_BUDGET: FileBudget = {
  match: (name) => /^[0-9a-f]{64}\.json$/.test(name),
  maxEntries: 500,
  maxBytes: 512 * 1024 * 1024,
};

/** `<cache root>/records/`: verify's records, and generate's plan records beside them (plan-records.ts). */
export function recordsRoot(): string {
  return join(defaultCacheRoot(), 'records');
}
