import { ids } from '../../catalog/object-id.js';
import type { DiffContext } from '../../diff/context.js';

const cyclicCache = new WeakMap<DiffContext, Set<string>>();

/**
 * Foreign keys between dropped tables that form a cycle (a references b, b references a): they are
 * dropped on their own first, since neither DROP TABLE could go before the other.
 */
export function cyclicForeignKeys(ctx: DiffContext): Set<string> {
  const cached = cyclicCache.get(ctx);
  if (cached) return cached;
  const dropped = Object.keys(ctx.current.tables).filter((id) => !ctx.desired.tables[id]);
  const droppedSet = new Set(dropped);
  const edges = new Map<string, Array<{ to: string; constraint: string }>>();
  for (const id of dropped) {
    const table = ctx.current.tables[id];
    const list = Object.values(table.constraints).flatMap((c) =>
      c.type === 'foreign' && c.references && c.references !== id && droppedSet.has(c.references)
        ? [{ to: c.references, constraint: ids.constraint(table.schema, table.name, c.name) }]
        : [],
    );
    edges.set(id, list);
  }
  const reaches = (from: string, target: string): boolean => {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node === target) return true;
      if (seen.has(node)) continue;
      seen.add(node);
      for (const edge of edges.get(node) ?? []) stack.push(edge.to);
    }
    return false;
  };
  const out = new Set<string>();
  for (const [from, list] of edges)
    for (const edge of list) if (reaches(edge.to, from)) out.add(edge.constraint);
  cyclicCache.set(ctx, out);
  return out;
}
