/**
 * A user-facing failure of the engine: `message` says what and where (file:line for SQL) and the
 * next step; callers print it without a stack trace and exit non-zero.
 */
export type PgSchemaErrorCode =
  | 'INVALID_MODELS'
  | 'MODELS_FAILED'
  | 'INVALID_MIGRATIONS'
  | 'REPLAY_FAILED'
  | 'RENAME_HINT'
  | 'MODEL_HINT'
  | 'SHADOW_UNAVAILABLE'
  | 'UNSUPPORTED_CHANGE'
  | 'UNSUPPORTED_OBJECT'
  | 'ENVIRONMENT'
  | 'LOCKED'
  | 'USAGE';

export class PgSchemaError extends Error {
  readonly code: PgSchemaErrorCode;
  constructor(code: PgSchemaErrorCode, message: string) {
    super(message);
    this.name = 'PgSchemaError';
    this.code = code;
  }
}
