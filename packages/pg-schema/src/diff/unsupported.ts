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
