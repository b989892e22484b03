/**
 * Cleanups that must run even when the user presses Ctrl-C: shadow databases and the embedded
 * server are removed on SIGINT/SIGTERM before the process exits with the usual signal code.
 * The work in flight may fail meanwhile (its connections are closed); callers ask
 * `wasInterrupted()` and wait for `runCleanups()` instead of exiting first.
 */
const pending = new Set<() => Promise<void>>();
let installed = false;
let interrupted: NodeJS.Signals | undefined;
let running: Promise<void> | undefined;

export function registerCleanup(cleanup: () => Promise<void>): () => void {
  pending.add(cleanup);
  installSignalHandlers();
  return () => pending.delete(cleanup);
}

/** Runs every registered cleanup once; a second call waits for the same work. */
export function runCleanups(): Promise<void> {
  if (pending.size === 0) return running ?? Promise.resolve();
  const all = [...pending];
  pending.clear();
  const batch = Promise.allSettled(all.map((cleanup) => cleanup())).then(() => undefined);
  running = running ? running.then(() => batch) : batch;
  return running;
}

export function wasInterrupted(): NodeJS.Signals | undefined {
  return interrupted;
}

/** Nothing new may be created once a signal asked the run to stop (its cleanup may be over). */
export function assertNotInterrupted(): void {
  if (interrupted) throw new Error(`pg-schema: ${interrupted} received; not starting anything new`);
}

export const SIGNAL_EXIT_CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

function installSignalHandlers(): void {
  if (installed) return;
  installed = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      interrupted = signal;
      process.stderr.write(`\npg-schema: ${signal} received, removing shadow databases...\n`);
      void runCleanups().finally(() => process.exit(SIGNAL_EXIT_CODES[signal]));
    });
  }
}
