import { runInOrder, type Outcome } from './run-in-order';

/** A task the test ends by hand: no timers, so the order does not depend on the machine's load. */
function controlled() {
  const started: string[] = [];
  const finish = new Map<string, (ok: boolean) => void>();
  const run = (id: string) =>
    new Promise<boolean>((resolve) => {
      started.push(id);
      finish.set(id, resolve);
    });
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { started, run, end: async (id: string, ok = true) => (finish.get(id)!(ok), settle()), settle };
}

async function drain<R>(outcomes: AsyncGenerator<Outcome<R>>, into: Outcome<R>[]): Promise<void> {
  for await (const outcome of outcomes) into.push(outcome);
}

describe('runInOrder', () => {
  it('runs at most `concurrency` at once and yields each outcome as it ends', async () => {
    const tasks = controlled();
    const outcomes: Outcome<boolean>[] = [];
    const done = drain(
      runInOrder(['a', 'b', 'c', 'd'], {}, 2, tasks.run, (ok) => ok),
      outcomes,
    );
    await tasks.settle();
    expect(tasks.started).toEqual(['a', 'b']);
    await tasks.end('b');
    expect(tasks.started).toEqual(['a', 'b', 'c']);
    await tasks.end('c');
    await tasks.end('d');
    await tasks.end('a');
    await done;
    expect(outcomes.map((outcome) => outcome.id)).toEqual(['b', 'c', 'd', 'a']);
  });

  it('starts an item after its dependencies succeed, and skips it when one failed', async () => {
    const tasks = controlled();
    const outcomes: Outcome<boolean>[] = [];
    const done = drain(
      runInOrder(
        ['child', 'parent', 'broken', 'orphan', 'outside'],
        { child: ['parent'], orphan: ['broken'], outside: ['not-in-batch'] },
        4,
        tasks.run,
        (ok) => ok,
      ),
      outcomes,
    );
    await tasks.settle();
    // child waits for parent, orphan for broken; a dependency outside the batch does not hold.
    expect(tasks.started).toEqual(['parent', 'broken', 'outside']);
    await tasks.end('broken', false);
    expect(outcomes).toContainEqual({ id: 'orphan', skippedBecause: 'broken' });
    await tasks.end('parent');
    expect(tasks.started).toContain('child');
    await tasks.end('child');
    await tasks.end('outside');
    await done;
    expect(tasks.started).not.toContain('orphan');
    expect(outcomes).toHaveLength(5);
  });
});
