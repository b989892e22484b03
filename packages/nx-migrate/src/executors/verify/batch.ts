import { availableParallelism } from 'node:os';
import type { ExecutorContext } from '@nx/devkit';
import { reportError } from '../../output/report-error.js';
import { collectOutput } from '../../output/task-output.js';
import { runInOrder } from '../run-in-order.js';
import verifyExecutor from './executor.js';
import type { VerifyExecutorOptions } from './schema.js';

/** Nx's TaskGraph, as much of it as a batch reads. */
interface BatchTaskGraph {
  tasks: Record<string, { id: string; target: { project: string; target: string; configuration?: string } }>;
  dependencies: Record<string, string[]>;
}

interface BatchTaskResult {
  task: string;
  result: {
    success: boolean;
    terminalOutput: string;
    startTime?: number;
    endTime?: number;
    status?: 'skipped';
  };
}

/**
 * migrate-verify for many services in one process (Nx's batch mode, preferred by executors.json):
 * every task run by Nx as its own process paid about 1.5 s of CPU to start Node twice and load Nx,
 * the plugin and the engine before verifying anything. Each task runs the same executor with its
 * own context, its output collected and handed to Nx when it ends; a few run at once.
 */
export default async function verifyBatch(
  taskGraph: BatchTaskGraph,
  inputs: Record<string, VerifyExecutorOptions>,
  _overrides: VerifyExecutorOptions,
  context: ExecutorContext,
): Promise<AsyncIterableIterator<BatchTaskResult>> {
  return results(taskGraph, inputs, context);
}

async function* results(
  taskGraph: BatchTaskGraph,
  inputs: Record<string, VerifyExecutorOptions>,
  context: ExecutorContext,
): AsyncGenerator<BatchTaskResult> {
  const runTask = async (id: string): Promise<BatchTaskResult['result']> => {
    const { target } = taskGraph.tasks[id];
    const startTime = Date.now();
    const { value, output } = await collectOutput(async () => {
      try {
        return await verifyExecutor(inputs[id], {
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
 * How many tasks verify at once: NX_PARALLEL when set (Nx does not hand --parallel to a batch),
 * else one more than the cores, as verifies mostly wait on Postgres.
 */
function concurrency(): number {
  const asked = Number(process.env.NX_PARALLEL);
  return Number.isInteger(asked) && asked > 0 ? asked : availableParallelism() + 1;
}
