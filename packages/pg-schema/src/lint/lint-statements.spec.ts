import { loadSqlParser, splitStatements } from '@bakery-ia/init-manager';
import { acceptedRules, markAccepted, unknownAccepts } from './accepted-rules';
import { lintMigration, lintStatements } from './lint-statements';
import { ALL_RULES } from './rules/all-rules';

beforeAll(() => loadSqlParser());

describe('lintMigration', () => {
  it('reports each finding with its rule, level and line', () => {
    expect(lintStatements(splitStatements('SELECT 1;\nDROP TABLE users;'))).toEqual([
      {
        rule: 'drop-table',
        level: 'error',
        message: 'DROP TABLE public.users deletes the table and its rows',
        line: 2,
      },
    ]);
  });

  it('leaves the line out for generated statements (line 0: the file is not written yet)', () => {
    const statements = splitStatements('DROP TABLE users;').map((s) => ({ ...s, line: 0 }));
    expect(lintMigration([{ transaction: true, statements }], {})[0]).not.toHaveProperty('line');
  });

  it('knows what earlier sections of the same migration created', () => {
    const sections = [
      { transaction: true, statements: splitStatements('CREATE TABLE fresh (id int);') },
      {
        transaction: false,
        statements: splitStatements('CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON fresh (id);'),
      },
      { transaction: true, statements: splitStatements('CREATE INDEX j ON fresh (id);') },
    ];
    expect(lintMigration(sections, {})).toEqual([]);
  });

  it('marks attaching an existing table (not one the migration creates), and a plain detach', () => {
    const sql = [
      'CREATE TABLE public.fresh (id int);',
      "ALTER TABLE public.events ATTACH PARTITION public.users FOR VALUES IN ('a');",
      'ALTER TABLE public.events ATTACH PARTITION public.fresh DEFAULT;',
      'ALTER TABLE public.events DETACH PARTITION public.users;',
    ].join('\n');
    const findings = lintStatements(splitStatements(sql), { serverMajor: 15 });
    expect(findings.map((f) => `${f.line} ${f.rule}`)).toEqual([
      '2 attach-partition',
      '4 detach-partition-not-concurrent',
    ]);
    expect(findings[0].message).toContain('scans public.users to check its bound');
  });

  it('passes over statements it has no rule for', () => {
    expect(
      lintStatements(splitStatements("CREATE TABLE t (id bigint);\nCOMMENT ON TABLE t IS 'x';\nSELECT 1;")),
    ).toEqual([]);
  });
});

describe('accepting findings', () => {
  it('by rule id or by one of squawk names for it', () => {
    const findings = lintStatements(
      splitStatements('ALTER TABLE users DROP COLUMN a;\nALTER TABLE users RENAME COLUMN b TO c;'),
    );
    const accepted = acceptedRules(
      '-- lint:accept ban-drop-column\n-- lint:accept renaming-column, hazard:data-loss\n',
    );
    expect(markAccepted(findings, accepted).map((f) => `${f.rule} ${f.accepted === true}`)).toEqual([
      'drop-column true',
      'rename true',
    ]);
  });

  it('names that are no rule, squawk name or hazard kind are reported', () => {
    expect(
      unknownAccepts(
        new Set(['drop-column', 'ban-drop-table', 'hazard:rewrite', 'drop-colum', 'hazard:slow']),
      ),
    ).toEqual(['drop-colum', 'hazard:slow']);
  });
});

describe('the rule list', () => {
  it('has unique ids and says what each catches', () => {
    const ids = ALL_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of ALL_RULES) expect(rule.catches).toMatch(/\.$/);
  });
});
