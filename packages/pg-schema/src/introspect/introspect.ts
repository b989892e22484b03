import type { ClientBase } from 'pg';
import { emptyCatalog, type Catalog } from '../catalog/catalog.js';
import { catalogObjectIds } from '../catalog/catalog-objects.js';
import { readConstraints } from './constraints.js';
import { readDependencies } from './dependencies.js';
import { compositeKind } from '../objects/composite/composite.kind.js';
import { domainKind } from '../objects/domain/domain.kind.js';
import { enumKind } from '../objects/enum/enum.kind.js';
import { extensionKind } from '../objects/extension/extension.kind.js';
import { functionKind } from '../objects/function/function.kind.js';
import { indexKind } from '../objects/index/index.kind.js';
import { policyKind } from '../objects/policy/policy.kind.js';
import { schemaKind } from '../objects/schema/schema.kind.js';
import { sequenceKind } from '../objects/sequence/sequence.kind.js';
import { triggerKind } from '../objects/trigger/trigger.kind.js';
import { viewKind } from '../objects/view/view.kind.js';
import { readTables } from './tables.js';

export interface IntrospectOptions {
  /** Schemas to read; default every non-system schema. */
  schemas?: string[];
  /** Tables to leave out, as `schema.name` (the migrations table by default). */
  ignoreTables?: string[];
}

export const DEFAULT_IGNORED_TABLES = ['public.schema_migrations', 'public.schema_create_all'];

/**
 * Reads one database into a Catalog with a fixed number of queries (one per object kind), in one
 * read-only snapshot and with an empty search_path so every printed name is schema-qualified.
 */
export async function introspectCatalog(
  client: ClientBase,
  options: IntrospectOptions = {},
): Promise<Catalog> {
  const filter = {
    schemas: options.schemas ?? null,
    ignoreTables: options.ignoreTables ?? DEFAULT_IGNORED_TABLES,
  };
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    await client.query(`SET LOCAL search_path = ''`);
    const catalog = emptyCatalog();
    for (const kind of [schemaKind, extensionKind, enumKind, domainKind, compositeKind, sequenceKind])
      await kind.read?.(client, filter, catalog);
    catalog.tables = await readTables(client, filter);
    await readConstraints(client, filter, catalog.tables);
    for (const kind of [functionKind, indexKind, viewKind, triggerKind, policyKind])
      await kind.read?.(client, filter, catalog);
    const known = catalogObjectIds(catalog);
    const dependencies = await readDependencies(client);
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
