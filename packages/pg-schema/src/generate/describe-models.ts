import { isInitManagerError, readModelFiles } from '@bakery-ia/init-manager';
import type { Catalog } from '../catalog/catalog.js';
import { PgSchemaError } from '../errors.js';
import { introspectCatalog } from '../introspect/introspect.js';
import { applyModels } from '../models/apply-models.js';
import { acquireShadowServer } from '../shadow/shadow-server.js';
import { createShadowDatabase } from '../shadow/shadow-database.js';

/** The catalog the models build, in a throw-away shadow database. */
export async function describeModels(options: {
  modelsDir: string;
  shadowUrl?: string;
  schemas?: string[];
}): Promise<Catalog> {
  const models = await readModelFiles(options.modelsDir).catch((error) => {
    throw isInitManagerError(error) ? new PgSchemaError('INVALID_MODELS', error.message) : error;
  });
  const server = await acquireShadowServer(options.shadowUrl);
  try {
    const db = await createShadowDatabase(server, 'docs');
    try {
      await applyModels(db.client, models);
      return await introspectCatalog(db.client, { schemas: options.schemas });
    } finally {
      await db.drop();
    }
  } finally {
    await server.release();
  }
}
