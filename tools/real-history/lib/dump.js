'use strict';
/**
 * pg_dump --schema-only of a database, and a comparison of two dumps object by object (pg_dump
 * heads each object with `-- Name: x; Type: T; Schema: s; Owner: -`), so a difference names the
 * object and its first differing line rather than a line number in a 3,000-line file.
 */
const { execFile } = require('node:child_process');

/** The applier's own table, which the replayed history does not have. */
const MIGRATIONS_TABLE = 'public.schema_migrations';
const HEADER = /^-- (?:Data for )?Name: (.*); Type: (.*); Schema: (.*); Owner: .*$/;

function pgDump(pgDumpBin, url) {
  return new Promise((resolve, reject) => {
    execFile(
      pgDumpBin,
      ['--schema-only', '--no-owner', '--no-privileges', `--exclude-table=${MIGRATIONS_TABLE}`, url],
      { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`pg_dump failed: ${(stderr || error.message).trim()}`));
        else resolve(stdout);
      },
    );
  });
}

/** Objects of a dump: Map key (`TABLE public.users`) -> significant lines (no comments, blanks, meta-commands). */
function dumpObjects(text) {
  const objects = new Map();
  let current;
  for (const line of text.split('\n')) {
    const header = HEADER.exec(line);
    if (header) {
      const [, name, type, schema] = header;
      let key = `${type} ${schema === '-' ? '' : `${schema}.`}${name}`;
      for (let n = 2; objects.has(key); n++) key = `${type} ${schema}.${name} #${n}`;
      current = [];
      objects.set(key, current);
      continue;
    }
    if (!current || line.trim() === '' || line.startsWith('--') || line.startsWith('\\')) continue;
    current.push(line);
  }
  return objects;
}

/** A table's column lines in order (`name type ...`, without the trailing comma), or undefined. */
function columnLines(lines) {
  if (!/^CREATE (UNLOGGED )?TABLE /.test(lines[0] ?? '')) return undefined;
  const end = lines.findIndex((line) => /^\)/.test(line));
  return lines.slice(1, end < 0 ? undefined : end).map((line) => line.trim().replace(/,$/, ''));
}

/** The same columns in another order (and nothing else differs): the two orders, else undefined. */
function reordering(lines, other) {
  const [a, b] = [columnLines(lines), columnLines(other)];
  if (!a || !b || a.join('\n') === b.join('\n')) return undefined;
  if ([...a].sort().join('\n') !== [...b].sort().join('\n')) return undefined;
  const rest = (all, cols) => all.slice(cols.length + 1).join('\n');
  if (rest(lines, a) !== rest(other, b)) return undefined;
  const name = (line) => line.split(' ')[0];
  return { expected: a.map(name), actual: b.map(name) };
}

/**
 * How `actual` differs from `expected`: undefined when equal, else { missing, extra, changed,
 * reordered } with object keys; a changed object has its first differing line, a reordered table
 * (same columns, other order: what ADD COLUMN cannot avoid after a column in the middle was
 * dropped and added back) its two column orders.
 */
function compareDumps(expected, actual) {
  const [want, got] = [dumpObjects(expected), dumpObjects(actual)];
  const missing = [...want.keys()].filter((key) => !got.has(key));
  const extra = [...got.keys()].filter((key) => !want.has(key));
  const changed = [];
  const reordered = [];
  for (const [key, lines] of want) {
    const other = got.get(key);
    if (!other || other.join('\n') === lines.join('\n')) continue;
    const order = reordering(lines, other);
    if (order) {
      reordered.push({ object: key, ...order });
      continue;
    }
    let i = 0;
    while (i < lines.length && lines[i] === other[i]) i++;
    changed.push({
      object: key,
      expected: (lines[i] ?? '(end)').trim(),
      actual: (other[i] ?? '(end)').trim(),
    });
  }
  if (missing.length + extra.length + changed.length + reordered.length === 0) return undefined;
  return { missing, extra, changed, reordered };
}

/** Only column order differs. */
function onlyColumnOrder(difference) {
  return (
    difference.missing.length + difference.extra.length + difference.changed.length === 0 &&
    difference.reordered.length > 0
  );
}

/** One line for a report: what differs first. */
function describeDumpDifference(difference) {
  const parts = [];
  if (difference.missing.length > 0)
    parts.push(`missing ${difference.missing.slice(0, 3).join(', ')}${more(difference.missing)}`);
  if (difference.extra.length > 0)
    parts.push(`unexpected ${difference.extra.slice(0, 3).join(', ')}${more(difference.extra)}`);
  for (const change of difference.changed.slice(0, 2))
    parts.push(`${change.object}: expected "${change.expected}", got "${change.actual}"`);
  if (difference.changed.length > 2) parts.push(`${difference.changed.length - 2} more objects differ`);
  for (const order of difference.reordered.slice(0, 2))
    parts.push(`${order.object}: column order ${describeOrder(order)}`);
  if (difference.reordered.length > 2)
    parts.push(`${difference.reordered.length - 2} more tables in another column order`);
  return parts.join('; ');
}

/** From the first column out of place: `expected (b, c, …), got (c, b, …)`. */
function describeOrder({ expected, actual }) {
  let i = 0;
  while (expected[i] === actual[i]) i++;
  const from = (list) =>
    `${i > 0 ? '…, ' : ''}${list.slice(i, i + 4).join(', ')}${list.length > i + 4 ? ', …' : ''}`;
  return `expected (${from(expected)}), got (${from(actual)})`;
}

function more(list) {
  return list.length > 3 ? ` (+${list.length - 3})` : '';
}

module.exports = {
  pgDump,
  dumpObjects,
  compareDumps,
  onlyColumnOrder,
  describeDumpDifference,
  MIGRATIONS_TABLE,
};
