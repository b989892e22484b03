/** Where a service runs; decides whether the create-all fallback may be used. */
export type Environment = 'production' | 'staging' | 'development' | 'local' | 'test' | 'ci' | (string & {});

export interface ResolvedEnvironment {
  name: Environment;
  /** Which setting gave it: the option, ENVIRONMENT, NODE_ENV, or the default. */
  source: 'option' | 'ENVIRONMENT' | 'NODE_ENV' | 'default';
  /** Development-like environments may build the schema from the models; all others may not. */
  allowsCreateAll: boolean;
}

/**
 * The only names (after aliases) that mean a developer's or a test run's database: there the
 * create-all fallback is allowed and migrate-clean needs no typed-back database name. Every other
 * name (production, staging, prd, live, qa, prod-eu, anything unknown) is protected: an allow-list,
 * so a name nobody thought of is never wiped by accident.
 */
export const DEVELOPMENT_ENVIRONMENTS: readonly string[] = ['development', 'local', 'test', 'ci'];

/** Other spellings of the known names; everything else is kept as written (lower case). */
export const ENVIRONMENT_ALIASES: Readonly<Record<string, string>> = {
  prod: 'production',
  stage: 'staging',
  stg: 'staging',
  dev: 'development',
  develop: 'development',
  testing: 'test',
};

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
      return { name, source, allowsCreateAll: isDevelopmentEnvironment(name) };
    }
  }
  return { name: 'development', source: 'default', allowsCreateAll: true };
}

export function normalizeEnvironment(value: string): string {
  const lower = value.trim().toLowerCase();
  return ENVIRONMENT_ALIASES[lower] ?? lower;
}

/** True only for the names of DEVELOPMENT_ENVIRONMENTS (and their aliases). */
export function isDevelopmentEnvironment(value: string): boolean {
  return DEVELOPMENT_ENVIRONMENTS.includes(normalizeEnvironment(value));
}

/**
 * Protected targets for destructive commands: every named environment that is not a development
 * one. No name at all means the default, development (as resolveEnvironment decides), so it is not
 * protected.
 */
export function isProtectedEnvironment(value: string | undefined): boolean {
  if (!value || !value.trim()) return false;
  return !isDevelopmentEnvironment(value);
}
