/**
 * Whether JSON gives `value` back as it is: strings, booleans, null, finite numbers, arrays
 * without holes or undefined, plain objects (an undefined property is dropped, as comparing
 * catalogs ignores it). What the plan and replay records check their catalogs with before
 * writing them. A walk, not a round trip compared through comparableCatalog: that costs tens of
 * milliseconds per catalog at 50 tables (it parses view and rule queries), on every cold run.
 * For what a Catalog holds (texts, booleans, integers read from pg_catalog, lists of texts,
 * plain objects, optional fields) the two agree; where they part (NaN, -0, undefined in a list,
 * a Map or a Date, none of which a catalog has) this one is the stricter: no record is written.
 */
export function survivesJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (!(i in value) || value[i] === undefined || !survivesJson(value[i])) return false;
    }
    return true;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  for (const field of Object.values(value as Record<string, unknown>)) {
    if (field !== undefined && !survivesJson(field)) return false;
  }
  return true;
}
