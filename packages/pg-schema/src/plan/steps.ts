import type { Phase, PlannedStatement } from './statement.js';

/**
 * The slots steps can fill, in order: `pre` (outside a transaction: ALTER TYPE ... ADD VALUE),
 * then rounds of `main`, `concurrent`, `validate`, `post`. A statement that needs one of a later
 * round (a foreign key to a key added USING INDEX, then validated) moves to the next round.
 */
const ROUND: Phase[] = ['main', 'concurrent', 'validate', 'post'];

function slotPhase(slot: number): Phase {
  return slot === 0 ? 'pre' : ROUND[(slot - 1) % ROUND.length];
}

/** The slots a statement of each phase may go in: plain transactional ones also after validations. */
const FITS: Record<Phase, Phase[]> = {
  pre: ['pre', 'concurrent'],
  main: ['main', 'post'],
  concurrent: ['concurrent'],
  validate: ['validate'],
  post: ['post'],
};

/**
 * Groups ordered statements into steps: each statement goes in the first slot of its phase that
 * comes no earlier than the statements it needs (a later one than those in `committed`, which
 * must have committed first), so every dependency still runs first. Within a step, statements
 * keep their order; empty slots are left out. A pure function of the order: deterministic.
 */
export function assignSteps(
  ordered: PlannedStatement[],
  before: Map<PlannedStatement, PlannedStatement[]>,
): Array<{ phase: Phase; statements: PlannedStatement[] }> {
  const slots = new Map<PlannedStatement, number>();
  for (const s of ordered) {
    let min = 0;
    for (const p of before.get(s) ?? []) {
      const slot = slots.get(p);
      // A statement on a cycle may come before one it needs: the order placed it so already.
      if (slot === undefined) continue;
      const mustCommit = p.creates.some((id) => s.committed.includes(id));
      min = Math.max(min, slot + (mustCommit ? 1 : 0));
    }
    let slot = min;
    while (!FITS[s.phase].includes(slotPhase(slot))) slot++;
    slots.set(s, slot);
  }
  const bySlot = new Map<number, PlannedStatement[]>();
  for (const s of ordered) {
    const slot = slots.get(s)!;
    const list = bySlot.get(slot);
    if (list) list.push(s);
    else bySlot.set(slot, [s]);
  }
  return [...bySlot.keys()]
    .sort((a, b) => a - b)
    .map((slot) => ({ phase: slotPhase(slot), statements: bySlot.get(slot)! }));
}
