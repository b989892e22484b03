/** Postgres' table-level lock modes, weakest first (https://www.postgresql.org/docs/current/explicit-locking.html). */
export const LOCK_MODES = [
  'ACCESS SHARE',
  'ROW SHARE',
  'ROW EXCLUSIVE',
  'SHARE UPDATE EXCLUSIVE',
  'SHARE',
  'SHARE ROW EXCLUSIVE',
  'EXCLUSIVE',
  'ACCESS EXCLUSIVE',
] as const;

export type LockMode = (typeof LOCK_MODES)[number];

/** What a lock held by the migration makes ordinary sessions wait for. */
export type Blocks = 'reads and writes' | 'writes' | 'nothing';

/**
 * Reads (SELECT, ACCESS SHARE) conflict only with ACCESS EXCLUSIVE; writes (INSERT/UPDATE/DELETE,
 * ROW EXCLUSIVE) conflict with SHARE and every stronger mode. SHARE UPDATE EXCLUSIVE and weaker
 * modes only conflict with other schema changes and VACUUM.
 */
export function blocksOf(mode: LockMode): Blocks {
  if (mode === 'ACCESS EXCLUSIVE') return 'reads and writes';
  return LOCK_MODES.indexOf(mode) >= LOCK_MODES.indexOf('SHARE') ? 'writes' : 'nothing';
}

export function strongerLock(a: LockMode, b: LockMode | undefined): LockMode {
  return b !== undefined && LOCK_MODES.indexOf(b) > LOCK_MODES.indexOf(a) ? b : a;
}

/** `pg_locks.mode` spelling of a lock mode, e.g. `AccessExclusiveLock`. */
export function pgLocksMode(mode: LockMode): string {
  return (
    mode
      .toLowerCase()
      .split(' ')
      .map((word) => word[0].toUpperCase() + word.slice(1))
      .join('') + 'Lock'
  );
}
