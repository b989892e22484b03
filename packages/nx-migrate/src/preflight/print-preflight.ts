import type { PreflightCheck } from '../kubernetes/index.js';

const LABEL = { ok: 'ok     ', warning: 'warning', failure: 'FAILED ' } as const;

export function formatPreflight(checks: PreflightCheck[]): string {
  const width = Math.max(...checks.map((c) => c.name.length));
  return [
    'Pre-flight:',
    ...checks.map((c) => `  ${LABEL[c.status]} ${c.name.padEnd(width)}  ${c.detail}`),
  ].join('\n');
}

export function hasFailure(checks: PreflightCheck[]): boolean {
  return checks.some((check) => check.status === 'failure');
}
