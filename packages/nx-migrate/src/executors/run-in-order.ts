/** What one item of a batch ended with. */
export type Outcome<R> = { id: string; result: R } | { id: string; skippedBecause: string };

/**
 * Runs `run` for every item, at most `concurrency` at once, an item only once the items it
 * depends on (within the batch) have succeeded, and yields each outcome as it ends. An item
 * whose dependency failed is not run: it is yielded as skipped, naming that dependency.
 */
export async function* runInOrder<R>(
  ids: readonly string[],
  dependencies: Readonly<Record<string, readonly string[]>>,
  concurrency: number,
  run: (id: string) => Promise<R>,
  succeeded: (result: R) => boolean,
): AsyncGenerator<Outcome<R>> {
  const inBatch = new Set(ids);
  const pending = [...ids];
  const ok = new Map<string, boolean>();
  const running = new Map<string, Promise<Outcome<R>>>();
  while (pending.length > 0 || running.size > 0) {
    for (let i = 0; i < pending.length && running.size < concurrency;) {
      const id = pending[i];
      const deps = (dependencies[id] ?? []).filter((dep) => inBatch.has(dep));
      const failed = deps.find((dep) => ok.get(dep) === false);
      if (failed !== undefined) {
        pending.splice(i, 1);
        ok.set(id, false);
        yield { id, skippedBecause: failed };
        i = 0;
        continue;
      }
      if (deps.every((dep) => ok.get(dep) === true)) {
        pending.splice(i, 1);
        running.set(
          id,
          run(id).then((result) => ({ id, result })),
        );
        continue;
      }
      i++;
    }
    if (running.size === 0) break;
    const outcome = await Promise.race(running.values());
    running.delete(outcome.id);
    ok.set(outcome.id, 'result' in outcome && succeeded(outcome.result));
    yield outcome;
  }
}
