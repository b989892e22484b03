'use strict';
/** docs/benchmarks.md from one run's results. Prose states ratios only; tables may show ms. */
const { median, ms, ratio, mib } = require('./stats.js');
const { summarizeDiff } = require('./summary.js');
const { CHANGES } = require('./schema/spec.js');
const { LEFT_OUT } = require('./schema/drizzle.js');
const conclusions = require('./conclusions.js');
const { stallSection } = require('./stall-report.js');

const STAGES = [
  'read files',
  'shadow server',
  'create databases',
  'build schemas',
  'introspect',
  'renames',
  'diff',
  'lint',
  'cleanup',
];

/** A Markdown table; `align` has one letter per column (l or r), default: text first, numbers after. */
const table = (header, rows, align = `l${'r'.repeat(header.length - 1)}`) =>
  [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (align[i] === 'r' ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');

const nNote = (n, runs) => (n !== undefined && n < runs ? ` (n=${n})` : '');
const cell = (value, reference, n, runs) =>
  value === undefined ? 'failed' : `${ms(value)} (${ratio(value, reference)})${nNote(n, runs)}`;

function machineSection(r) {
  const m = r.machine;
  const s = m.postgresSettings ?? {};
  const load = (l) => l.map((v) => v.toFixed(1)).join(' / ');
  return `## Machine and versions

${table(
  ['what', 'value'],
  [
    ['Code measured', m.commit ?? 'not recorded'],
    ['CPU', `${m.cores} cores (${m.cpuModel}), ${m.memoryGiB} GiB memory, ${m.platform}`],
    ['Node', m.node],
    [
      'PostgreSQL',
      `${m.postgres}, ${m.postgresSource}; fsync ${s.fsync}, synchronous_commit ${s.synchronous_commit}, shared_buffers ${s.shared_buffers}`,
    ],
    ['psql (floor of the history workload)', m.psql],
    [
      'Peers',
      `@pgkit/migra ${m.versions['@pgkit/migra']}, drizzle-kit ${m.versions['drizzle-kit']} (with drizzle-orm ${m.versions['drizzle-orm']}), nx ${m.versions.nx}`,
    ],
    ['Load average (1/5/15 min)', `before ${load(m.loadBefore)}; after ${load(m.loadAfter)}`],
  ],
  'll',
)}

The machine is shared: other work (test suites, other engineers' builds) ran beside the bench when
the load average above is well over the core count. Ratios measured in the same run are more
trustworthy than the absolute times; rerun on a quiet machine before quoting a number.`;
}

function howToRun(r) {
  return `## How to run

    npm ci                       # builds the packages (prepare: tsc -b)
    npm run bench                # this page and benchmarks-diff.svg, within ten minutes
    BENCH_QUICK=1 npm run bench  # about a minute: 10 and 50 tables, 100 migrations, 14 services

The server is \`BENCH_DATABASE_URL\` when set (\`embedded\` forces the embedded Postgres), else the
local server on 127.0.0.1:5432, else an embedded Postgres. \`BENCH_RUNS\` (default 5), \`BENCH_BUDGET_S\` (default 400; a measurement stops
adding runs when the next one would not fit, and its cell then says \`n=\`), \`BENCH_ONLY=diff,history,nx,stall\`,
\`BENCH_JSON=file\` (raw results). Each tool run is a fresh Node process (as a CLI call is); its peak
RSS is that process's maxRSS. This run: ${r.quick ? '**quick subset**' : 'full'}, up to ${r.runs} runs per
measurement, a time budget of ${r.budgetS} s, ${Math.round(r.elapsedS)} s in all. Medians throughout; a ratio is *tool time / our time*.`;
}

function diffSection(r, rows) {
  const runs = r.runs;
  const speed = table(
    [
      'tables',
      'ours (end to end)',
      'floor',
      'migra (diff only)',
      'migra + building its 2 DBs',
      'drizzle-kit',
    ],
    rows.map((row) => [
      String(row.tableCount),
      `${ms(row.ours)}${nNote(row.n.ours, runs)}`,
      cell(row.floor, row.ours, row.n.floor, runs),
      cell(row.migra, row.ours, row.n.migra, runs),
      cell(row.migraBuild, row.ours, row.n.migra, runs),
      cell(row.drizzle, row.ours, row.n.drizzle, runs),
    ]),
  );
  const failures = rows.flatMap((row) =>
    Object.entries(row.errors)
      .filter(([, errors]) => errors.length)
      .map(
        ([tool, errors]) =>
          `- ${tool}, ${row.tableCount} tables: ${errors.length} failed run(s): ${errors[0].split(/\s+at\s/)[0]}`,
      ),
  );
  return `## 1. Schema diff: ours, peers and the floor

**Schema** (generated, \`tools/bench/lib/schema/\`): N tables, each with a bigint identity primary key
(ALWAYS or BY DEFAULT, with START/INCREMENT), an FK to a parent table (ON DELETE CASCADE), text, enum,
integer, numeric, varchar, jsonb and timestamptz columns with defaults, a CHECK, a table comment and
an FK index; every 3rd table a partial index, every 4th an expression index, every 5th a unique
index and an \`updated_at\` trigger, every 10th a view (with a comment) and a SQL function; two enums
and a plpgsql trigger function. **Change set** (the same 13 changes at every size):
${CHANGES.map((c, i) => `${i + 1}. ${c}`).join('\n')}

**What is timed**
- *ours*: \`planMigration\` end to end with a shadow URL on the bench server: read and parse the
  models (one file) and migrations (one \`0001\` file holding the before schema), create two shadow
  databases, replay / apply, introspect both, diff both ways, lint, drop the databases.
- *floor*: Postgres alone: create two databases, send each DDL script as one simple-query message
  (a COMMIT every 100 tables: two 1000-table transactions at once exhaust the lock table), one catalog
  read each, drop both. No tool can be faster than this and still build both schemas.
- *migra*: \`@pgkit/migra\` \`run(before, after, { unsafe: true })\` on two databases the bench built
  beforehand: inspection of both plus its diff. *migra + building its 2 DBs* adds the floor's
  create-and-build medians: what migra costs when it has to start from files, as ours does.
- *drizzle-kit*: \`drizzle-kit/api\` \`generateMigration(before, after)\` on two snapshots the bench
  wrote (no database at all; its CLI would also load the TypeScript schema). Left out of its
  snapshots, because drizzle cannot express them: ${LEFT_OUT.join('; ')}.

${speed}

Cells: median ms (ratio to ours). ${failures.length ? `\n\nFailed runs:\n${failures.join('\n')}` : ''}

![Median time against table count, log-log](benchmarks-diff.svg)

${convergenceSection(rows)}`;
}

function yesNo(value) {
  return value ? 'yes' : '**no**';
}

function featureCell(check, key, staticValue) {
  if (check && check.applied) {
    const lost = check.lost[key];
    return lost.length === 0
      ? 'preserved'
      : `**lost**: ${lost.slice(0, 3).join('; ')}${lost.length > 3 ? ` (+${lost.length - 3})` : ''}`;
  }
  if (!staticValue) return 'n/a';
  if (key === 'identity') return staticValue.identity ? 'in its SQL' : '**not in its SQL**';
  if (key === 'comments')
    return staticValue.comments >= 3 ? 'in its SQL' : `**${staticValue.comments} COMMENT statements**`;
  return staticValue.enums;
}

function convergenceSection(rows) {
  const body = [];
  for (const tool of ['ours', 'migra', 'drizzle']) {
    for (const row of rows) {
      const check = row.convergence[tool];
      const sql = row.upSql[tool];
      const applied = check.applied ? 'yes' : `**no**: ${check.error}`;
      const residual = check.applied
        ? check.residual.length === 0
          ? 'none'
          : `${check.residual.length}: ${check.residual
              .slice(0, 4)
              .map((c) => `\`${c.length > 90 ? `${c.slice(0, 87)}…` : c}\``)
              .join(', ')}${check.residual.length > 4 ? ', …' : ''}`
        : 'not applied';
      body.push([
        tool,
        String(row.tableCount),
        sql ? String(sql.statements) : 'n/a',
        applied,
        check.applied ? yesNo(check.converged) : '**no**',
        residual,
        featureCell(check, 'identity', sql),
        featureCell(check, 'comments', sql),
        check.applied ? featureCell(check, 'enums', sql) : (sql?.enums ?? 'n/a'),
      ]);
    }
  }
  return `### Did each tool's SQL apply, and converge?

Each tool's up SQL is applied to a copy of the *before* database (ours as its planned steps; a
peer's script as one transaction, as \`psql -1 -f\` would), then our engine re-diffs the result
against the *after* database: *converged* means that diff is empty. Identity options, comments and
enum labels are also compared straight from pg_catalog; when the SQL did not apply, those columns say
what its text contains.

${table(
  [
    'tool',
    'tables',
    'up statements',
    'applied',
    'converged',
    'left over after applying',
    'identity options',
    'comments',
    'enum values',
  ],
  body,
  'lrrllllll',
)}`;
}

function stagesSection(r, rows) {
  const stageRows = rows.filter((row) => Object.keys(row.oursStages).length);
  const all = table(
    ['tables', ...STAGES.filter((s) => stageRows.some((row) => row.oursStages[s] !== undefined)), 'total'],
    stageRows.map((row) => [
      String(row.tableCount),
      ...STAGES.filter((s) => stageRows.some((x) => x.oursStages[s] !== undefined)).map((s) =>
        ms(row.oursStages[s]),
      ),
      ms(row.ours),
    ]),
  );
  const focus = rows.filter((row) => row.introspect !== undefined);
  const stageTable = table(
    ['stage', ...focus.flatMap((row) => [`${row.tableCount} tables (ms)`, 'share'])],
    STAGES.filter((s) => focus.some((row) => row.oursStages[s] !== undefined)).map((stage) => [
      stage,
      ...focus.flatMap((row) => [ms(row.oursStages[stage]), share(row.oursStages[stage], row.ours)]),
    ]),
  );
  const floorTable = table(
    ['floor part', ...focus.map((row) => `${row.tableCount} tables (ms)`)],
    ['create databases', 'build schemas', 'catalog read', 'cleanup'].map((part) => [
      part,
      ...focus.map((row) => ms(row.floorParts[part])),
    ]),
  );
  const introspect = table(
    ['tables', 'one introspectCatalog (ms)', "ratio to the floor's one catalog read (both DBs)"],
    focus.map((row) => [
      String(row.tableCount),
      `${ms(row.introspect)}${nNote(row.n.introspect, r.runs)}`,
      ratio(row.introspect, row.floorParts['catalog read']),
    ]),
  );
  const rss = table(
    ['tables', 'ours (planMigration process)', 'migra process', 'drizzle-kit process'],
    rows.map((row) => [String(row.tableCount), mib(row.rss.ours), mib(row.rss.migra), mib(row.rss.drizzle)]),
  );
  const parse = table(
    [
      'tables',
      'models file (KiB)',
      'statements',
      'libpg-query parse alone (ms)',
      'splitStatements (ms)',
      'split / parse',
    ],
    r.parse.map((p) => {
      const parseMs = median(p.runs.map((x) => x.parseMs));
      const splitMs = median(p.runs.map((x) => x.splitMs));
      return [
        String(p.tableCount),
        String(Math.round(p.runs[0].bytes / 1024)),
        String(p.runs[0].statements),
        `${ms(parseMs)}${nNote(p.runs.length, r.runs)}`,
        ms(splitMs),
        ratio(splitMs, parseMs),
      ];
    }),
  );
  return `## 2. Engine stages

\`planMigration\`'s own stage timings (medians over the runs of section 1). *build schemas* is the
replay of the migrations into one shadow database and the models into the other, in parallel;
*introspect* reads both, in parallel. *shadow server* starts while the files are read, so those two
overlap and the shares can add up past 100%.

${stageTable}

The floor's parts for the same sizes:

${floorTable}

Every size:

${all}

Introspection alone (one database, the *after* schema, connection excluded):

${introspect}

Peak RSS (maxRSS of the process that ran the tool):

${rss}

The *read files* stage taken apart on the models file (one process, parser warmed up):

${parse}`;
}

const share = (part, total) => (part === undefined || !total ? '' : `${Math.round((part / total) * 100)}%`);

function historySection(r) {
  const h = r.history;
  if (!h) return '## 3. Long history\n\nNot run (BENCH_ONLY).';
  const floor = median(h.psqlOne);
  const rowsOf = [
    ['`psql -1 -f` of the concatenated up sections (the floor: one transaction)', h.psqlOne],
    ['`psql -f`, one BEGIN/COMMIT per migration (same transactions as ours)', h.psqlEach],
    ['readMigrations: read and parse the files', h.read],
    ['applyMigrations: replay into an empty shadow database', h.replay],
    ['initializeServiceDatabase, empty database (read, lock, apply all)', h.initEmpty],
    ['initializeServiceDatabase, everything applied (a restart), in the process', h.initApplied],
    ['the same restart, in the process, without the connect', h.initAppliedNoConnect ?? []],
    [
      'the same restart as a whole process (`node tasks/restart-main.js`, like a service `src/main.ts`)',
      h.restartProcess ?? [],
    ],
    ['floor of a whole-process restart: node, pg, connect, one query', h.restartFloor ?? []],
  ];
  return `## 3. Long history: ${h.count} small migrations

${h.count} files (create table / add column / create index / comment, repeating), each with an up
and a down section, and migrations.sum. Every measurement starts from an empty \`public\` schema; the
init-manager runs are each a fresh Node process with \`environment: 'production'\`.

${table(
  ['measurement', 'median (ms)', 'ratio to psql -1', 'runs'],
  rowsOf
    .filter(([, values]) => values.length > 0)
    .map(([label, values]) => [
      label,
      ms(median(values)),
      ratio(median(values), floor),
      String(values.length),
    ]),
)}${h.errors.length ? `\n\nErrors: ${h.errors.join('; ')}` : ''}`;
}

function nxSection(r) {
  const nx = r.nx;
  if (!nx) return '## 4. Nx\n\nNot run (BENCH_ONLY).';
  const med = (list, key = 'ms') => median(list.map((x) => x[key]));
  const graph = table(
    [
      'services',
      'cold: wall (ms)',
      'cold: CPU (ms)',
      'warm: wall (ms)',
      'warm: CPU (ms)',
      'warm / cold (wall)',
      'runs',
    ],
    Object.entries(nx.graph).map(([count, g]) => [
      count,
      ms(med(g.cold)),
      ms(med(g.cold, 'cpuMs')),
      ms(med(g.warm)),
      ms(med(g.warm, 'cpuMs')),
      ratio(med(g.warm), med(g.cold)),
      `${g.cold.length} / ${g.warm.length}`,
    ]),
  );
  const v = nx.verify;
  const verify = v
    ? table(
        [
          'run-many -t migrate-verify, 14 services',
          'wall (ms)',
          'CPU (ms)',
          'tasks from cache',
          'ratio to all hits',
          'runs',
        ],
        [
          ['first run: every task a miss (fills the cache)', v.firstRun, [14 - 14]],
          ['every task a cache hit', v.allHits, v.hits.allHits],
          [`one miss (a comment added to ${v.touched}'s models)`, v.oneMiss, v.hits.oneMiss],
        ].map(([label, runs, hits]) => {
          const list = Array.isArray(runs) ? runs : [runs];
          return [
            label,
            ms(med(list)),
            ms(med(list, 'cpuMs')),
            label.startsWith('first') ? '0' : `${median(hits)} of ${v.tasks}`,
            ratio(med(list), med(v.allHits)),
            String(list.length),
          ];
        }),
      )
    : '';
  return `## 4. Nx: project graph and cached verify

A temp workspace beside the repo (the repo's nx.json, node_modules linked to the repo's, services
copied from services/*; 200 = the 14 copied again under new names), \`NX_DAEMON=false\`, the nx binary
run directly (\`npx\`'s own start is left out). *Cold*: the workspace's \`.nx\` folder deleted before
each run; *warm*: the run after. CPU is user + system time of the whole process tree (from bash's
\`time\`), steadier than wall time on a shared machine. The verify runs use
\`MIGRATE_SHADOW_URL\` = the bench server, so they are not dominated by embedded Postgres starts;
\`run-many\` uses Nx's default parallelism (3).

${graph}

${verify || 'The `run-many -t migrate-verify` measurements are left out of the quick subset.'}`;
}

function renderReport(results) {
  const rows = summarizeDiff(results);
  return `# Benchmarks

Generated by \`npm run bench\` (tools/bench) on ${results.startedAt.slice(0, 10)}; rerun it to refresh,
do not edit by hand.${results.quick ? '\n\n> **Quick subset (BENCH_QUICK=1)**: fewer sizes and runs; not the numbers to quote.' : ''}

${machineSection(results)}

${howToRun(results)}

${diffSection(results, rows)}

${stagesSection(results, rows)}

${historySection(results)}

${nxSection(results)}

${stallSection(results.stall)}

## Conclusions

${conclusions.write(results, rows)}
`;
}

module.exports = { renderReport };
