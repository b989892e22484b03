/**
 * PG_SCHEMA_CACHE=off (or 0, false, no) turns the replay and models cache off: every run builds
 * both schemas from scratch in throw-away databases, and the embedded default is a throw-away
 * server in the temp folder again (the behaviour before the cache).
 */
export function cacheEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = (env.PG_SCHEMA_CACHE ?? '').trim().toLowerCase();
  return !['off', '0', 'false', 'no'].includes(value);
}
