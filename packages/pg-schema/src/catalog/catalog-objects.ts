import { OBJECT_KINDS } from '../objects/registry.js';
import type { Catalog } from './catalog.js';
import { ids } from './object-id.js';

/** Every object id the catalog holds, of every kind (columns and table constraints included, inherited ones too). */
export function catalogObjectIds(catalog: Catalog): Set<string> {
  const out = new Set<string>();
  for (const kind of OBJECT_KINDS) for (const id of Object.keys(kind.objects(catalog))) out.add(id);
  // What a partition or child holds from its parents (TableInfo.inherited) is seen with its table.
  for (const table of Object.values(catalog.tables)) {
    for (const name of Object.keys(table.inherited?.constraints ?? {}))
      out.add(ids.constraint(table.schema, table.name, name));
    for (const index of Object.values(table.inherited?.indexes ?? {}))
      out.add(ids.index(index.schema, index.name));
  }
  return out;
}
