import type { QueryResult } from 'pg';
import { prefetchClient, turnClient, type Query } from './read-lanes';

/** A query function whose answers come back in the order `finish` releases them. */
function controlledQuery() {
  const pending = new Map<string, (result: QueryResult) => void>();
  const asked: string[] = [];
  const query: Query = (text) =>
    new Promise<QueryResult>((resolve) => {
      asked.push(text);
      pending.set(text, resolve);
    });
  const finish = (text: string) => pending.get(text)!({ rows: [{ text }] } as unknown as QueryResult);
  return { query, asked, finish };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('turnClient', () => {
  it('sends every reader query at once but hands rows over in reader order', async () => {
    const { query, asked, finish } = controlledQuery();
    const order: string[] = [];
    let turn: Promise<unknown> = Promise.resolve();
    const reads = ['a', 'b', 'c'].map((name) => {
      const client = turnClient(query, turn);
      const done = client.query(name).then(() => order.push(name));
      turn = done;
      return done;
    });
    await tick();
    expect(asked).toEqual(['a', 'b', 'c']);
    finish('c');
    finish('b');
    await tick();
    expect(order).toEqual([]);
    finish('a');
    await Promise.all(reads);
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('gives a reader its failure, never an unhandled rejection, even before its turn', async () => {
    let turnOpen!: () => void;
    const turn = new Promise<void>((resolve) => (turnOpen = resolve));
    const client = turnClient(() => Promise.reject(new Error('boom')), turn);
    const result = client.query('x');
    await tick();
    turnOpen();
    await expect(result).rejects.toThrow('boom');
  });
});

describe('prefetchClient', () => {
  it('answers the first query of a prefetched text with the early result, later ones anew', async () => {
    const { query, asked, finish } = controlledQuery();
    const early = Promise.resolve({ rows: [{ text: 'early' }] } as unknown as QueryResult);
    const client = prefetchClient(query, new Map([['q', early]]));
    await expect(client.query('q')).resolves.toMatchObject({ rows: [{ text: 'early' }] });
    const again = client.query('q');
    await tick();
    finish('q');
    await expect(again).resolves.toMatchObject({ rows: [{ text: 'q' }] });
    expect(asked).toEqual(['q']);
  });
});
