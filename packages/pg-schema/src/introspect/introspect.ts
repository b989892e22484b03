import type { ClientBase, QueryResult } from 'pg';
import { emptyCatalog, type Catalog } from '../catalog/catalog.js';
import { catalogObjectIds } from '../catalog/catalog-objects.js';
import { addressesOf, OBJECT_KINDS } from '../objects/registry.js';
import { readUnsupported } from '../completeness/read-unsupported.js';
import { ANNOTATIONS_SQL, USER_OBJECTS_SQL } from '../completeness/user-objects.sql.js';
import type { ObjectRow } from '../completeness/classify.js';
import { dependenciesOf, queryDependencies } from './dependencies.js';
import { params, type QueryParams } from './filter.js';
import { queryJsonRows } from './json-rows.js';
import { prefetchClient, ReadLanes, turnClient } from './read-lanes.js';

export interface IntrospectOptions {
  /** Schemas to read; default every non-system schema. */
  schemas?: string[];
  /** Tables to leave out, as `schema.name` (the migrations table by default). */
  ignoreTables?: string[];
  /** false: privileges and default privileges are not read (managed outside the migrations). */
  privileges?: boolean;
  /**
   * Objects managed outside the migrations, as the completeness check names them (e.g.
   * `publication app_pub`): left out of `unsupported` (see src/completeness/).
   */
  ignoreObjects?: string[];
  /**
   * Connections that read at once (default 3: the caller's client and two more of the same
   * database, opened with its connection parameters and closed after the read); 1 reads on the
   * caller's client alone.
   */
  connections?: number;
  /**
   * The caller reads this client many times (verify's replay, after every migration): its
   * queries become named statements, planned once per connection. Only for our own shadow
   * databases: a pooler in transaction mode (PgBouncer) may not keep them. Not part of what
   * shapes the catalog (cache keys leave it out).
   */
  prepare?: boolean;
}

export const DEFAULT_IGNORED_TABLES = ['public.schema_migrations', 'public.schema_create_all'];

/** Connections besides the caller's that read in parallel (2 cores here; more only queue). */
const SIBLINGS = 2;

/**
 * Reads one database into a Catalog with a fixed number of queries (one or two per object kind),
 * in one read-only snapshot and with an empty search_path so every printed name is
 * schema-qualified. The queries run at once on the caller's client and `siblings` more
 * connections that share its snapshot (introspect/read-lanes.ts); the kinds still assemble the
 * catalog one after another in registry order, each when its own queries are back.
 */
export async function introspectCatalog(
  client: ClientBase,
  options: IntrospectOptions = {},
): Promise<Catalog> {
  const filter = {
    schemas: options.schemas ?? null,
    ignoreTables: options.ignoreTables ?? DEFAULT_IGNORED_TABLES,
    privileges: options.privileges ?? true,
  };
  const lanes = await ReadLanes.open(
    client,
    options.connections === undefined ? SIBLINGS : options.connections - 1,
    options.prepare === true,
  );
  const lanesClient = { query: lanes.query } as unknown as ClientBase;
  try {
    // Neither depends on the catalog: asked for first, used once every kind is read.
    const dependencyRows = queryDependencies(lanesClient);
    dependencyRows.catch(() => undefined);
    const prefetched = prefetchUnsupported(lanesClient, filter);
    const catalog = emptyCatalog();
    let turn: Promise<unknown> = Promise.resolve();
    for (const kind of OBJECT_KINDS) {
      if (!kind.read) continue;
      // Started now (its queries go out at once), its rows handed over after the kinds before it.
      const done = kind.read(turnClient(lanes.query, turn), filter, catalog);
      done.catch(() => undefined);
      // A kind that asks nothing (privileges not managed) is done at once: the turn still waits
      // for the kinds before it.
      turn = Promise.all([turn, done]);
    }
    await turn;
    const known = catalogObjectIds(catalog);
    // Every kind is read: what the schemas hold that no kind read, in the same snapshot.
    catalog.unsupported = await readUnsupported(
      prefetchClient(lanes.query, prefetched),
      filter,
      catalog,
      known,
      options.ignoreObjects,
    );
    const dependencies = dependenciesOf(await dependencyRows, addressesOf(OBJECT_KINDS));
    for (const [id, refs] of Object.entries(dependencies)) {
      if (!known.has(id)) continue;
      const kept = refs.filter((ref) => known.has(ref));
      if (kept.length > 0) catalog.dependencies[id] = kept;
    }
    return catalog;
  } finally {
    await lanes.close();
  }
}

/**
 * The completeness check's two catalog queries, started with the kinds' (see readUnsupported);
 * its list of every user object as one JSON document (oids cast to numbers as pg parses them).
 */
function prefetchUnsupported(client: ClientBase, filter: QueryParams): Map<string, Promise<QueryResult>> {
  const objects = queryJsonRows<ObjectRow>(
    client,
    `SELECT o.classid::int8 AS classid, o.objid::int8 AS objid, o.type, o.names, o.args FROM (${USER_OBJECTS_SQL}) o`,
    [...params(filter)],
    ['classid', 'objid', 'type', 'names', 'args'],
  ).then((rows) => ({ rows }) as unknown as QueryResult);
  const annotations = client.query(ANNOTATIONS_SQL);
  for (const early of [objects, annotations]) early.catch(() => undefined);
  return new Map([
    [USER_OBJECTS_SQL, objects],
    [ANNOTATIONS_SQL, annotations],
  ]);
}
