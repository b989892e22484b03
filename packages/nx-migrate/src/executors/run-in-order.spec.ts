import { runInOrder, type Outcome } from './run-in-order';

async function collect<R>(outcomes: AsyncGenerator<Outcome<R>>): Promise<Outcome<R>[]> {
  const all: Outcome<R>[] = [];
  for await (const outcome of outcomes) all.push(outcome);
  return all;
}

describe('runInOrder', () => {
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('runs at most `concurrency` at once and yields each outcome as it ends', async () => {
    let running = 0;
    let most = 0;
    const durations: Record<string, number> = { a: 40, b: 5, c: 5, d: 5 };
    const outcomes = await collect(
      runInOrder(
        Object.keys(durations),
        {},
        2,
        async (id) => {
          most = Math.max(most, ++running);
          await pause(durations[id]);
          running--;
          return id;
        },
        () => true,
      ),
    );
    expect(most).toBe(2);
    expect(outcomes.map((outcome) => outcome.id)).toEqual(['b', 'c', 'd', 'a']);
  });

  it('starts an item after its dependencies succeed, and skips it when one failed', async () => {
    const started: string[] = [];
    const outcomes = await collect(
      runInOrder(
        ['child', 'parent', 'broken', 'orphan', 'outside'],
        { child: ['parent'], orphan: ['broken'], outside: ['not-in-batch'] },
        4,
        async (id) => {
          started.push(id);
          await pause(id === 'parent' ? 20 : 1);
          return id !== 'broken';
        },
        (ok) => ok,
      ),
    );
    expect(started.indexOf('child')).toBeGreaterThan(started.indexOf('parent'));
    expect(started).not.toContain('orphan');
    expect(outcomes).toContainEqual({ id: 'orphan', skippedBecause: 'broken' });
    expect(outcomes).toContainEqual({ id: 'outside', result: true });
    expect(outcomes).toHaveLength(5);
  });
});
