import { isInitManagerError, readModelFiles } from '@bakery-ia/init-manager';
import type { Catalog } from '../catalog/catalog.js';
import { PgSchemaError } from '../errors.js';
import { introspectCatalog } from '../introspect/introspect.js';
import { applyModels } from '../models/apply-models.js';
import { acquireShadowServer } from '../shadow/shadow-server.js';
import { createShadowDatabase } from '../shadow/shadow-database.js';
import { provideShadowRoles, rolesToProvide, type ShadowRoles } from '../shadow/shadow-roles.js';

/** The catalog the models build, in a throw-away shadow database. */
export async function describeModels(options: {
  modelsDir: string;
  shadowUrl?: string;
  schemas?: string[];
  /** false: the models' privilege statements are left out. */
  privileges?: boolean;
}): Promise<Catalog> {
  const models = await readModelFiles(options.modelsDir).catch((error) => {
    throw isInitManagerError(error) ? new PgSchemaError('INVALID_MODELS', error.message) : error;
  });
  const server = await acquireShadowServer(options.shadowUrl);
  try {
    const db = await createShadowDatabase(server, 'docs');
    let roles: ShadowRoles | undefined;
    try {
      roles = await provideShadowRoles(server, rolesToProvide(models, [], options), db);
      await applyModels(db.client, models, options);
      return await introspectCatalog(db.client, { schemas: options.schemas, privileges: options.privileges });
    } finally {
      await db.drop();
      await roles?.release();
    }
  } finally {
    await server.release();
  }
}
