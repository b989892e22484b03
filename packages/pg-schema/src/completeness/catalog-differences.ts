import type { Catalog } from '../catalog/catalog.js';
import { comparableCatalog } from '../catalog/comparable.js';

/**
 * Where two catalogs differ, as paths (`tables.table:public.t.unlogged`), comparing what the
 * kinds make comparable. `dependencies` (pg_depend edges, which the same schema built in another
 * order may record differently) and `unsupported` (checked before any diff) are left out.
 */
export function catalogDifferences(a: Catalog, b: Catalog, limit = 5): string[] {
  const out: string[] = [];
  const left = comparableCatalog(a);
  const right = comparableCatalog(b);
  for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
    if (key === 'dependencies' || key === 'unsupported') continue;
    compare(field(left, key), field(right, key), key, out, limit);
  }
  return out;
}

function compare(a: unknown, b: unknown, path: string, out: string[], limit: number): void {
  if (out.length >= limit || a === b) return;
  if (isRecord(a) && isRecord(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
      compare(a[key], b[key], `${path}.${key}`, out, limit);
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push(path);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function field(catalog: Catalog, key: string): unknown {
  return Object.entries(catalog).find(([name]) => name === key)?.[1];
}
