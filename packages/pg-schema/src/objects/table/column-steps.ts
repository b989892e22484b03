import type { PlannedStatement } from '../../plan/statement.js';

/**
 * Keeps the in-place changes of one column in the order given, whatever their ranks and other
 * edges: Postgres accepts them only so (DROP IDENTITY before SET DEFAULT or DROP NOT NULL, DROP
 * DEFAULT before ADD ... AS IDENTITY, the type before the new default and identity). Each
 * statement requires a marker the previous one creates; the markers name no catalog object.
 */
export function chainColumnSteps(columnId: string, steps: PlannedStatement[]): PlannedStatement[] {
  steps.forEach((step, index) => {
    step.creates.push(stepMarker(columnId, index));
    if (index > 0) step.requires.push(stepMarker(columnId, index - 1));
  });
  return steps;
}

function stepMarker(columnId: string, index: number): string {
  return `${columnId}#step${index}`;
}
