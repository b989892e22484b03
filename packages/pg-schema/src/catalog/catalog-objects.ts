import type { Catalog } from './catalog.js';
import { ids } from './object-id.js';

/** Every object id the catalog holds, including columns and table constraints. */
export function catalogObjectIds(catalog: Catalog): Set<string> {
  const out = new Set<string>();
  const maps = [
    catalog.schemas,
    catalog.extensions,
    catalog.enums,
    catalog.domains,
    catalog.composites,
    catalog.sequences,
    catalog.tables,
    catalog.indexes,
    catalog.views,
    catalog.functions,
    catalog.triggers,
    catalog.policies,
  ];
  for (const map of maps) for (const id of Object.keys(map)) out.add(id);
  for (const table of Object.values(catalog.tables)) {
    for (const column of table.columns) out.add(ids.column(table.schema, table.name, column.name));
    for (const name of Object.keys(table.constraints))
      out.add(ids.constraint(table.schema, table.name, name));
  }
  return out;
}
