/**
 * How a step that fails on lock_timeout (SQLSTATE 55P03) is retried: rolled back, then run again
 * after a jittered exponential wait, at most `retries` times. No other error is retried.
 */
export interface LockRetryPolicy {
  /** Retries after the first attempt; 0 = fail at the first lock timeout. */
  retries: number;
  /** Wait before the first retry; doubles for each next one. */
  delayMs: number;
  /** Cap of one wait. */
  maxDelayMs: number;
}

export const DEFAULT_LOCK_RETRIES = 5;
export const DEFAULT_LOCK_RETRY_DELAY_MS = 500;
export const DEFAULT_LOCK_RETRY_MAX_DELAY_MS = 10_000;

export function lockRetryPolicy(options: {
  lockRetries?: number;
  lockRetryDelayMs?: number;
  lockRetryMaxDelayMs?: number;
}): LockRetryPolicy {
  return {
    retries: Math.max(0, Math.floor(options.lockRetries ?? DEFAULT_LOCK_RETRIES)),
    delayMs: Math.max(0, options.lockRetryDelayMs ?? DEFAULT_LOCK_RETRY_DELAY_MS),
    maxDelayMs: Math.max(0, options.lockRetryMaxDelayMs ?? DEFAULT_LOCK_RETRY_MAX_DELAY_MS),
  };
}

/**
 * The wait before retry `retry` (1-based): delay, 2x, 4x, ... capped, then between half and all of
 * it, so replicas or sessions that timed out together do not come back together.
 */
export function lockRetryDelay(policy: LockRetryPolicy, retry: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.delayMs * 2 ** (retry - 1));
  return Math.round(ceiling * (0.5 + Math.random() * 0.5));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** `0.4 s` */
export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}
