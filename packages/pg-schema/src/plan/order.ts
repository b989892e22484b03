import type { PlannedStatement } from './statement.js';

export interface OrderResult {
  statements: PlannedStatement[];
  /** Statements that sat on a dependency cycle and were placed by rank alone. */
  cycles: PlannedStatement[];
  /** For each statement, those that must run before it (the edges of the order). */
  before: Map<PlannedStatement, PlannedStatement[]>;
}

/**
 * Orders statements so that everything a statement needs exists before it, everything that
 * still uses an object is gone before the object is dropped, and a relation name is released
 * (dropped or renamed) before a statement gives it to another object; among free statements, the lowest
 * rank then key goes first (Kahn's algorithm), which keeps the output stable run after run.
 */
export function orderStatements(input: PlannedStatement[]): OrderResult {
  const creators = indexBy(input, (s) => s.creates);
  const droppers = indexBy(input, (s) => s.drops);
  const releasers = indexBy(input, (s) => s.releases);
  const nameFreers = indexBy(input, (s) => s.freesNames);
  const edges = input.map(() => new Set<number>());
  const addEdge = (from: number, to: number) => {
    if (from !== to) edges[from].add(to);
  };
  input.forEach((s, i) => {
    for (const id of s.requires) for (const c of creators.get(id) ?? []) addEdge(c, i);
    for (const id of s.drops) {
      for (const r of releasers.get(id) ?? []) addEdge(r, i);
      for (const c of creators.get(id) ?? []) if (!input[c].drops.includes(id)) addEdge(i, c);
    }
    for (const id of s.afterDropOf) for (const d of droppers.get(id) ?? []) addEdge(d, i);
    // A name is reused only once whatever held it is dropped or renamed.
    for (const name of s.takesNames) for (const f of nameFreers.get(name) ?? []) addEdge(f, i);
  });

  const indegree = input.map(() => 0);
  edges.forEach((targets) => targets.forEach((t) => indegree[t]++));
  // Candidates are kept in a heap of their positions in (rank, key) order.
  const order = input.map((_, i) => i).sort((a, b) => compare(input[a], input[b]));
  const position = new Array<number>(input.length);
  order.forEach((statementIndex, pos) => (position[statementIndex] = pos));
  const ready = new MinHeap();
  input.forEach((_, i) => indegree[i] === 0 && ready.push(position[i]));
  const done = new Set<number>();
  const out: PlannedStatement[] = [];
  const cycles: PlannedStatement[] = [];
  let scan = 0;
  while (out.length < input.length) {
    let next: number;
    if (ready.size > 0) {
      next = order[ready.pop()];
    } else {
      while (done.has(order[scan])) scan++;
      next = order[scan];
      cycles.push(input[next]);
    }
    if (done.has(next)) continue;
    done.add(next);
    out.push(input[next]);
    for (const t of edges[next]) if (--indegree[t] === 0 && !done.has(t)) ready.push(position[t]);
  }
  const before = new Map<PlannedStatement, PlannedStatement[]>(input.map((s) => [s, []]));
  edges.forEach((targets, from) => targets.forEach((to) => before.get(input[to])!.push(input[from])));
  return { statements: out, cycles, before };
}

class MinHeap {
  private items: number[] = [];
  get size(): number {
    return this.items.length;
  }
  push(value: number): void {
    const items = this.items;
    items.push(value);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent] <= items[i]) break;
      [items[parent], items[i]] = [items[i], items[parent]];
      i = parent;
    }
  }
  pop(): number {
    const items = this.items;
    const top = items[0];
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < items.length && items[left] < items[smallest]) smallest = left;
        if (right < items.length && items[right] < items[smallest]) smallest = right;
        if (smallest === i) break;
        [items[smallest], items[i]] = [items[i], items[smallest]];
        i = smallest;
      }
    }
    return top;
  }
}

function compare(a: PlannedStatement, b: PlannedStatement): number {
  return (
    a.rank - b.rank ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) ||
    (a.sql < b.sql ? -1 : a.sql > b.sql ? 1 : 0)
  );
}

function indexBy(
  statements: PlannedStatement[],
  keys: (s: PlannedStatement) => string[],
): Map<string, number[]> {
  const map = new Map<string, number[]>();
  statements.forEach((s, i) => {
    for (const key of keys(s)) {
      const list = map.get(key);
      if (list) list.push(i);
      else map.set(key, [i]);
    }
  });
  return map;
}
