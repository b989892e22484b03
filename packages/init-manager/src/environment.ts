/** Where a service runs; decides whether the create-all fallback may be used. */
export type Environment = 'production' | 'staging' | 'development' | 'local' | 'test' | (string & {});

export interface ResolvedEnvironment {
  name: Environment;
  /** Which setting gave it: the option, ENVIRONMENT, NODE_ENV, or the default. */
  source: 'option' | 'ENVIRONMENT' | 'NODE_ENV' | 'default';
  /** Development-like environments may build the schema from the models; all others may not. */
  allowsCreateAll: boolean;
}

const ALIASES: Record<string, string> = {
  prod: 'production',
  stage: 'staging',
  stg: 'staging',
  dev: 'development',
};
const CREATE_ALL_ENVIRONMENTS = new Set(['development', 'local', 'test']);

/**
 * Option, else ENVIRONMENT, else NODE_ENV, else development. An unknown name (say `qa`) is kept
 * and treated like production: it never gets the create-all fallback.
 */
export function resolveEnvironment(
  explicit?: string,
  env: Record<string, string | undefined> = process.env,
): ResolvedEnvironment {
  const candidates: Array<[ResolvedEnvironment['source'], string | undefined]> = [
    ['option', explicit],
    ['ENVIRONMENT', env.ENVIRONMENT],
    ['NODE_ENV', env.NODE_ENV],
  ];
  for (const [source, value] of candidates) {
    if (value && value.trim()) {
      const name = normalizeEnvironment(value);
      return { name, source, allowsCreateAll: CREATE_ALL_ENVIRONMENTS.has(name) };
    }
  }
  return { name: 'development', source: 'default', allowsCreateAll: true };
}

export function normalizeEnvironment(value: string): string {
  const lower = value.trim().toLowerCase();
  return ALIASES[lower] ?? lower;
}

/** production and staging (and their aliases) are protected targets for destructive commands. */
export function isProtectedEnvironment(value: string | undefined): boolean {
  if (!value) return false;
  const name = normalizeEnvironment(value);
  return name === 'production' || name === 'staging';
}
