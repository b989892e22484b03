import type { VerifyReport } from '../verify/verify-report.js';

/** JUnit XML: one test suite per run, one test case per check, a failure per failed check. */
export function formatVerifyJunit(report: VerifyReport, suiteName: string): string {
  const failures = report.checks.filter((c) => c.status === 'failed').length;
  const skipped = report.checks.filter((c) => c.status === 'skipped').length;
  const cases = report.checks.map((check) => {
    const open = `    <testcase classname="${xml(suiteName)}" name="${xml(check.title)}" time="${(check.durationMs / 1000).toFixed(3)}"`;
    if (check.status === 'skipped')
      return `${open}>\n      <skipped message="${xml(check.note ?? '')}"/>\n    </testcase>`;
    if (check.status === 'passed') return `${open}/>`;
    const body = check.problems
      .map(
        (p) =>
          `${p.file ? `${p.file}${p.line ? `:${p.line}` : ''}: ` : ''}${p.message}${p.fix ? `\nfix: ${p.fix}` : ''}${p.sql ? `\n${p.sql}` : ''}`,
      )
      .join('\n\n');
    const first = check.problems[0]?.message.split('\n')[0] ?? 'failed';
    return `${open}>\n      <failure message="${xml(first)}">${xml(body)}</failure>\n    </testcase>`;
  });
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="migrate-verify" tests="${report.checks.length}" failures="${failures}" skipped="${skipped}" time="${(report.durationMs / 1000).toFixed(3)}">\n` +
    `  <testsuite name="${xml(suiteName)}" tests="${report.checks.length}" failures="${failures}" skipped="${skipped}">\n` +
    `${cases.join('\n')}\n  </testsuite>\n</testsuites>\n`
  );
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
