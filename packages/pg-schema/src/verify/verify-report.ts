import type { StatementHazards } from '../hazards/hazard.js';
import type { LintLevel } from '../lint/finding.js';

export type CheckId =
  'files' | 'sum' | 'replay' | 'drift' | 'unseen' | 'round-trip' | 'lint' | 'hazards' | 'live';

export interface VerifyProblem {
  /** Migration file (or `migrations.sum`, or the database) the problem is in. */
  file?: string;
  line?: number;
  message: string;
  /** The command or edit that fixes it. */
  fix?: string;
  /** SQL that would fix it (for drift: what migrate-generate would write). */
  sql?: string;
}

export interface VerifyCheck {
  id: CheckId;
  title: string;
  status: 'passed' | 'failed' | 'skipped';
  problems: VerifyProblem[];
  /** Why a check was skipped, or a short note on a passed one. */
  note?: string;
  durationMs: number;
}

export interface VerifyReport {
  ok: boolean;
  migrations: number;
  shadow: string;
  failOn: LintLevel | 'none';
  failOnHazard: LintLevel | 'none';
  checks: VerifyCheck[];
  /** Per migration file: its up statements that have hazards (accepted ones marked). */
  hazards: Array<{ file: string; statements: StatementHazards[] }>;
  durationMs: number;
}

export const CHECK_TITLES: Record<CheckId, string> = {
  files: 'every migration is well formed and has statements in its up section',
  sum: 'migrations.sum matches the files',
  replay: 'the migrations apply in order on a fresh database',
  drift: 'the result equals the models (no model change without a migration)',
  unseen: 'every object the schemas hold is managed (nothing unseen)',
  'round-trip': 'each down section returns the schema to the previous state',
  lint: 'no lint finding at the failing level',
  hazards: 'no hazard at the failing level',
  live: 'the live database matches the migrations',
};
