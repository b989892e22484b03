/**
 * The one error type init-manager throws. `code` is stable (tests and callers switch on it);
 * `message` is the user-facing sentence (what, where, next step) and never holds a password.
 */
export type InitManagerErrorCode =
  | 'INVALID_OPTIONS'
  | 'INVALID_MIGRATIONS'
  | 'SUM_MISMATCH'
  | 'CHECKSUM_MISMATCH'
  | 'APPLIED_MIGRATION_MISSING'
  | 'OUT_OF_ORDER_MIGRATION'
  | 'MISSING_HISTORY_ROW'
  | 'NO_MIGRATIONS'
  | 'UNMANAGED_OBJECTS'
  | 'MODELS_CHANGED'
  | 'LOCK_TIMEOUT'
  | 'CONNECTION_FAILED'
  | 'MIGRATION_FAILED'
  | 'PARTIAL_MIGRATION_CHANGED'
  | 'INVALID_MODELS'
  | 'MODELS_FAILED';

export interface MigrationProblem {
  file: string;
  line?: number;
  message: string;
}

export class InitManagerError extends Error {
  readonly code: InitManagerErrorCode;
  readonly problems: MigrationProblem[];

  constructor(code: InitManagerErrorCode, message: string, problems: MigrationProblem[] = []) {
    super(message);
    this.name = 'InitManagerError';
    this.code = code;
    this.problems = problems;
  }
}

export function isInitManagerError(error: unknown): error is InitManagerError {
  return error instanceof InitManagerError;
}
