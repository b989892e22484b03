import type { HazardKind } from './hazard.js';
import type { Blocks, LockMode } from './lock-mode.js';
import { strongerLock } from './lock-mode.js';

export interface RawEffect {
  kind: HazardKind;
  /** The relation it is on; effects on relations created by the migration are dropped. */
  table?: string;
  /** What happens, e.g. `rewrites public.users (type of age)`; the lock is added to it. */
  what: string;
  /** What it blocks when that is not what the lock mode says (e.g. a materialized view has no writers). */
  blocks?: Blocks;
}

/** A statement's locks and effects before relations created by the migration are left out. */
export interface RawHazards {
  /** Strongest lock per relation. */
  locks: Map<string, LockMode>;
  effects: RawEffect[];
  /** What the statement does not do that a reader may fear, e.g. `no rewrite: ...`; shown with its lock. */
  notes: string[];
  lock(table: string, mode: LockMode): void;
  note(text: string): void;
  effect(kind: HazardKind, table: string | undefined, what: string, blocks?: Blocks): void;
}

export function rawHazards(): RawHazards {
  const raw: RawHazards = {
    locks: new Map(),
    effects: [],
    notes: [],
    note(text) {
      raw.notes.push(text);
    },
    lock(table, mode) {
      raw.locks.set(table, strongerLock(mode, raw.locks.get(table)));
    },
    effect(kind, table, what, blocks) {
      raw.effects.push({ kind, ...(table ? { table } : {}), what, ...(blocks ? { blocks } : {}) });
    },
  };
  return raw;
}
