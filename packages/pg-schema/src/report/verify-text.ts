import type { VerifyReport } from '../verify/verify-report.js';

const MARK = { passed: 'ok  ', failed: 'FAIL', skipped: 'skip' } as const;

/** Human output of migrate-verify: one line per check, then each problem with its file and fix. */
export function formatVerifyText(report: VerifyReport, label = 'migrations'): string {
  const lines = [`Verifying ${label} (${report.migrations} migration(s), shadow: ${report.shadow})`];
  for (const check of report.checks) {
    lines.push(`  ${MARK[check.status]} ${check.title}${check.note ? ` (${check.note})` : ''}`);
    for (const problem of check.problems) {
      // Messages that already start with their file (formatted problems) are not prefixed again.
      const located = problem.file && !problem.message.startsWith(problem.file);
      const where = located ? `${problem.file}${problem.line ? `:${problem.line}` : ''}: ` : '';
      lines.push(indent(`${where}${problem.message}`, 7));
      if (problem.fix) lines.push(indent(`fix: ${problem.fix}`, 9));
      if (problem.sql) lines.push(indent(problem.sql.trimEnd(), 11));
    }
  }
  const failed = report.checks.filter((c) => c.status === 'failed').length;
  lines.push(
    failed === 0
      ? `All checks passed in ${(report.durationMs / 1000).toFixed(1)} s.`
      : `${failed} check(s) failed in ${(report.durationMs / 1000).toFixed(1)} s.`,
  );
  return lines.join('\n') + '\n';
}

function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((line) => pad + line)
    .join('\n');
}
