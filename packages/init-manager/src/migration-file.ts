import { checksumOf, normalizeLineEndings } from './checksum.js';
import type { MigrationProblem } from './errors.js';
import { splitStatements, SqlSyntaxError, type SqlStatement } from './sql-statements.js';
import type { Splitter } from './statement-cache.js';

export type Direction = 'up' | 'down';

/**
 * A run of statements that executes as one unit: in one transaction, or (with `transaction:false`)
 * statement by statement, e.g. for CREATE INDEX CONCURRENTLY or an enum value used later in the file.
 */
export interface MigrationStep {
  direction: Direction;
  transaction: boolean;
  /** 1-based line of the `-- migrate:up|down` marker. */
  line: number;
  statements: SqlStatement[];
}

export interface MigrationFile {
  /** The zero-padded sequence number, e.g. `0002`. */
  version: string;
  /** The part after the number, e.g. `add_loyalty_points`. */
  name: string;
  /** e.g. `0002_add_loyalty_points.sql`. */
  fileName: string;
  checksum: string;
  up: MigrationStep[];
  down: MigrationStep[];
}

export const MIGRATION_FILE_PATTERN = /^(\d{4,})_([a-z0-9][a-z0-9_]*)\.sql$/;
const MARKER = /^--\s*migrate:(up|down)\b(.*)$/;
const OPTION = /^([a-z_]+):(\S+)$/;

export interface ParsedMigration {
  migration?: MigrationFile;
  problems: MigrationProblem[];
}

/**
 * Parses one migration file: a header of comments, then one or more `-- migrate:up` steps and
 * `-- migrate:down` steps. Returns problems instead of throwing so a reader can report all at once.
 */
export function parseMigrationFile(
  fileName: string,
  text: string,
  split: Splitter = splitStatements,
): ParsedMigration {
  const match = MIGRATION_FILE_PATTERN.exec(fileName);
  if (!match) {
    return {
      problems: [
        {
          file: fileName,
          message: `file name must look like 0001_name.sql (digits, underscore, lower-case name)`,
        },
      ],
    };
  }
  const problems: MigrationProblem[] = [];
  const lines = normalizeLineEndings(text).split('\n');
  const steps: MigrationStep[] = [];
  let current: { step: MigrationStep; bodyStart: number; body: string[] } | undefined;
  const header: string[] = [];

  const close = () => {
    if (!current) return;
    try {
      current.step.statements = split(current.body.join('\n'), current.bodyStart);
    } catch (error) {
      if (!(error instanceof SqlSyntaxError)) throw error;
      problems.push({ file: fileName, line: error.line, message: `syntax error: ${error.message}` });
    }
    steps.push(current.step);
  };

  lines.forEach((lineText, index) => {
    const lineNumber = index + 1;
    const marker = MARKER.exec(lineText.trim());
    if (marker) {
      close();
      const direction = marker[1] as Direction;
      let transaction = true;
      for (const word of marker[2].trim().split(/\s+/).filter(Boolean)) {
        const option = OPTION.exec(word);
        if (option && option[1] === 'transaction' && (option[2] === 'false' || option[2] === 'true')) {
          transaction = option[2] === 'true';
        } else {
          problems.push({
            file: fileName,
            line: lineNumber,
            message: `unknown option "${word}" on the migrate:${direction} line (only transaction:false is known)`,
          });
        }
      }
      current = {
        step: { direction, transaction, line: lineNumber, statements: [] },
        bodyStart: lineNumber + 1,
        body: [],
      };
      return;
    }
    if (current) current.body.push(lineText);
    else header.push(lineText);
  });
  close();

  const headerSql = header.join('\n');
  // A header of `--` lines holds no statement: no need to ask the parser (one call less per file).
  const onlyLineComments = header.every((line) => line.trim() === '' || line.trim().startsWith('--'));
  if (headerSql.trim() && !onlyLineComments) {
    try {
      const stray = split(headerSql, 1);
      if (stray.length > 0) {
        problems.push({
          file: fileName,
          line: stray[0].line,
          message: 'statement before the first "-- migrate:up" line: put it inside a section',
        });
      }
    } catch (error) {
      if (!(error instanceof SqlSyntaxError)) throw error;
      problems.push({
        file: fileName,
        line: error.line,
        message: 'text before the first "-- migrate:up" line is not SQL comments',
      });
    }
  }

  const up = steps.filter((step) => step.direction === 'up');
  const down = steps.filter((step) => step.direction === 'down');
  if (up.length === 0) {
    problems.push({ file: fileName, message: 'no "-- migrate:up" section' });
  } else if (
    up.every((step) => step.statements.length === 0) &&
    !problems.some((p) => p.message.startsWith('syntax'))
  ) {
    problems.push({
      file: fileName,
      line: up[0].line,
      message: 'the up section has no statement (an empty migration)',
    });
  }
  const firstDown = steps.findIndex((step) => step.direction === 'down');
  if (firstDown !== -1 && steps.slice(firstDown).some((step) => step.direction === 'up')) {
    problems.push({
      file: fileName,
      message: 'an up section follows a down section: put every up section first',
    });
  }

  if (problems.length > 0) return { problems };
  return {
    problems,
    migration: {
      version: match[1],
      name: match[2],
      fileName,
      checksum: checksumOf(text),
      up,
      down,
    },
  };
}

/** Statements of one direction, in order, across its steps. */
export function statementsOf(migration: MigrationFile, direction: Direction): SqlStatement[] {
  return migration[direction].flatMap((step) => step.statements);
}
