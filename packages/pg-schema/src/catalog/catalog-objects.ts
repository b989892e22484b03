import { OBJECT_KINDS } from '../objects/registry.js';
import type { Catalog } from './catalog.js';

/** Every object id the catalog holds, of every kind (columns and table constraints included). */
export function catalogObjectIds(catalog: Catalog): Set<string> {
  const out = new Set<string>();
  for (const kind of OBJECT_KINDS) for (const id of Object.keys(kind.objects(catalog))) out.add(id);
  return out;
}
