const report = require('./report.js') as {
  failureClass(stage: string, message: string): string;
  formatSummary(report: unknown): string;
};

describe('real-history: the summary', () => {
  it('puts the same bug met on different objects in one failure class', () => {
    const a = report.failureClass(
      'down',
      '0002_to_0011.sql:150: relation "sessions_pkey" already exists (SQLSTATE 42P07)',
    );
    const b = report.failureClass(
      'down',
      '0007_to_0042.sql:9: relation "users_pkey" already exists (SQLSTATE 42P07)',
    );
    expect(a).toBe(b);
    expect(
      report.failureClass(
        'column order after up',
        'TABLE public.feeds: column order expected (…, b, a), got (…, a, b); TABLE public.users: x',
      ),
    ).toBe(
      report.failureClass(
        'column order after up',
        'TABLE public.users: column order expected (…, d, c), got (…, c, d)',
      ),
    );
    expect(a).not.toBe(
      report.failureClass(
        'up',
        '0002_to_0011.sql:150: relation "sessions_pkey" already exists (SQLSTATE 42P07)',
      ),
    );
  });

  it('prints a row per step and server, totals and the failure classes', () => {
    const lane = (label: string, failed: boolean) => ({
      label,
      server: `${label} server`,
      ms: 2000,
      full: { status: 'pass' },
      reseeds: failed ? [{ at: 2, ok: true }] : [],
      steps: [
        { from: 0, to: 1, file: '001_a.sql', status: 'pass' },
        { from: 1, to: 2, file: '002_b.sql', status: 'pass', noChange: true },
        failed
          ? {
              from: 2,
              to: 3,
              file: '003_c.sql',
              status: 'fail',
              stage: 'down',
              error: 'relation "x_pkey" already exists',
            }
          : { from: 2, to: 3, file: '003_c.sql', status: 'pass' },
      ],
    });
    const text = report.formatSummary({
      history: { name: 'shop', migrations: 3, checkpoints: 3 },
      replay: { server: 'PostgreSQL 15.20', ms: 1500 },
      lanes: [lane('PG15', false), lane('PG18', true)],
      ok: false,
      elapsedMs: 9000,
      reportFile: '/tmp/r.json',
    });
    expect(text).toContain('full history (nothing -> 3): PG15 ok, PG18 ok');
    expect(text).toMatch(/^1 -> 2 +002_b\.sql +ok \(none\) +ok \(none\)$/m);
    expect(text).toMatch(/^2 -> 3 +003_c\.sql +ok +FAIL down$/m);
    expect(text).toContain(
      'PG18 (PG18 server): full history pass; steps 2 ok (1 without change), 1 failed, 0 skipped, 1 re-seeds (0 failed)',
    );
    expect(text).toContain('[down] relation "x_pkey" already exists');
    expect(text).toContain('at PG18 2->3');
    expect(text).toMatch(/^FAILED: 9 s; report \/tmp\/r\.json$/m);
  });
});
