import type { ClientBase } from 'pg';
import type { Direction } from './migration-file.js';
import { qualified, quoteLiteral, type TableName } from './sql-identifiers.js';

/**
 * Progress of migrations with several steps, beside the history table: one row per completed step
 * of a migration that is not finished. A migration's last step writes its schema_migrations row and
 * deletes these rows in the same transaction, and the table is dropped when it is empty again, so it
 * only exists while a migration is part way (schema_migrations itself is unchanged, and a database
 * whose migrations all finished holds no extra table).
 */
export interface StepProgress {
  version: string;
  direction: Direction;
  /** 1-based index of the completed step within its direction. */
  step: number;
  /** How many steps that direction had when the step completed. */
  steps: number;
  /** The file's checksum when the step completed: resuming needs the same file. */
  checksum: string;
  completedAt: Date;
  durationMs: number;
}

/** `public.schema_migrations` -> `public.schema_migrations_progress`. */
export function progressTableOf(table: TableName): TableName {
  return { schema: table.schema, name: `${table.name}_progress` };
}

export function createProgressTableSql(progress: TableName): string {
  return `CREATE TABLE IF NOT EXISTS ${qualified(progress)} (
       version text NOT NULL,
       direction text NOT NULL CHECK (direction IN ('up', 'down')),
       step integer NOT NULL,
       steps integer NOT NULL,
       checksum text NOT NULL,
       completed_at timestamptz NOT NULL DEFAULT now(),
       duration_ms integer NOT NULL,
       PRIMARY KEY (version, direction, step)
     )`;
}

/** Every recorded step; none when the table does not exist (no migration is part way). */
export async function readProgress(client: ClientBase, progress: TableName): Promise<StepProgress[]> {
  const { rows: exists } = await client.query<{ oid: string | null }>('SELECT to_regclass($1) AS oid', [
    qualified(progress),
  ]);
  if (exists[0].oid === null) return [];
  const { rows } = await client.query<{
    version: string;
    direction: Direction;
    step: number;
    steps: number;
    checksum: string;
    completed_at: Date;
    duration_ms: number;
  }>(
    `SELECT version, direction, step, steps, checksum, completed_at, duration_ms
       FROM ${qualified(progress)} ORDER BY version, direction, step`,
  );
  return rows.map((row) => ({
    version: row.version,
    direction: row.direction,
    step: row.step,
    steps: row.steps,
    checksum: row.checksum,
    completedAt: row.completed_at,
    durationMs: row.duration_ms,
  }));
}

/** Records one completed step; `durationSql` is an integer expression (milliseconds). */
export function recordStepSql(
  progress: TableName,
  row: { version: string; direction: Direction; step: number; steps: number; checksum: string },
  durationSql: string,
): string {
  return (
    `INSERT INTO ${qualified(progress)} (version, direction, step, steps, checksum, duration_ms) VALUES (` +
    `${quoteLiteral(row.version)}, ${quoteLiteral(row.direction)}, ${row.step}, ${row.steps}, ` +
    `${quoteLiteral(row.checksum)}, ${durationSql})`
  );
}

/** Deletes a finished migration's steps, then the table when no other migration is part way. */
export function clearProgressSql(progress: TableName, version: string): string[] {
  const name = qualified(progress);
  return [
    `DELETE FROM ${name} WHERE version = ${quoteLiteral(version)}`,
    `DO $init_manager$ BEGIN IF NOT EXISTS (SELECT FROM ${name}) THEN DROP TABLE ${name}; END IF; END $init_manager$`,
  ];
}
