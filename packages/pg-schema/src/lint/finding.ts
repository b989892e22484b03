export type LintLevel = 'error' | 'warning' | 'info';

export interface LintFinding {
  rule: string;
  level: LintLevel;
  message: string;
  /** Line in the migration file, when the finding comes from a file. */
  line?: number;
  /** Accepted by a `-- lint:accept <rule>` line in the file: reported, never failing. */
  accepted?: boolean;
}

const ORDER: Record<LintLevel, number> = { info: 0, warning: 1, error: 2 };

/** Findings at or above the level that fails, not accepted. */
export function failingFindings(findings: LintFinding[], failOn: LintLevel | 'none'): LintFinding[] {
  if (failOn === 'none') return [];
  return findings.filter((f) => !f.accepted && ORDER[f.level] >= ORDER[failOn]);
}

export function describeFinding(finding: LintFinding): string {
  return `${finding.level}${finding.accepted ? ' (accepted)' : ''} ${finding.rule}: ${finding.message}`;
}
