import type { ExecutorContext } from '@nx/devkit';
import type { BatchTaskGraph, BatchTaskResult } from '../batch';

/** A task graph of `svc` tasks named `svc:<target>`, with the dependencies given (none by default). */
export function batchGraph(ids: string[], dependencies: Record<string, string[]> = {}): BatchTaskGraph {
  return {
    tasks: Object.fromEntries(
      ids.map((id) => [id, { id, target: { project: 'svc', target: id.split(':')[1] } }]),
    ),
    dependencies: Object.fromEntries(ids.map((id) => [id, dependencies[id] ?? []])),
  };
}

type Batch<Options> = (
  graph: BatchTaskGraph,
  inputs: Record<string, Options>,
  overrides: Options,
  context: ExecutorContext,
) => Promise<AsyncIterableIterator<BatchTaskResult>>;

/** Runs a batch to its end: each task's result, and the order in which they ended. */
export async function runBatch<Options>(
  batch: Batch<Options>,
  graph: BatchTaskGraph,
  inputs: Record<string, Options>,
  context: ExecutorContext,
): Promise<{ results: Record<string, BatchTaskResult['result']>; order: string[] }> {
  const results: Record<string, BatchTaskResult['result']> = {};
  const order: string[] = [];
  for await (const { task, result } of await batch(graph, inputs, {} as Options, context)) {
    results[task] = result;
    order.push(task);
  }
  return { results, order };
}
