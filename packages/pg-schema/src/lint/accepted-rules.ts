import type { LintFinding } from './finding.js';

const ACCEPT = /^--\s*lint:accept\s+(.+)$/gm;

/** Rules accepted in a migration file with `-- lint:accept drop-column, rename` lines. */
export function acceptedRules(fileText: string): Set<string> {
  const rules = new Set<string>();
  for (const match of fileText.matchAll(ACCEPT)) {
    for (const rule of match[1].split(/[\s,]+/)) if (rule) rules.add(rule);
  }
  return rules;
}

export function markAccepted(findings: LintFinding[], accepted: Set<string>): LintFinding[] {
  return findings.map((finding) => (accepted.has(finding.rule) ? { ...finding, accepted: true } : finding));
}
