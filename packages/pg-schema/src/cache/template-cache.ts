import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { quoteLiteral } from '@bakery-ia/init-manager';
import { assertNotInterrupted } from '../shadow/cleanup.js';
import { dropInBackground, TRASH_PREFIX, trashName } from '../shadow/background-drop.js';
import { adminQuery, createShadowDatabase, type ShadowDatabase } from '../shadow/shadow-database.js';
import type { ReplayBase } from './replay-bases.js';

/**
 * Cached schemas on a shadow server, as template databases:
 *   pg_schema_cache_<r|m>_<scope>_<key>   a finished entry: datistemplate, datallowconn false
 *   pg_schema_shadow_build_<unix s>_<rand>  an entry being built (never used by another run)
 * A miss builds into a build database and publishes it at release by setting the template flags
 * and renaming it (one catalog update each): a run killed mid-build leaves a build database that no
 * lookup matches, dropped by a later run once it is an hour old. Two runs that miss the same key
 * both build; the first rename wins and the other drops its copy. Nobody ever connects to an
 * entry, so CREATE DATABASE ... TEMPLATE never meets a session there.
 *
 * On a shared server any role with CREATEDB can make a database of an entry's name (the key is a
 * function of files anyone may read) and mark it a template, which we could then copy: a forged
 * schema that generate would plan from and verify would compare the models with. So an entry, a
 * spare or a base is used only when the connecting role owns it (datdba is current_user: only
 * this role, or a superuser, can make such a database), and a copy is checked to come from the
 * database that lookup found (same oid, read on the copy's own session after the copy), so an
 * entry dropped and planted again between the two is not used either. A name taken by another
 * role is a miss, and publishing under it fails: those runs build every time, still correct.
 */
export const CACHE_PREFIX = 'pg_schema_cache_';
export const BUILD_PREFIX = 'pg_schema_shadow_build_';
/**
 * A copy of an entry that a run used read-only and handed back, instead of dropping it: DROP
 * DATABASE waits for a checkpoint (seconds on a busy server with fsync on), a rename does not.
 * The next hit takes it over by renaming it (one run wins the rename). Spares are plain databases
 * nobody connects to; a run's session on a copy refuses writes, and a run that must write (renames)
 * drops its copy instead of handing it back.
 */
export const SPARE_PREFIX = 'pg_schema_spare_';
const SPARES_PER_KEY = 2;
/** Entries kept per kind and scope (a service's migrations or models folder): the newest by oid. */
export const KEEP_PER_SCOPE = 3;
/** Entries kept per server (test suites make a new folder, so a new scope, every run). */
export const MAX_ENTRIES = 40;
const STALE_BUILD_S = 3600;

export type CacheKind = 'replay' | 'models';

export interface CachedDatabaseSpec {
  kind: CacheKind;
  /** scopeOf(folder): eviction keeps the newest KEEP_PER_SCOPE entries per kind and scope. */
  scope: string;
  /** replayKey / modelsKey (hex). */
  key: string;
  label: string;
  /** false: a plain throw-away database, always built (PG_SCHEMA_CACHE=off, a throw-away server). */
  enabled: boolean;
  /**
   * Replay only: entries a miss may start from, longest first (replay-bases.ts). Asked for on a
   * miss only.
   */
  bases?: () => ReplayBase[];
}

export interface CachedDatabase extends ShadowDatabase {
  /** The schema came from the cache: build() does nothing. */
  readonly hit: boolean;
  /** The cache is on for this database (a hit, or a miss that publishes its build). */
  readonly cached: boolean;
  /** The entry's database name (a hit), or the build's (a miss). */
  readonly source: string;
  /** On a miss: how many migrations the database already holds (copied from a base entry), else 0. */
  readonly builtOn: number;
  /** On a miss, builds the schema; it is published at drop() only when this resolved. */
  build(run: (client: pg.Client) => Promise<void>): Promise<void>;
  /**
   * Call before changing the schema (renames): on a miss, publishes the entry now and moves
   * `client` to a copy of it, so the entry stays what the files build.
   */
  forWrites(): Promise<void>;
}

type Server = { url: string; disposable?: boolean; private?: boolean };

/** Entry name of a kind, scope and key (63 bytes at most: 16 + 2 + 9 + 32). */
export function entryName(kind: CacheKind, scope: string, key: string): string {
  return `${CACHE_PREFIX}${kind[0]}_${scope}_${key.slice(0, 32)}`;
}

/** Prefix of an entry's spares (16 + 2 + 9 + 24 + 1, then 6 random hex: 58 bytes). */
function sparePrefix(kind: CacheKind, scope: string, key: string): string {
  return `${SPARE_PREFIX}${kind[0]}_${scope}_${key.slice(0, 24)}_`;
}

/**
 * A shadow database holding the schema of `spec.key`: a copy of the cached entry (a hit), or an
 * empty database that build() fills and drop() publishes (a miss).
 */
export async function openCachedDatabase(server: Server, spec: CachedDatabaseSpec): Promise<CachedDatabase> {
  if (!spec.enabled) return uncached(await createShadowDatabase(server, spec.label));
  const name = entryName(spec.kind, spec.scope, spec.key);
  const found = await lookup(server.url, name, sparePrefix(spec.kind, spec.scope, spec.key));
  if (found.entry !== undefined) {
    for (const spare of found.spares) {
      try {
        const copy = await createShadowDatabase(server, spec.label, { adopt: spare.name, readOnly: true });
        if (await isDatabase(copy.client, copy.name, spare.oid)) return hitOf(server, copy, name, spec);
        await copy.drop();
      } catch (error) {
        // Taken by another run (3D000) or still closing (55006): the next one, or a copy.
        if (!['3D000', '55006'].includes((error as { code?: string }).code ?? '')) throw error;
      }
    }
    try {
      const copy = await createShadowDatabase(server, spec.label, { template: name, readOnly: true });
      if (await isDatabase(copy.client, name, found.entry)) return hitOf(server, copy, name, spec);
      // The entry was replaced between the lookup and the copy: not what lookup checked.
      await copy.drop();
    } catch (error) {
      // Evicted between the lookup and the copy: build it again.
      if ((error as { code?: string }).code !== '3D000') throw error;
    }
  }
  const base = spec.bases ? await findBase(server.url, spec, spec.bases()) : undefined;
  if (base) {
    try {
      return await buildOf(server, spec, name, base);
    } catch (error) {
      // Evicted between the lookup and the copy, or still closing: from scratch.
      if (!['3D000', '55006'].includes((error as { code?: string }).code ?? '')) throw error;
    }
  }
  return buildOf(server, spec, name);
}

/** The longest base whose entry is on the server, as its entry name and migration count. */
async function findBase(
  serverUrl: string,
  spec: CachedDatabaseSpec,
  bases: ReplayBase[],
): Promise<{ entry: string; count: number; oid: number } | undefined> {
  if (bases.length === 0) return undefined;
  const named = bases.map((base) => ({
    entry: entryName(spec.kind, spec.scope, base.key),
    count: base.count,
  }));
  const admin = await connect(serverUrl);
  try {
    const { rows } = await admin.query<{ datname: string; oid: number }>(
      `SELECT datname, oid FROM pg_database
        WHERE datname = ANY($1) AND datistemplate AND NOT datallowconn AND ${OURS}`,
      [named.map((base) => base.entry)],
    );
    const found = new Map(rows.map((row) => [row.datname, row.oid]));
    const base = named.find((candidate) => found.has(candidate.entry));
    return base && { ...base, oid: found.get(base.entry)! };
  } finally {
    await admin.end().catch(() => undefined);
  }
}

function uncached(db: ShadowDatabase): CachedDatabase {
  return {
    ...db,
    hit: false,
    cached: false,
    source: db.name,
    builtOn: 0,
    build: (run) => run(db.client),
    forWrites: async () => undefined,
  };
}

function hitOf(server: Server, db: ShadowDatabase, entry: string, spec: CachedDatabaseSpec): CachedDatabase {
  let dirty = false;
  return {
    ...db,
    hit: true,
    cached: true,
    source: entry,
    builtOn: 0,
    build: async () => undefined,
    async forWrites() {
      dirty = true;
      await db.client.query('SET default_transaction_read_only = off');
    },
    async drop() {
      if (!dirty && (await handBack(server.url, db, sparePrefix(spec.kind, spec.scope, spec.key)))) return;
      await db.drop();
    },
  };
}

/** Renames a copy used read-only to a spare of its entry; false when it should be dropped. */
async function handBack(serverUrl: string, db: ShadowDatabase, prefix: string): Promise<boolean> {
  assertNotInterrupted();
  await db.client.end().catch(() => undefined);
  const admin = await connect(serverUrl).catch(() => undefined);
  if (!admin) return false;
  try {
    const { rows } = await admin.query(
      `SELECT 1 FROM pg_database WHERE starts_with(datname, $1) AND ${OURS}`,
      [prefix],
    );
    if (rows.length >= SPARES_PER_KEY) return false;
    const spare = `${prefix}${randomBytes(3).toString('hex')}`;
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(`ALTER DATABASE ${db.name} RENAME TO ${spare}`);
        return true;
      } catch (error) {
        if ((error as { code?: string }).code !== '55006' || attempt >= 40) return false;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  } finally {
    await admin.end().catch(() => undefined);
  }
}
async function buildOf(
  server: Server,
  spec: CachedDatabaseSpec,
  entry: string,
  base?: { entry: string; count: number; oid: number },
): Promise<CachedDatabase> {
  const buildName = `${BUILD_PREFIX}${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
  const building = await createShadowDatabase(server, spec.label, { name: buildName, template: base?.entry });
  if (base && !(await isDatabase(building.client, base.entry, base.oid))) {
    // The base was replaced between the lookup and the copy: from scratch.
    await building.drop();
    return buildOf(server, spec, entry);
  }
  let built = false;
  let current: ShadowDatabase = building;
  let published: Promise<boolean> | undefined;
  // Publishing happens once: at forWrites() or at drop(), whichever comes first.
  const publish = (): Promise<boolean> => {
    published ??= (async () => {
      // Ctrl-C before the rename drops the build (createShadowDatabase's cleanup); after it, that
      // cleanup's DROP DATABASE IF EXISTS names nothing any more.
      await building.client.end().catch(() => undefined);
      const ok = await publishEntry(server.url, buildName, entry).catch((error: Error) => {
        if (process.env.PG_SCHEMA_CACHE_DEBUG)
          process.stderr.write(`pg-schema cache: publish failed: ${error.message}\n`);
        return false;
      });
      if (ok) {
        await evict(server, spec, entry).catch(() => undefined);
      } else {
        // Not published (another run was first, or an error): a template cannot be dropped as is.
        await adminQuery(server.url, `ALTER DATABASE ${buildName} IS_TEMPLATE false`).catch(() => undefined);
        await building.drop();
      }
      return ok;
    })();
    return published;
  };
  const db: CachedDatabase = {
    get name() {
      return current.name;
    },
    get url() {
      return current.url;
    },
    get client() {
      return current.client;
    },
    hit: false,
    cached: true,
    source: buildName,
    builtOn: base?.count ?? 0,
    async build(run) {
      await run(building.client);
      built = true;
    },
    async forWrites() {
      if (current !== building) return;
      assertNotInterrupted();
      if (built && (await publish())) {
        current = await createShadowDatabase(server, spec.label, { template: entry });
      }
    },
    async drop() {
      if (current !== building) await current.drop();
      if (built && !published) await publish();
      else if (!published) await building.drop();
    },
  } as CachedDatabase;
  return db;
}

/** Template flags first, then the rename: an entry's name only ever names a finished template. */
async function publishEntry(serverUrl: string, buildName: string, entry: string): Promise<boolean> {
  const admin = await connect(serverUrl);
  try {
    await admin.query(`ALTER DATABASE ${buildName} WITH ALLOW_CONNECTIONS false IS_TEMPLATE true`);
    await admin.query(
      `COMMENT ON DATABASE ${buildName} IS ${quoteLiteral(`pg-schema cache entry, built ${new Date().toISOString()}; safe to drop (ALTER DATABASE ... IS_TEMPLATE false, then DROP DATABASE)`)}`,
    );
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(`ALTER DATABASE ${buildName} RENAME TO ${entry}`);
        return true;
      } catch (error) {
        const code = (error as { code?: string }).code;
        // 42P04: another run published the same key first; ours is dropped.
        if (code === '42P04') return false;
        // 55006: our own session to the build is still closing.
        if (code !== '55006' || attempt >= 60) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  } finally {
    await admin.end().catch(() => undefined);
  }
}

/**
 * SQL: the pg_database row is owned by the connecting role. Only that role or a superuser can make
 * or rename such a database (an entry of another role may be a forgery: module comment).
 */
const OURS = 'pg_get_userbyid(datdba) = current_user';

/** The finished entry's oid when there is one of ours, and our spares of it. */
async function lookup(
  serverUrl: string,
  name: string,
  prefix: string,
): Promise<{ entry: number | undefined; spares: Array<{ name: string; oid: number }> }> {
  const admin = await connect(serverUrl);
  try {
    const { rows } = await admin.query<{
      datname: string;
      oid: number;
      datistemplate: boolean;
      datallowconn: boolean;
    }>(
      `SELECT datname, oid, datistemplate, datallowconn FROM pg_database
        WHERE (datname = $1 OR starts_with(datname, $2)) AND ${OURS}`,
      [name, prefix],
    );
    return {
      entry: rows.find((row) => row.datname === name && row.datistemplate && !row.datallowconn)?.oid,
      spares: rows
        .filter((row) => row.datname !== name && !row.datistemplate)
        .map((row) => ({ name: row.datname, oid: row.oid })),
    };
  } finally {
    await admin.end().catch(() => undefined);
  }
}

/**
 * Keeps the newest KEEP_PER_SCOPE entries of this kind and scope and the newest MAX_ENTRIES of the
 * server (`keep` always), drops the others, the spares whose entry is gone, and build databases an
 * hour old (a run killed mid-build). Dropped means renamed to trash and dropped by a detached
 * process (background-drop.ts), so eviction does not make a run wait for checkpoints; on a shared
 * server holding SHARED_TRASH_LIMIT trash databases already, dropped at once. Best effort.
 */
async function evict(server: Server, spec: CachedDatabaseSpec, keep: string): Promise<void> {
  const serverUrl = server.url;
  const admin = await connect(serverUrl);
  try {
    const { rows } = await admin.query<{ datname: string; used: boolean }>(
      `SELECT datname, EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datid = d.oid) AS used
         FROM pg_database d
        WHERE starts_with(datname, $1) OR starts_with(datname, $2) OR starts_with(datname, $3)
        ORDER BY oid DESC`,
      [CACHE_PREFIX, SPARE_PREFIX, BUILD_PREFIX],
    );
    const names = rows.map((row) => row.datname);
    const entries = names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== keep);
    const scopePrefix = `${CACHE_PREFIX}${spec.kind[0]}_${spec.scope}_`;
    const drop = new Set([
      ...entries.filter((name) => name.startsWith(scopePrefix)).slice(KEEP_PER_SCOPE - 1),
      ...entries.slice(MAX_ENTRIES - 1),
    ]);
    const kept = new Set(
      [keep, ...entries.filter((name) => !drop.has(name))].map((name) => identity(name, CACHE_PREFIX)),
    );
    const now = Date.now() / 1000;
    for (const row of rows) {
      const name = row.datname;
      if (name.startsWith(SPARE_PREFIX) && !kept.has(identity(name, SPARE_PREFIX))) drop.add(name);
      if (
        name.startsWith(BUILD_PREFIX) &&
        !row.used &&
        now - Number(name.slice(BUILD_PREFIX.length).split('_')[0]) > STALE_BUILD_S
      )
        drop.add(name);
    }
    // DROP DATABASE waits for a checkpoint (about 200 ms each at 50 tables on the PG15 here,
    // seconds at 1000): entries go to the trash and a detached process drops them. On a shared
    // server only while its trash is small: a test suite that evicts faster than the droppers
    // drop then pays for its own drops instead of piling them up.
    let trash = server.private ? 0 : (await admin.query(TRASH_COUNT_SQL)).rows[0].count;
    let renamed = false;
    for (const name of drop) {
      try {
        if (!name.startsWith(SPARE_PREFIX)) await admin.query(`ALTER DATABASE ${name} IS_TEMPLATE false`);
        if (server.private || trash < SHARED_TRASH_LIMIT) {
          await admin.query(`ALTER DATABASE ${name} RENAME TO ${trashName()}`);
          renamed = true;
          trash++;
        } else await admin.query(`DROP DATABASE ${name}`);
      } catch {
        // in use (a spare being taken over) or gone: left for a later run
      }
    }
    // Also when the trash was full: the dropper takes every trash database nobody uses, so what
    // a killed process left behind goes too, and the next evictions are in the background again.
    if (renamed || trash >= SHARED_TRASH_LIMIT) dropInBackground(serverUrl, { now: true });
  } finally {
    await admin.end().catch(() => undefined);
  }
}

/** Trash databases on a shared server beyond which eviction drops at once (see evict). */
export const SHARED_TRASH_LIMIT = 4;

const TRASH_COUNT_SQL = `SELECT count(*)::int AS count FROM pg_database WHERE starts_with(datname, '${TRASH_PREFIX}')`;

/** `<kind>_<scope>_<first 24 of the key>`: what an entry and its spares share. */
function identity(name: string, prefix: string): string {
  return name.slice(prefix.length, prefix.length + 2 + 9 + 24);
}

async function dropEntry(admin: pg.Client, name: string): Promise<void> {
  if (!name.startsWith(SPARE_PREFIX)) await admin.query(`ALTER DATABASE ${name} IS_TEMPLATE false`);
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
}

/** Every entry and build database on the server (for `clear`): dropped, except builds in use. */
export async function clearCache(serverUrl: string): Promise<string[]> {
  const admin = await connect(serverUrl);
  const dropped: string[] = [];
  try {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database
        WHERE starts_with(datname, $1) OR starts_with(datname, $2) OR starts_with(datname, $3) ORDER BY 1`,
      [CACHE_PREFIX, BUILD_PREFIX, SPARE_PREFIX],
    );
    for (const { datname } of rows) {
      try {
        await dropEntry(admin, datname);
        dropped.push(datname);
      } catch {
        // a build in use by a running task
      }
    }
  } finally {
    await admin.end().catch(() => undefined);
  }
  return dropped;
}

/**
 * Whether `name` is still the database `oid` (pg_database is shared: any session of the server
 * reads it), asked after copying it: the copy then came from the database that was checked.
 */
async function isDatabase(client: pg.Client, name: string, oid: number): Promise<boolean> {
  const { rows } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1 AND oid = $2', [
    name,
    oid,
  ]);
  return rows.length === 1;
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

const fingerprints = new Map<string, Promise<string>>();

/**
 * What the server adds to a cache key: its major version, the user that owns what the build
 * creates, template0's encoding and locale, and the extensions (and default versions) it offers.
 * One query, once per server URL and process.
 */
export function serverFingerprint(serverUrl: string): Promise<string> {
  let found = fingerprints.get(serverUrl);
  if (!found) {
    found = (async () => {
      const admin = await connect(serverUrl);
      try {
        const { rows } = await admin.query<Record<string, string>>(
          `SELECT current_setting('server_version_num')::int / 10000 AS major, current_user AS owner,
                  (SELECT pg_encoding_to_char(encoding) || ' ' || datcollate || ' ' || datctype
                     FROM pg_database WHERE datname = 'template0') AS locale,
                  (SELECT string_agg(name || ' ' || coalesce(default_version, ''), ',' ORDER BY name)
                     FROM pg_available_extensions) AS extensions`,
        );
        return JSON.stringify(rows[0]);
      } finally {
        await admin.end().catch(() => undefined);
      }
    })();
    fingerprints.set(serverUrl, found);
    found.catch(() => fingerprints.delete(serverUrl));
  }
  return found;
}
