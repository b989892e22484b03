import { quoteLiteral } from '../../render/sql-text.js';

/** One pg_aggregate row (with the aggregate's proparallel), functions printed as regproc. */
export interface AggregateRow {
  kind: string;
  parallel: string;
  sfunc: string;
  stype: string;
  sspace: number;
  finalfunc: string | null;
  finalfunc_extra: boolean;
  finalfunc_modify: string;
  combinefunc: string | null;
  serialfunc: string | null;
  deserialfunc: string | null;
  initcond: string | null;
  msfunc: string | null;
  minvfunc: string | null;
  mstype: string | null;
  msspace: number;
  mfinalfunc: string | null;
  mfinalfunc_extra: boolean;
  mfinalfunc_modify: string;
  minitcond: string | null;
  sortop: string | null;
}

const MODIFY: Record<string, string> = { r: 'READ_ONLY', s: 'SHAREABLE', w: 'READ_WRITE' };
const PARALLEL: Record<string, string> = { s: 'SAFE', r: 'RESTRICTED' };

/**
 * The options of CREATE AGGREGATE that rebuild the row, in the order pg_dump writes them and
 * leaving out what Postgres defaults (a final function's modify mode is READ_ONLY for normal
 * aggregates and READ_WRITE for ordered-set ones).
 */
export function aggregateOptions(row: AggregateRow): string[] {
  const defaultModify = row.kind === 'n' ? 'r' : 'w';
  const options = [`SFUNC = ${row.sfunc}`, `STYPE = ${row.stype}`];
  if (row.sspace !== 0) options.push(`SSPACE = ${row.sspace}`);
  if (row.finalfunc !== null) {
    options.push(`FINALFUNC = ${row.finalfunc}`);
    if (row.finalfunc_extra) options.push('FINALFUNC_EXTRA');
    if (row.finalfunc_modify !== defaultModify)
      options.push(`FINALFUNC_MODIFY = ${MODIFY[row.finalfunc_modify]}`);
  }
  if (row.combinefunc !== null) options.push(`COMBINEFUNC = ${row.combinefunc}`);
  if (row.serialfunc !== null) options.push(`SERIALFUNC = ${row.serialfunc}`);
  if (row.deserialfunc !== null) options.push(`DESERIALFUNC = ${row.deserialfunc}`);
  if (row.initcond !== null) options.push(`INITCOND = ${quoteLiteral(row.initcond)}`);
  if (row.msfunc !== null) {
    options.push(
      `MSFUNC = ${row.msfunc}`,
      `MINVFUNC = ${row.minvfunc ?? '-'}`,
      `MSTYPE = ${row.mstype ?? '-'}`,
    );
  }
  if (row.msspace !== 0) options.push(`MSSPACE = ${row.msspace}`);
  if (row.mfinalfunc !== null) {
    options.push(`MFINALFUNC = ${row.mfinalfunc}`);
    if (row.mfinalfunc_extra) options.push('MFINALFUNC_EXTRA');
    if (row.mfinalfunc_modify !== defaultModify)
      options.push(`MFINALFUNC_MODIFY = ${MODIFY[row.mfinalfunc_modify]}`);
  }
  if (row.minitcond !== null) options.push(`MINITCOND = ${quoteLiteral(row.minitcond)}`);
  if (row.sortop !== null) options.push(`SORTOP = ${row.sortop}`);
  if (PARALLEL[row.parallel]) options.push(`PARALLEL = ${PARALLEL[row.parallel]}`);
  if (row.kind === 'h') options.push('HYPOTHETICAL');
  return options;
}
