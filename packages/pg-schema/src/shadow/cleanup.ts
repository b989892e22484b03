/**
 * Cleanups that must run even when the user presses Ctrl-C: shadow databases, the embedded
 * server and its temp folder, the generate lock. On SIGINT/SIGTERM every registered cleanup runs
 * (and every one already running is awaited) before the process exits with the usual signal code.
 * The work in flight may fail meanwhile (its connections are closed); callers ask
 * `wasInterrupted()` and wait for `runCleanups()` instead of exiting first, and nothing is
 * written once `assertNotInterrupted()` throws.
 */
export interface Cleanup {
  /** Runs the cleanup once; later calls (and the signal handler) share the same promise. */
  run(): Promise<void>;
  /** The resource is gone another way: never run this cleanup. */
  forget(): void;
}

const pending = new Set<() => Promise<void>>();
const inFlight = new Set<Promise<void>>();
let installed = false;
let interrupted: NodeJS.Signals | undefined;

/** A signal that keeps the process alive longer than this exits anyway (a hung server stop). */
const CLEANUP_DEADLINE_MS = 20_000;

export function registerCleanup(cleanup: () => Promise<void>): Cleanup {
  installSignalHandlers();
  let promise: Promise<void> | undefined;
  const run = (): Promise<void> => {
    if (!promise) {
      pending.delete(run);
      const started = cleanup();
      promise = started;
      inFlight.add(started);
      void started.catch(() => undefined).finally(() => inFlight.delete(started));
    }
    return promise;
  };
  pending.add(run);
  return { run, forget: () => pending.delete(run) };
}

/**
 * Runs every registered cleanup and waits for those already running (an owner's own drop in
 * progress when the signal came); errors are left to the owners.
 */
export async function runCleanups(): Promise<void> {
  while (pending.size > 0 || inFlight.size > 0) {
    for (const run of [...pending]) void run().catch(() => undefined);
    await Promise.allSettled([...inFlight]);
  }
}

export function wasInterrupted(): NodeJS.Signals | undefined {
  return interrupted;
}

/** Raised once a signal asked the run to stop: nothing new is started, nothing is written. */
export class InterruptedError extends Error {
  readonly signal: NodeJS.Signals;
  constructor(signal: NodeJS.Signals) {
    super(`pg-schema: ${signal} received; not starting anything new`);
    this.name = 'InterruptedError';
    this.signal = signal;
  }
}

export function assertNotInterrupted(): void {
  if (interrupted) throw new InterruptedError(interrupted);
}

export const SIGNAL_EXIT_CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

/** From now on SIGINT/SIGTERM run the cleanups and exit 130/143 (also with none registered yet). */
export function installSignalHandlers(): void {
  if (installed) return;
  installed = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => onSignal(signal));
}

function onSignal(signal: NodeJS.Signals): void {
  if (interrupted) {
    // A second Ctrl-C while cleaning up: finish the cleanup rather than leave things behind.
    process.stderr.write(`pg-schema: ${signal} received again; still cleaning up...\n`);
    return;
  }
  interrupted = signal;
  process.stderr.write(`\npg-schema: ${signal} received, removing shadow databases and temp folders...\n`);
  const code = SIGNAL_EXIT_CODES[signal];
  setTimeout(() => process.exit(code), CLEANUP_DEADLINE_MS).unref();
  void runCleanups().finally(() => process.exit(code));
}
