import type { ClientBase } from 'pg';
import { emptyCatalog, type Catalog } from '../catalog/catalog.js';
import { catalogObjectIds } from '../catalog/catalog-objects.js';
import { addressesOf, OBJECT_KINDS } from '../objects/registry.js';
import { readUnsupported } from '../completeness/read-unsupported.js';
import { readDependencies } from './dependencies.js';

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
}

export const DEFAULT_IGNORED_TABLES = ['public.schema_migrations', 'public.schema_create_all'];

/**
 * Reads one database into a Catalog with a fixed number of queries (one per object kind, in
 * registry order), in one read-only snapshot and with an empty search_path so every printed name
 * is schema-qualified.
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
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    await client.query(`SET LOCAL search_path = ''`);
    const catalog = emptyCatalog();
    for (const kind of OBJECT_KINDS) await kind.read?.(client, filter, catalog);
    const known = catalogObjectIds(catalog);
    // Every kind is read: what the schemas hold that no kind read, in the same snapshot.
    catalog.unsupported = await readUnsupported(client, filter, catalog, known, options.ignoreObjects);
    const dependencies = await readDependencies(client, addressesOf(OBJECT_KINDS));
    for (const [id, refs] of Object.entries(dependencies)) {
      if (!known.has(id)) continue;
      const kept = refs.filter((ref) => known.has(ref));
      if (kept.length > 0) catalog.dependencies[id] = kept;
    }
    return catalog;
  } finally {
    await client.query('COMMIT');
  }
}
