import type { Catalog } from '../catalog/catalog.js';
import { catalogRecordKey, readCatalogRecord, writeCatalogRecord } from '../cache/catalog-records.js';
import { openCachedDatabase, type CachedDatabase, type CachedDatabaseSpec } from '../cache/template-cache.js';
import { introspectCatalog, type IntrospectOptions } from '../introspect/introspect.js';
import { provideShadowRoles, type ShadowRoles } from '../shadow/shadow-roles.js';
import type { CacheUse, MigrationPlan } from './plan-migration.js';

/** One side of a plan: the committed migrations' schema (current) or the models' (desired). */
export interface SchemaSide {
  spec: CachedDatabaseSpec;
  /** Fills the database on a miss (`db.build(...)`; a hit does nothing). */
  build(db: CachedDatabase): Promise<void>;
}

/** What the plan's cleanup releases: every database opened, and the roles' claim. */
export interface SchemaResources {
  databases: CachedDatabase[];
  roles?: ShadowRoles;
}

export interface PlanSchemas {
  current: Catalog;
  desired: Catalog;
  cache: MigrationPlan['cache'];
  /**
   * Both databases (renames write into them, cast paths are asked of them): a side that came from
   * its record is opened, and built if its entry is gone, on the first call.
   */
  databases(): Promise<[CachedDatabase, CachedDatabase]>;
}

type Server = Parameters<typeof openCachedDatabase>[0] & Parameters<typeof provideShadowRoles>[0];
type Timer = <T>(stage: string, run: () => Promise<T>) => Promise<T>;

/**
 * The catalogs of both sides. A side whose build was introspected before (a catalog record of its
 * cache key: files, engine, server, roles, and these introspection options) is read from the
 * record, as a plan record is; the others are opened (a copy of their cached template, or a
 * build), introspected, and recorded for next time. In the everyday case, models changed and
 * migrations did not, that is the replay's template copy and its introspection saved; the models
 * side's record is the one verify keeps too.
 */
export async function planSchemas(
  server: Server,
  sides: [SchemaSide, SchemaSide],
  options: { shadowRoles: string[]; introspect: IntrospectOptions; time: Timer; resources: SchemaResources },
): Promise<PlanSchemas> {
  const { time, resources } = options;
  // With the cache on, a side's catalog is recorded under its cache key and these options: a
  // build read before gives its catalog from the record, its database opened only if needed.
  const recordKeys = sides.map((side) =>
    side.spec.enabled ? catalogRecordKey(side.spec.key, options.introspect) : undefined,
  );
  const recorded = recordKeys.map((key) => (key ? readCatalogRecord(key) : undefined));
  const opened: Array<CachedDatabase | undefined> = [undefined, undefined];
  const open = async (which: number[], stages: { create: string; build: string }) => {
    const databases = await time(stages.create, async () => {
      const results = await Promise.allSettled(which.map((i) => openCachedDatabase(server, sides[i].spec)));
      for (const result of results) if (result.status === 'fulfilled') resources.databases.push(result.value);
      for (const result of results) if (result.status === 'rejected') throw result.reason;
      return results.map((result) => (result as PromiseFulfilledResult<CachedDatabase>).value);
    });
    which.forEach((side, i) => (opened[side] = databases[i]));
    // The roles both sides' files name, claimed in the first database opened.
    resources.roles ??= await time('roles', () =>
      provideShadowRoles(server, options.shadowRoles, databases[0]),
    );
    await time(stages.build, () => Promise.all(which.map((side, i) => sides[side].build(databases[i]))));
  };
  const missing = [0, 1].filter((i) => recorded[i] === undefined);
  if (missing.length > 0) await open(missing, { create: 'create databases', build: 'build schemas' });
  // Two reads at once keep both cores busy already: each on its own connection (at 50 tables
  // 116-125 ms against 133-150 with two siblings each); one read alone takes its siblings.
  const read = missing.length > 1 ? { ...options.introspect, connections: 1 } : options.introspect;
  const [current, desired] = await time('introspect', () =>
    Promise.all([0, 1].map((i) => recorded[i] ?? introspectCatalog(opened[i]!.client, read))),
  );
  // Read from a database nothing wrote into yet: what the side's key builds.
  for (const i of missing) {
    const key = recordKeys[i];
    if (key && opened[i]!.cached) writeCatalogRecord(key, i === 0 ? current : desired);
  }
  const cacheUse = (i: number): CacheUse =>
    recorded[i] ? 'hit' : opened[i]!.hit ? 'hit' : opened[i]!.cached ? 'miss' : 'off';
  const cache: PlanSchemas['cache'] = {
    replay: cacheUse(0),
    models: cacheUse(1),
    recorded: (['replay', 'models'] as const).filter((_, i) => recorded[i] !== undefined),
  };
  if ((opened[0]?.builtOn ?? 0) > 0) cache.replayBuiltOn = opened[0]!.builtOn;
  let both: Promise<[CachedDatabase, CachedDatabase]> | undefined;
  return {
    current,
    desired,
    cache,
    databases() {
      both ??= (async () => {
        const later = [0, 1].filter((i) => opened[i] === undefined);
        if (later.length > 0)
          await open(later, { create: 'open recorded databases', build: 'build recorded databases' });
        return [opened[0]!, opened[1]!];
      })();
      return both;
    },
  };
}
