import { emptyCatalog } from '../catalog/catalog';
import type { ObjectKindModule } from '../objects/kind';
import { newContext } from './context';
import { diffObjects, kindOfObject } from './diff-objects';

interface Thing {
  name: string;
  size: number;
}

/** A kind that records what the loop asks of it. */
function recordingKind(calls: string[], dropsFirst = false): ObjectKindModule<Thing> {
  return {
    name: 'thing',
    idKind: 'table',
    objects: () => ({}),
    diff: {
      create: (_ctx, id) => calls.push(`create ${id}`),
      drop: (_ctx, id) => calls.push(`drop ${id}`),
      alter: (_ctx, id, c, d) => calls.push(`alter ${id} ${c.size}->${d.size}`),
      dropsFirst,
    },
  };
}

const current = {
  'table:b': { name: 'b', size: 1 },
  'table:c': { name: 'c', size: 1 },
  'table:a': { name: 'a', size: 1 },
};
const desired = {
  'table:c': { name: 'c', size: 2 },
  'table:d': { name: 'd', size: 1 },
  'table:a': { name: 'a', size: 1 },
};

describe('diffObjects', () => {
  it('creates, drops and alters in id order and records creates and drops', () => {
    const calls: string[] = [];
    const kind = recordingKind(calls);
    const ctx = newContext([kind], emptyCatalog(), emptyCatalog());
    diffObjects(ctx, kind, current, desired);
    expect(calls).toEqual(['alter table:a 1->1', 'drop table:b', 'alter table:c 1->2', 'create table:d']);
    expect(ctx.changes).toEqual([
      { action: 'drop', object: 'table:b' },
      { action: 'create', object: 'table:d' },
    ]);
    expect([...ctx.gone]).toEqual(['table:b']);
  });

  it('drops first when the kind asks, in the order of the current catalog', () => {
    const calls: string[] = [];
    const kind = recordingKind(calls, true);
    const ctx = newContext([kind], emptyCatalog(), emptyCatalog());
    diffObjects(ctx, kind, { ...current, 'table:0': { name: '0', size: 1 } }, desired);
    expect(calls.slice(0, 2)).toEqual(['drop table:b', 'drop table:0']);
  });

  it('writes no drop for what goes with its parent, but still marks it gone', () => {
    const calls: string[] = [];
    const kind = recordingKind(calls);
    const ctx = newContext([kind], emptyCatalog(), emptyCatalog());
    ctx.implicitlyDropped.add('table:b');
    diffObjects(ctx, kind, current, desired);
    expect(calls).not.toContain('drop table:b');
    expect(ctx.gone.has('table:b')).toBe(true);
    expect(ctx.changes).toContainEqual({ action: 'drop', object: 'table:b' });
  });

  it('finds the kind that holds an id among kinds sharing a prefix', () => {
    const catalog = emptyCatalog();
    catalog.domains['type:public.d'] = {
      schema: 'public',
      name: 'd',
      baseType: 'text',
      notNull: false,
      constraints: {},
    };
    const enums: ObjectKindModule<unknown> = { name: 'enum', idKind: 'type', objects: (c) => c.enums };
    const domains: ObjectKindModule<unknown> = { name: 'domain', idKind: 'type', objects: (c) => c.domains };
    expect(kindOfObject([enums, domains], catalog, 'type:public.d')?.name).toBe('domain');
    expect(kindOfObject([enums, domains], catalog, 'type:public.e')).toBeUndefined();
  });
});
