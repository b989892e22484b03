import { renderMigrationText } from './migration-text';

describe('renderMigrationText', () => {
  it('lists one header line per statement with hazards, after the lint findings', () => {
    const text = renderMigrationText({
      up: [{ transactional: true, statements: ['CREATE INDEX i ON public.t USING btree (a);'] }],
      down: [{ transactional: true, statements: ['DROP INDEX public.i;'] }],
      changes: [],
      lint: [
        {
          rule: 'index-not-concurrent',
          level: 'warning',
          message: 'CREATE INDEX on existing table public.t blocks writes',
        },
      ],
      hazards: [
        {
          statement: 'CREATE INDEX i ON public.t',
          transaction: true,
          locks: [{ table: 'public.t', mode: 'SHARE', blocks: 'writes' }],
          effects: [
            {
              kind: 'index-build',
              level: 'warning',
              table: 'public.t',
              message: 'builds index i on public.t under SHARE: blocks writes until it ends',
            },
          ],
          level: 'warning',
        },
      ],
    });
    expect(text.split('\n').slice(2, 6)).toEqual([
      '-- Lint (accept a finding after review with a line "-- lint:accept <rule>"):',
      '--   warning index-not-concurrent: CREATE INDEX on existing table public.t blocks writes',
      '-- Hazards (per up statement; migrate-verify --fail-on-hazard fails on them; accept with "-- lint:accept hazard:<kind>"):',
      '--   warning CREATE INDEX i ON public.t: builds index i on public.t under SHARE: blocks writes until it ends',
    ]);
  });

  it('has no hazards section when no statement has any', () => {
    expect(renderMigrationText({ up: [], down: [], changes: [], lint: [], hazards: [] })).not.toContain(
      'Hazards',
    );
  });
});
