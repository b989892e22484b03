'use strict';
/**
 * The conclusions, written from the numbers of this run (ratios only, no absolute times), so they
 * stay true when the bench is rerun after the engine changes.
 */
const { median } = require('./stats.js');

const x = (a, b) => {
  if (a === undefined || b === undefined || !b) return 'n/a';
  const r = a / b;
  if (r >= 10) return `${Math.round(r)}×`;
  return r >= 0.1 ? `${r.toFixed(1)}×` : `${r.toFixed(2)}×`;
};
const pct = (part, total) => `${Math.round((part / total) * 100)}%`;

function slowestStage(stages) {
  return Object.entries(stages)
    .filter(([, v]) => v !== undefined)
    .sort((a, b) => b[1] - a[1])[0];
}

function diffConclusions(results, rows) {
  const out = [];
  if (rows.length === 0) return out;
  const largest = rows.at(-1);
  out.push(
    `**Ours against the floor**: ours takes ${rows.map((r) => `${x(r.ours, r.floor)} the floor's time at ${r.tableCount} tables`).join(', ')}. ` +
      `The floor only builds both schemas and reads the catalog once; the gap is our own work on top of Postgres.`,
  );
  // The engine starts the shadow server while it reads the files: when the two stages end together,
  // the server stage was only waiting for the (synchronous) parse, so it is not a stage of its own.
  const stages = { ...largest.oursStages };
  const read = stages['read files'];
  const server = stages['shadow server'];
  const overlapped = read > 0 && server > 0.2 * read && Math.abs(server - read) < 0.1 * read;
  if (overlapped) delete stages['shadow server'];
  const [stage, stageMs] = slowestStage(stages);
  out.push(
    `**Slowest stage** at ${largest.tableCount} tables: *${stage}*, ${pct(stageMs, largest.ours)} of our time ` +
      `(then ${Object.entries(stages)
        .filter(([s]) => s !== stage)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 2)
        .map(([s, v]) => `*${s}* ${pct(v, largest.ours)}`)
        .join(', ')}).`,
  );
  if (overlapped) {
    const timeouts = largest.errors.ours.filter((e) => /timeout expired|does not answer/.test(e)).length;
    out.push(
      `**The parse blocks the event loop**: at ${largest.tableCount} tables *shadow server* ends with *read files* (${pct(server, largest.ours)} and ${pct(read, largest.ours)} of our time): ` +
        `the engine connects to the shadow server while it reads the files, but \`splitStatements\` is synchronous, so the connection cannot complete until the parse ends, ` +
        `and the connection's timeout can fire first` +
        (timeouts
          ? `: ${timeouts} of ${largest.n.ours + largest.errors.ours.length} runs failed with "the shadow server does not answer: timeout expired" while the server answered the other tools of the same round.`
          : '.') +
        ` Parsing off the main thread (a worker) would let the connection proceed during the parse.`,
    );
  }
  const parse = results.parse.at(-1);
  if (parse) {
    const parseMs = median(parse.runs.map((p) => p.parseMs));
    const splitMs = median(parse.runs.map((p) => p.splitMs));
    const first = results.parse[0];
    const growth =
      first && first !== parse
        ? ` From ${first.tableCount} to ${parse.tableCount} tables the file grows ${x(parse.runs[0].bytes, first.runs[0].bytes)} and splitStatements' time ${x(splitMs, median(first.runs.map((p) => p.splitMs)))}.`
        : '';
    if (splitMs > 3 * parseMs) {
      out.push(
        `**Why *read files* is slow**: on the ${parse.tableCount}-table models file, init-manager's \`splitStatements\` takes ${x(splitMs, parseMs)} ` +
          `the time of Postgres' parser itself.${growth} It decodes the whole file prefix before each statement ` +
          `(\`bytes.subarray(0, start).toString()\`) to count newlines: quadratic in the file size. ` +
          `**Suggestion**: walk the statements in order and count newlines only between the previous statement's start and this one's ` +
          `(or build a line-start index once and binary-search it); that makes the stage about one parse. The migrations are split by the same function.`,
      );
    }
  }
  const buildRatio = x(largest.oursStages['build schemas'], largest.floorParts['build schemas']);
  out.push(
    `**Building the shadow schemas** costs ${buildRatio} the floor's build at ${largest.tableCount} tables. ` +
      `Ours sends one statement per round trip (so an error names its file and line; the shadow sessions run with synchronous_commit off), ` +
      `while the floor sends a script per message and commits every 100 tables. **Suggestion**: send each transactional step as one message ` +
      `and go statement by statement only to locate a failure.`,
  );
  if (largest.oursStages.cleanup !== undefined) {
    out.push(
      `**Cleanup** (dropping the two shadow databases) is ${pct(largest.oursStages.cleanup, largest.ours)} of our time at ${largest.tableCount} tables: ` +
        `the floor's drop of two databases of the same size takes ${x(largest.floorParts.cleanup, largest.oursStages.cleanup)} that. ` +
        `Both pay for DROP DATABASE requesting a checkpoint (pg_stat_bgwriter.checkpoints_req rises with each drop)` +
        (largest.oursStages.cleanup > 1.2 * largest.floorParts.cleanup
          ? `; why ours costs more is not taken apart here. `
          : '. ') +
        `With the embedded default the drops are skipped (the whole server and its data go at the end of the run). ` +
        `**Suggestion** for a shadow server: drop the shadow databases after the result is printed, so the user does not wait for it.`,
    );
  }
  out.push(migraConclusion(rows));
  out.push(drizzleConclusion(rows));
  const oursConv = rows.map((r) => r.convergence.ours);
  out.push(
    `**Ours converged** at ${oursConv.filter((c) => c.converged).length} of ${rows.length} sizes, with identity options, comments and enum values preserved ` +
      `at ${oursConv.filter((c) => c.applied && Object.values(c.lost).every((l) => l.length === 0)).length}: the correctness we pay the time for.`,
  );
  const rssLargest = largest.rss;
  out.push(
    `**Memory**: at ${largest.tableCount} tables the engine process peaks at ${x(rssLargest.ours, rssLargest.migra)} migra's and ${x(rssLargest.ours, rssLargest.drizzle)} drizzle-kit's peak RSS.`,
  );
  return out;
}

/** What a peer's SQL did with identity options, comments and the enum value, from the checks. */
function featureSummary(rows, tool) {
  const said = [];
  const sql = rows.map((r) => r.upSql[tool]).filter(Boolean);
  const checks = rows.map((r) => r.convergence[tool]);
  const applied = checks.filter((c) => c.applied);
  const lostIn = (key) => applied.filter((c) => c.lost[key].length > 0).length;
  if (applied.length) {
    said.push(lostIn('identity') ? 'lost identity options' : 'kept identity options');
    said.push(lostIn('comments') ? 'lost comment changes' : 'kept comments');
    said.push(lostIn('enums') ? 'lost enum labels' : 'kept the enum labels in order');
  } else if (sql.length) {
    said.push(
      sql.every((s) => s.identity)
        ? 'writes the identity options'
        : 'writes identity columns without their START/INCREMENT changes',
    );
    said.push(sql.every((s) => s.comments >= 3) ? 'writes the comments' : 'writes no comment changes');
  }
  if (sql.length) {
    const how = {
      'ALTER TYPE … ADD VALUE': 'in place (ALTER TYPE … ADD VALUE)',
      'type recreated, every column cast': 'by recreating the type and casting every column that uses it',
    };
    said.push(
      `${applied.length ? 'added' : 'adds'} the enum value ${how[sql[0].enums] ?? `: ${sql[0].enums}`}`,
    );
  }
  return said.join(', ');
}

/** `Counting ..., X is faster than ours at 200, 1000 tables (where ...). ` or ''. */
function fasterAt(rows, key, lead) {
  const faster = rows.filter((r) => r[key] !== undefined && r[key] < r.ours);
  if (faster.length === 0) return '';
  return `${lead} at ${faster.map((r) => r.tableCount).join(', ')} tables: there our own stages on top of the build (see section 2) cost more than its inspection and diff. `;
}

function migraConclusion(rows) {
  const conv = rows.map((r) => r.convergence.migra);
  const applied = conv.filter((c) => c.applied).length;
  const failed = conv.find((c) => !c.applied);
  const statements = rows.map((r) => r.upSql.migra?.statements ?? 'n/a');
  let text =
    `**migra**: its diff alone takes ${rows.map((r) => x(r.migra, r.ours)).join(', ')} our end-to-end time ` +
    `(at ${rows.map((r) => r.tableCount).join(', ')} tables), and ${rows.map((r) => x(r.migraBuild, r.ours)).join(', ')} once it has to build its two databases as we do. ` +
    fasterAt(rows, 'migraBuild', 'Counting that build, migra is faster than ours') +
    `Its SQL applied at ${applied} of ${rows.length} sizes and converged at ${conv.filter((c) => c.converged).length}`;
  if (failed) {
    text += ` (error: \`${failed.error}\`)`;
    if (/__old_version_to_be_dropped/.test(failed.error)) {
      text +=
        `: it adds an enum value by renaming the type, creating a new one and casting every column that uses it, ` +
        `and an index predicate that compares such a column (here the partial indexes \`WHERE status = 'active'\`) then has no operator`;
    }
  }
  text += `. It writes ${statements.join(', ')} statements for the same 13 changes; it ${featureSummary(rows, 'migra')}.`;
  return text;
}

function drizzleConclusion(rows) {
  const conv = rows.map((r) => r.convergence.drizzle);
  const kinds = [
    ...new Set(
      conv
        .flatMap((c) => (c.applied ? c.residual : []))
        .map((c) => c.replace(/^[~+>-]\s+(\w+)\s+\S+\s*(\w*).*$/, '$1 $2').trim()),
    ),
  ];
  return (
    `**drizzle-kit** is the fastest (${rows.map((r) => x(r.drizzle, r.ours)).join(', ')} our time): it compares two in-memory snapshots and never touches a database. ` +
    `Its SQL applied at ${conv.filter((c) => c.applied).length} of ${rows.length} sizes and converged at ${conv.filter((c) => c.converged).length}; ` +
    `left over after applying it: ${kinds.length ? kinds.map((k) => `*${k}*`).join(', ') : 'nothing'} ` +
    `(its snapshots have no functions, triggers or comments). It ${featureSummary(rows, 'drizzle')}.`
  );
}

function historyConclusions(h) {
  if (!h) return [];
  const floor = median(h.psqlOne);
  const each = median(h.psqlEach);
  return [
    `**Long history** (${h.count} migrations): a service start on an empty database takes ${x(median(h.initEmpty), floor)} \`psql -1\` ` +
      `and ${x(median(h.initEmpty), each)} psql with one transaction per migration (what ours does, for safe enum values and clear failures). ` +
      `The shadow replay (applyMigrations alone) is ${x(median(h.replay), each)} that per-migration floor; reading and parsing the files adds ${x(median(h.read), floor)} the whole \`psql -1\` time. ` +
      `A restart with everything applied costs ${x(median(h.initApplied), floor)} \`psql -1\` inside the process and parses nothing` +
      (h.restartProcess?.length
        ? `; as a whole process it takes ${x(median(h.restartProcess), median(h.restartFloor))} the floor of such a process (node, pg, connect, one query).`
        : '.'),
  ];
}

function nxConclusions(nx) {
  if (!nx) return [];
  const out = [];
  const med = (list, key = 'ms') => median(list.map((v) => v[key]));
  const counts = Object.keys(nx.graph);
  if (counts.length) {
    const g = (c) => nx.graph[c];
    out.push(
      `**Nx graph**: ${counts.map((c) => `${c} services: warm ${x(med(g(c).warm), med(g(c).cold))} cold`).join('; ')}` +
        (counts.length > 1
          ? `; going from ${counts[0]} to ${counts.at(-1)} services costs ${x(med(g(counts.at(-1)).cold), med(g(counts[0]).cold))} the cold time and ${x(med(g(counts.at(-1)).warm), med(g(counts[0]).warm))} the warm time`
          : '') +
        (counts.length > 1
          ? `; CPU time grows ${x(med(g(counts.at(-1)).warm, 'cpuMs'), med(g(counts[0]).warm, 'cpuMs'))} warm for ${x(Number(counts.at(-1)), Number(counts[0]))} the services`
          : '') +
        '.',
    );
  }
  if (nx.verify) {
    const v = nx.verify;
    out.push(
      `**Cached verify**: \`run-many -t migrate-verify\` with all 14 tasks from the cache takes ${x(med(v.allHits), med([v.firstRun]))} the first (all-miss) run; ` +
        `one miss costs ${x(med(v.oneMiss), med(v.allHits))} the all-hit run: one real verify beside 13 cache reads.`,
    );
  }
  return out;
}

function write(results, rows) {
  const load = results.machine.loadBefore[0];
  const bullets = [
    ...diffConclusions(results, rows),
    ...historyConclusions(results.history),
    ...nxConclusions(results.nx),
  ];
  const largest = rows.at(-1);
  if (largest && largest.n.ours + largest.errors.ours.length < results.runs) {
    const round = ['ours', 'floor', 'migra', 'drizzle'].reduce((sum, key) => sum + (largest[key] ?? 0), 0);
    bullets.push(
      `**Runs**: one round of the four tools at ${largest.tableCount} tables takes ${pct(round, 600_000)} of ten minutes (${pct(largest.ours, round)} of it ours), ` +
        `so a run within ten minutes cannot repeat it ${results.runs} times (cells marked n=); \`BENCH_BUDGET_S=2400 npm run bench\` gives every cell ${results.runs} runs. ` +
        `Cutting *cleanup* and *build schemas* (suggestions above) is what would make ${results.runs} runs fit.`,
    );
  }
  if (load > results.machine.cores) {
    bullets.push(
      `**Noise**: the 1-minute load average was ${load.toFixed(1)} on ${results.machine.cores} cores when the bench started: other work shared the machine, so absolute times are inflated and uneven; compare ratios from one run.`,
    );
  }
  return bullets.map((b) => `- ${b}`).join('\n');
}

module.exports = { write };
