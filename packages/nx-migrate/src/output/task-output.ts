import { AsyncLocalStorage } from 'node:async_hooks';

type Write = typeof process.stdout.write;

/** The output of the task running in the current async context, when it is being collected. */
const sinks = new AsyncLocalStorage<string[]>();
let installed = false;

/**
 * Runs `task` with everything it writes to stdout and stderr (console included) collected,
 * in order, instead of printed: in a batch, several services' tasks run at once in one process,
 * and Nx prints each task's output as one block when the task ends. Output of code outside a
 * collecting context is printed as before.
 */
export async function collectOutput<T>(task: () => Promise<T>): Promise<{ value: T; output: string }> {
  install();
  const chunks: string[] = [];
  const value = await sinks.run(chunks, task);
  return { value, output: chunks.join('') };
}

function install(): void {
  if (installed) return;
  installed = true;
  for (const stream of [process.stdout, process.stderr]) {
    const write: Write = stream.write.bind(stream);
    stream.write = function collect(chunk: unknown, encoding?: unknown, callback?: unknown): boolean {
      const sink = sinks.getStore();
      if (!sink) return (write as (...args: unknown[]) => boolean)(chunk, encoding, callback);
      sink.push(
        typeof chunk === 'string'
          ? chunk
          : Buffer.from(chunk as Uint8Array).toString(
              typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8',
            ),
      );
      const done = typeof encoding === 'function' ? encoding : callback;
      if (typeof done === 'function') process.nextTick(done as () => void);
      return true;
    } as Write;
  }
}
