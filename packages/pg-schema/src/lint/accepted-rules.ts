import { HAZARD_KINDS } from '../hazards/hazard.js';
import type { LintFinding } from './finding.js';
import { ALL_RULES } from './rules/all-rules.js';

const ACCEPT = /^--\s*lint:accept\s+(.+)$/gm;

/** Rules accepted in a migration file with `-- lint:accept drop-column, rename` lines. */
export function acceptedRules(fileText: string): Set<string> {
  const rules = new Set<string>();
  for (const match of fileText.matchAll(ACCEPT)) {
    for (const rule of match[1].split(/[\s,]+/)) if (rule) rules.add(rule);
  }
  return rules;
}

/** Accepted by its id or by one of squawk's names for it. */
export function isAccepted(rule: string, accepted: Set<string>): boolean {
  if (accepted.has(rule)) return true;
  return ALL_RULES.find((r) => r.id === rule)?.squawk.some((name) => accepted.has(name)) ?? false;
}

export function markAccepted(findings: LintFinding[], accepted: Set<string>): LintFinding[] {
  return findings.map((finding) =>
    isAccepted(finding.rule, accepted) ? { ...finding, accepted: true } : finding,
  );
}

/** Names in `-- lint:accept` lines that are neither a rule, one of squawk's names, nor `hazard:<kind>`. */
export function unknownAccepts(accepted: Set<string>): string[] {
  const known = new Set([
    ...ALL_RULES.flatMap((rule) => [rule.id, ...rule.squawk]),
    ...HAZARD_KINDS.map((kind) => `hazard:${kind}`),
  ]);
  return [...accepted].filter((name) => !known.has(name));
}
