import { quoteLiteral } from '../../render/sql-text.js';

/**
 * Storage parameters as pg_class.reloptions holds them (`fillfactor=70`, `toast.autovacuum_enabled=false`),
 * shared by tables, indexes and materialized views (and view options such as `security_invoker=true`).
 */

/** `name=value` as a WITH (...) or SET (...) item; a value that is not a word or a number is quoted. */
export function optionItem(option: string): string {
  const eq = option.indexOf('=');
  if (eq < 0) return option;
  const [name, value] = [option.slice(0, eq), option.slice(eq + 1)];
  return /^(-?[0-9]+(\.[0-9]+)?|[A-Za-z_][A-Za-z0-9_]*)$/.test(value)
    ? `${name}=${value}`
    : `${name}=${quoteLiteral(value)}`;
}

/** ` WITH (a=1, b=2)`, or nothing without options. */
export function withClause(options: readonly string[] | undefined): string {
  return options?.length ? ` WITH (${options.map(optionItem).join(', ')})` : '';
}

export function optionName(option: string): string {
  const eq = option.indexOf('=');
  return eq < 0 ? option : option.slice(0, eq);
}

/** What SET (...) and RESET (...) change to turn `before` into `after`. */
export function optionChanges(
  before: readonly string[] = [],
  after: readonly string[] = [],
): { set: string[]; reset: string[] } {
  const kept = new Set(after.map(optionName));
  return {
    set: after.filter((option) => !before.includes(option)),
    reset: before.map(optionName).filter((name) => !kept.has(name)),
  };
}

/**
 * The statements' text for a relation (`TABLE public.t`, `INDEX public.i`, `MATERIALIZED VIEW
 * public.v`, `VIEW public.v`): SET for new and changed values, RESET for removed ones.
 */
export function alterOptionsSql(
  target: string,
  before: readonly string[] = [],
  after: readonly string[] = [],
): string[] {
  const { set, reset } = optionChanges(before, after);
  const out: string[] = [];
  if (set.length) out.push(`ALTER ${target} SET (${set.map(optionItem).join(', ')});`);
  if (reset.length) out.push(`ALTER ${target} RESET (${reset.join(', ')});`);
  return out;
}
