import { availableParallelism } from 'node:os';
import type { ExecutorContext } from '@nx/devkit';
import { reportError } from '../output/report-error.js';
import { collectOutput } from '../output/task-output.js';
import { runInOrder } from './run-in-order.js';

/** Nx's TaskGraph, as much of it as a batch reads. */
export interface BatchTaskGraph {
  tasks: Record<string, { id: string; target: { project: string; target: string; configuration?: string } }>;
  dependencies: Record<string, string[]>;
}

export interface BatchTaskResult {
  task: string;
  result: {
    success: boolean;
    terminalOutput: string;
    startTime?: number;
    endTime?: number;
    status?: 'skipped';
  };
}

type Executor<Options> = (options: Options, context: ExecutorContext) => Promise<{ success: boolean }>;

/**
 * An executor's batch implementation (Nx's batch mode, preferred in executors.json): every task
 * Nx runs as its own process pays about 1.5 s of CPU to start Node twice and load Nx, the plugin
 * and the engine before doing anything. Here each task runs the same executor with its own options
 * and context, its output collected and handed to Nx when it ends; a few run at once, a task whose
 * dependency failed is skipped.
 */
export function batchOf<Options>(executor: Executor<Options>) {
  return async function batch(
    taskGraph: BatchTaskGraph,
    inputs: Record<string, Options>,
    _overrides: Options,
    context: ExecutorContext,
  ): Promise<AsyncIterableIterator<BatchTaskResult>> {
    return results(executor, taskGraph, inputs, context);
  };
}

async function* results<Options>(
  executor: Executor<Options>,
  taskGraph: BatchTaskGraph,
  inputs: Record<string, Options>,
  context: ExecutorContext,
): AsyncGenerator<BatchTaskResult> {
  const runTask = async (id: string): Promise<BatchTaskResult['result']> => {
    const { target } = taskGraph.tasks[id];
    const startTime = Date.now();
    const { value, output } = await collectOutput(async () => {
      try {
        return await executor(inputs[id], {
          ...context,
          projectName: target.project,
          targetName: target.target,
          configurationName: target.configuration,
        });
      } catch (error) {
        // The executor reports its own failures; this is only for what escapes it.
        reportError(`${target.project}:${target.target}`, error);
        return { success: false };
      }
    });
    return { success: value.success, terminalOutput: output, startTime, endTime: Date.now() };
  };
  const ids = Object.keys(taskGraph.tasks);
  for await (const outcome of runInOrder(
    ids,
    taskGraph.dependencies,
    concurrency(),
    runTask,
    (r) => r.success,
  )) {
    yield 'result' in outcome
      ? { task: outcome.id, result: outcome.result }
      : {
          task: outcome.id,
          result: {
            success: false,
            status: 'skipped',
            terminalOutput: `not run: ${outcome.skippedBecause} failed\n`,
          },
        };
  }
}

/**
 * How many tasks run at once: NX_PARALLEL when set (Nx does not hand --parallel to a batch), else
 * one more than the cores, as the tasks mostly wait on Postgres.
 */
function concurrency(): number {
  const asked = Number(process.env.NX_PARALLEL);
  return Number.isInteger(asked) && asked > 0 ? asked : availableParallelism() + 1;
}
