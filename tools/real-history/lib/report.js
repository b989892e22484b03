'use strict';
/**
 * The run's results: a JSON report (every step of every lane, with the first error and the
 * generated migration of a failed step) and the text summary printed at the end.
 */

/**
 * Groups failures that are the same bug: the stage plus the first clause of the message with
 * names, lists and numbers blanked.
 */
function failureClass(stage, message) {
  const shape = String(message)
    .split('; ')[0]
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\([^)]*\)/g, '(…)')
    .replace(/\b(TABLE|INDEX|SEQUENCE|CONSTRAINT|FK CONSTRAINT|VIEW|TYPE|FUNCTION|DEFAULT) [\w.]+/g, '$1 …')
    .replace(/\b\d{4}_[a-z0-9_]+\.sql:\d+/g, 'file:N')
    .replace(/\b[a-z_][\w$]*\.[a-z_][\w$.]*/gi, '…')
    .replace(/\b[0-9a-f]{10}\b/g, '…')
    .replace(/\d+/g, 'N')
    .replace(/\s+/g, ' ')
    .slice(0, 160);
  return `${stage}: ${shape}`;
}

function cell(entry) {
  if (!entry) return '-';
  if (entry.status === 'pass') return entry.noChange ? 'ok (none)' : 'ok';
  if (entry.status === 'skip') return 'skipped';
  return `FAIL ${entry.stage}`;
}

function pad(text, width) {
  return text.length >= width ? `${text} ` : text + ' '.repeat(width - text.length);
}

function laneTotals(lane) {
  const count = (status) => lane.steps.filter((step) => step.status === status).length;
  return {
    passed: count('pass'),
    noChange: lane.steps.filter((step) => step.status === 'pass' && step.noChange).length,
    failed: count('fail'),
    skipped: count('skip'),
    noted: lane.steps.filter((step) => step.note).length,
    fullHistory: lane.full.status,
  };
}

/** Failure classes over every lane: [{ class, example, where: [{ lane, step }] }], most frequent first. */
function failureClasses(report) {
  const classes = new Map();
  const add = (lane, where, entry) => {
    const key = failureClass(entry.stage, entry.error);
    if (!classes.has(key))
      classes.set(key, { class: key, stage: entry.stage, example: entry.error, where: [] });
    classes.get(key).where.push({ lane: lane.label, step: where });
  };
  for (const lane of report.lanes) {
    if (lane.full.status === 'fail') add(lane, 'full history', lane.full);
    for (const step of lane.steps) if (step.status === 'fail') add(lane, `${step.from}->${step.to}`, step);
  }
  return [...classes.values()].sort((a, b) => b.where.length - a.where.length);
}

function formatSummary(report) {
  const lines = [];
  const labels = report.lanes.map((lane) => lane.label);
  lines.push(
    `real-history: ${report.history.name}, ${report.history.migrations} migrations, ${report.history.checkpoints} checkpoints; ` +
      `replayed on ${report.replay.server} in ${(report.replay.ms / 1000).toFixed(1)} s`,
  );
  lines.push('');
  lines.push(
    `full history (nothing -> ${report.history.migrations}): ` +
      report.lanes
        .map((lane) => `${lane.label} ${lane.full.status === 'pass' ? 'ok' : `FAIL ${lane.full.stage}`}`)
        .join(', '),
  );
  for (const lane of report.lanes)
    if (lane.full.status === 'fail') lines.push(`  ${lane.label}: ${lane.full.error}`);
  lines.push('');
  const fileWidth = Math.min(48, Math.max(10, ...report.lanes[0].steps.map((step) => step.file.length)) + 2);
  const cellWidth =
    Math.max(12, ...report.lanes.flatMap((lane) => lane.steps.map((step) => cell(step).length))) + 2;
  lines.push(
    pad('step', 12) +
      pad('migration', fileWidth) +
      labels
        .map((label) => pad(label, cellWidth))
        .join('')
        .trimEnd(),
  );
  for (const [i, step] of report.lanes[0].steps.entries()) {
    const cells = report.lanes.map((lane) => pad(cell(lane.steps[i]), cellWidth)).join('');
    lines.push(
      (
        pad(`${step.from} -> ${step.to}`, 12) +
        pad(step.file.slice(0, fileWidth - 2), fileWidth) +
        cells
      ).trimEnd(),
    );
  }
  lines.push('');
  for (const lane of report.lanes) {
    const t = laneTotals(lane);
    const reseeds = lane.reseeds.length
      ? `, ${lane.reseeds.length} re-seeds (${lane.reseeds.filter((r) => !r.ok).length} failed)`
      : '';
    lines.push(
      `${lane.label} (${lane.server}): full history ${t.fullHistory}; steps ${t.passed} ok (${t.noChange} without change${t.noted ? `, ${t.noted} with a note` : ''}), ${t.failed} failed, ${t.skipped} skipped${reseeds}; ${(lane.ms / 1000).toFixed(0)} s`,
    );
  }
  const classes = failureClasses(report);
  if (classes.length > 0) {
    lines.push('');
    lines.push(`failure classes (${classes.length}):`);
    for (const entry of classes) {
      const where = entry.where.map((w) => `${w.lane} ${w.step}`);
      lines.push(`  [${entry.stage}] ${entry.example}`);
      lines.push(
        `      at ${where.slice(0, 6).join(', ')}${where.length > 6 ? ` and ${where.length - 6} more` : ''}`,
      );
    }
  }
  const noted = report.lanes.flatMap((lane) =>
    lane.steps
      .filter((step) => step.note)
      .map((step) => `  ${lane.label} ${step.from}->${step.to}: ${step.note}`),
  );
  if (noted.length > 0) {
    lines.push('');
    lines.push(`notes (passed, but worth a look):`);
    lines.push(...noted.slice(0, 12));
    if (noted.length > 12) lines.push(`  and ${noted.length - 12} more in the report`);
  }
  lines.push('');
  lines.push(
    `${report.ok ? 'ok' : 'FAILED'}: ${(report.elapsedMs / 1000).toFixed(0)} s; report ${report.reportFile}`,
  );
  return lines.join('\n');
}

function isOk(lanes) {
  return lanes.every(
    (lane) => lane.full.status === 'pass' && lane.steps.every((step) => step.status === 'pass'),
  );
}

module.exports = { formatSummary, failureClass, failureClasses, laneTotals, isOk };
