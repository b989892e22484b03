import type { SequenceOptions } from './sequence.model.js';

const LIMITS: Record<string, [string, string]> = {
  smallint: ['-32768', '32767'],
  integer: ['-2147483648', '2147483647'],
  bigint: ['-9223372036854775808', '9223372036854775807'],
};

/** What Postgres picks when an option is not given, for a sequence of this type and direction. */
export function defaultSequenceOptions(type: string, increment: string): Omit<SequenceOptions, 'type'> {
  const [typeMin, typeMax] = LIMITS[type] ?? LIMITS.bigint;
  const ascending = !increment.startsWith('-');
  const min = ascending ? '1' : typeMin;
  const max = ascending ? typeMax : '-1';
  return { start: ascending ? min : max, increment: '1', min, max, cache: '1', cycle: false };
}

/** The option clauses that differ from the defaults, e.g. `START WITH 1000 INCREMENT BY 5`. */
export function sequenceOptionClauses(options: SequenceOptions): string[] {
  const defaults = defaultSequenceOptions(options.type, options.increment);
  const clauses: string[] = [];
  if (options.increment !== defaults.increment) clauses.push(`INCREMENT BY ${options.increment}`);
  if (options.min !== defaults.min) clauses.push(`MINVALUE ${options.min}`);
  if (options.max !== defaults.max) clauses.push(`MAXVALUE ${options.max}`);
  // Postgres starts at MINVALUE (ascending) or MAXVALUE (descending), whatever those are.
  if (options.start !== (options.increment.startsWith('-') ? options.max : options.min)) {
    clauses.push(`START WITH ${options.start}`);
  }
  if (options.cache !== defaults.cache) clauses.push(`CACHE ${options.cache}`);
  if (options.cycle) clauses.push('CYCLE');
  return clauses;
}

/** ALTER SEQUENCE / ALTER COLUMN ... SET clauses that turn `from` into `to`. */
export function sequenceAlterClauses(from: SequenceOptions, to: SequenceOptions, prefix = ''): string[] {
  const clauses: string[] = [];
  if (from.type !== to.type && prefix === '') clauses.push(`AS ${to.type}`);
  if (from.increment !== to.increment) clauses.push(`${prefix}INCREMENT BY ${to.increment}`);
  if (from.min !== to.min) clauses.push(`${prefix}MINVALUE ${to.min}`);
  if (from.max !== to.max) clauses.push(`${prefix}MAXVALUE ${to.max}`);
  if (from.start !== to.start) clauses.push(`${prefix}START WITH ${to.start}`);
  if (from.cache !== to.cache) clauses.push(`${prefix}CACHE ${to.cache}`);
  if (from.cycle !== to.cycle) clauses.push(`${prefix}${to.cycle ? 'CYCLE' : 'NO CYCLE'}`);
  return clauses;
}
