/**
 * A change Postgres cannot make in place and the engine does not write: generate stops with this
 * message (what changes, why, what to write by hand) rather than emit SQL that fails or loses data.
 */
export class UnsupportedChangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedChangeError';
  }
}

/** Runs a diff for a report (verify): a change the engine cannot write comes back as the error, to be reported. */
export function diffOrUnsupported<T>(run: () => T): T | UnsupportedChangeError {
  try {
    return run();
  } catch (error) {
    if (error instanceof UnsupportedChangeError) return error;
    throw error;
  }
}
