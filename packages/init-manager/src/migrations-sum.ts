import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checksumOf } from './checksum.js';
import { writeFileAtomic } from './write-file-atomic.js';
import { listMigrationFileNames } from './read-migrations.js';

export const SUM_FILE = 'migrations.sum';

export interface SumEntry {
  fileName: string;
  checksum: string;
}

export type SumProblemKind =
  | 'sum-missing'
  | 'sum-malformed'
  | 'total-mismatch'
  | 'file-changed'
  | 'file-missing'
  | 'file-not-in-sum'
  | 'order-changed';

export interface SumProblem {
  kind: SumProblemKind;
  file: string;
  message: string;
}

export interface SumCheck {
  ok: boolean;
  problems: SumProblem[];
}

/** The text of migrations.sum: a total hash line, then one `file h1:hash` line per migration. */
export function renderMigrationsSum(entries: SumEntry[]): string {
  const lines = entries.map((entry) => `${entry.fileName} ${entry.checksum}`);
  return [totalOf(lines), ...lines].join('\n') + '\n';
}

function totalOf(lines: string[]): string {
  return 'h1:' + createHash('sha256').update(lines.join('\n'), 'utf8').digest('base64');
}

/** The entries the files of a folder have now, in file-name order. */
export function computeSumEntries(dir: string): SumEntry[] {
  return listMigrationFileNames(dir).map((fileName) => ({
    fileName,
    checksum: checksumOf(readFileSync(join(dir, fileName), 'utf8')),
  }));
}

/** Rewrites migrations.sum from the files on disk (atomically). Returns its text. */
export function writeMigrationsSum(dir: string): string {
  const text = renderMigrationsSum(computeSumEntries(dir));
  writeFileAtomic(join(dir, SUM_FILE), text);
  return text;
}

export function parseMigrationsSum(text: string): { total: string; entries: SumEntry[] } | undefined {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length === 0 || !/^h1:\S+$/.test(lines[0])) return undefined;
  const entries: SumEntry[] = [];
  for (const line of lines.slice(1)) {
    const match = /^(\S+) (h1:\S+)$/.exec(line);
    if (!match) return undefined;
    entries.push({ fileName: match[1], checksum: match[2] });
  }
  return { total: lines[0], entries };
}

/**
 * Compares migrations.sum with the files: an edited, deleted, renamed, reordered or unrecorded
 * migration is reported by name, with the command that fixes an intended change.
 */
export function checkMigrationsSum(dir: string): SumCheck {
  const { ok, problems } = inspectMigrationsSum(dir);
  return { ok, problems };
}

/** checkMigrationsSum, plus the sum's total line when the check passes (the restart path compares it). */
export function inspectMigrationsSum(dir: string): SumCheck & { total?: string } {
  const actual = computeSumEntries(dir);
  const sumPath = join(dir, SUM_FILE);
  const fix = 'if the change is intended, run `npx pg-schema hash --migrations ' + dir + '`';
  if (!existsSync(sumPath)) {
    if (actual.length === 0) return { ok: true, problems: [] };
    return fail([
      { kind: 'sum-missing', file: SUM_FILE, message: `${SUM_FILE} is missing in ${dir}; ${fix}` },
    ]);
  }
  const parsed = parseMigrationsSum(readFileSync(sumPath, 'utf8'));
  if (!parsed) {
    return fail([
      { kind: 'sum-malformed', file: SUM_FILE, message: `${SUM_FILE} is not in the expected format; ${fix}` },
    ]);
  }
  const problems: SumProblem[] = [];
  const recordedLines = parsed.entries.map((entry) => `${entry.fileName} ${entry.checksum}`);
  if (totalOf(recordedLines) !== parsed.total) {
    problems.push({
      kind: 'total-mismatch',
      file: SUM_FILE,
      message: `${SUM_FILE} was edited by hand (its total does not match its lines); ${fix}`,
    });
  }
  const recorded = new Map(parsed.entries.map((entry) => [entry.fileName, entry.checksum]));
  const onDisk = new Map(actual.map((entry) => [entry.fileName, entry.checksum]));
  for (const entry of parsed.entries) {
    const checksum = onDisk.get(entry.fileName);
    if (checksum === undefined) {
      problems.push({
        kind: 'file-missing',
        file: entry.fileName,
        message: `${entry.fileName} is recorded in ${SUM_FILE} but missing on disk (deleted or renamed)`,
      });
    } else if (checksum !== entry.checksum) {
      problems.push({
        kind: 'file-changed',
        file: entry.fileName,
        message: `${entry.fileName} was edited after it was recorded in ${SUM_FILE}; ${fix}`,
      });
    }
  }
  for (const entry of actual) {
    if (!recorded.has(entry.fileName)) {
      problems.push({
        kind: 'file-not-in-sum',
        file: entry.fileName,
        message: `${entry.fileName} is not recorded in ${SUM_FILE} (added by hand or from another branch); ${fix}`,
      });
    }
  }
  const common = parsed.entries.map((entry) => entry.fileName).filter((name) => onDisk.has(name));
  const sortedCommon = [...common].sort();
  const firstOutOfOrder = common.findIndex((name, index) => name !== sortedCommon[index]);
  if (firstOutOfOrder !== -1) {
    problems.push({
      kind: 'order-changed',
      file: common[firstOutOfOrder],
      message: `${SUM_FILE} lists ${common[firstOutOfOrder]} out of order; ${fix}`,
    });
  }
  return problems.length === 0 ? { ok: true, problems, total: parsed.total } : fail(problems);
}

function fail(problems: SumProblem[]): SumCheck {
  return { ok: false, problems };
}
