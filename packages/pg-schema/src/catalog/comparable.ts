import { OBJECT_KINDS } from '../objects/registry.js';
import type { Catalog } from './catalog.js';

/**
 * A copy of a catalog in which texts that print differently across Postgres versions are made
 * comparable by each kind (view queries through their parse trees, columns by name).
 */
export function comparableCatalog(catalog: Catalog): Catalog {
  const copy = structuredClone(catalog);
  for (const kind of OBJECT_KINDS) {
    if (!kind.comparable) continue;
    for (const object of Object.values(kind.objects(copy))) kind.comparable(object);
  }
  return copy;
}
