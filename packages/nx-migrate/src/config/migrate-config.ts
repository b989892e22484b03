import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';

/** `migrate.config.json` with every default applied. */
export interface MigrateConfig {
  /** Service name: the advisory lock key and the name in messages; default the folder name. */
  service: string;
  /** Models folder, relative to the config file. */
  models: string;
  /** Migrations folder, relative to the config file. */
  migrations: string;
  /** Schemas the service owns. */
  schemas: string[];
  /** Env var holding the service's database URL on a developer machine, e.g. AUTH_DATABASE_URL. */
  databaseUrlEnv: string;
  /** Environment of the database `databaseUrlEnv` points at, when ENVIRONMENT does not say. */
  environment?: string;
  /** Levels that fail migrate-verify: lint findings and hazards, on one scale. */
  lint: { failOn: FailLevel; failOnHazard: FailLevel };
  /**
   * GRANT / REVOKE / ALTER DEFAULT PRIVILEGES of the models are applied on the shadow databases,
   * compared and migrated; false for teams that manage grants elsewhere (left out, not compared).
   */
  managePrivileges: boolean;
  /**
   * Generated migrations use online forms on tables that already exist (CONCURRENTLY index
   * builds, NOT VALID + VALIDATE, keys USING INDEX, SET NOT NULL through a validated check, in
   * steps of their own); false writes the plain forms in one transactional step.
   */
  online: boolean;
  /** `SET LOCAL lock_timeout` of every transactional step of a generated migration, e.g. `5s`
   * (pg-schema's default: 5s with online forms, none without). */
  lockTimeout?: string;
  kubernetes: KubernetesConfig;
  /**
   * Objects pg-schema does not manage that the service manages outside the migrations, named as
   * generate's UNSUPPORTED_OBJECT message names them (e.g. `publication orders_pub`): left out of
   * the completeness check instead of stopping generate and verify. Absent when empty.
   */
  ignoreObjects?: string[];
}

export type FailLevel = 'error' | 'warning' | 'info' | 'none';
const FAIL_LEVELS: FailLevel[] = ['error', 'warning', 'info', 'none'];
const LINT_FIELDS = new Set(['failOn', 'failOnHazard']);

export interface KubernetesConfig {
  namespace: string;
  context?: string;
  /** Label selector of the service's pods. */
  serviceSelector: string;
  /** Container holding the database URL env var; default the first. */
  container?: string;
  /** Env var of the service container with the database URL. */
  databaseUrlEnv: string;
  /** Label selector of the database pod that port-forward reaches. */
  databaseSelector: string;
  databasePort: number;
}

export class MigrateConfigError extends Error {
  constructor(file: string, field: string, problem: string) {
    super(`${file}: "${field}" ${problem}`);
    this.name = 'MigrateConfigError';
  }
}

const TOP_FIELDS = new Set([
  '$schema',
  'service',
  'models',
  'migrations',
  'schemas',
  'databaseUrlEnv',
  'environment',
  'lint',
  'managePrivileges',
  'online',
  'lockTimeout',
  'kubernetes',
  'ignoreObjects',
]);
const KUBE_FIELDS = new Set([
  'namespace',
  'context',
  'serviceSelector',
  'container',
  'databaseUrlEnv',
  'databaseSelector',
  'databasePort',
]);

/** Reads and validates a config file; every error names the file and the field. */
export function readMigrateConfig(file: string): MigrateConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new MigrateConfigError(file, '(file)', `is not valid JSON: ${(error as Error).message}`);
  }
  return resolveMigrateConfig(raw, file);
}

export function resolveMigrateConfig(raw: unknown, file: string): MigrateConfig {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw new MigrateConfigError(file, '(file)', 'must hold a JSON object');
  const value = raw as Record<string, unknown>;
  for (const key of Object.keys(value)) {
    if (!TOP_FIELDS.has(key))
      throw new MigrateConfigError(
        file,
        key,
        `is not a known field (known: ${[...TOP_FIELDS].slice(1).join(', ')})`,
      );
  }
  const service = string(file, value, 'service') ?? basename(dirname(file));
  if (!/^[a-z0-9][a-z0-9_-]*$/i.test(service))
    throw new MigrateConfigError(file, 'service', 'must be letters, digits, - or _');
  const lint = objectField(file, value, 'lint');
  for (const key of Object.keys(lint)) {
    if (!LINT_FIELDS.has(key))
      throw new MigrateConfigError(
        file,
        `lint.${key}`,
        `is not a known field (known: ${[...LINT_FIELDS].join(', ')})`,
      );
  }
  const failOn = failLevel(file, lint, 'failOn', 'error');
  const failOnHazard = failLevel(file, lint, 'failOnHazard', 'none');
  const managePrivileges = value.managePrivileges ?? true;
  if (typeof managePrivileges !== 'boolean')
    throw new MigrateConfigError(file, 'managePrivileges', 'must be true or false');
  const online = value.online ?? true;
  if (typeof online !== 'boolean') throw new MigrateConfigError(file, 'online', 'must be true or false');
  const lockTimeout = value.lockTimeout;
  if (
    lockTimeout !== undefined &&
    (typeof lockTimeout !== 'string' || !/^\d+(\.\d+)?\s*(us|ms|s|min|h|d)?$/.test(lockTimeout.trim()))
  )
    throw new MigrateConfigError(
      file,
      'lockTimeout',
      'must be a Postgres duration such as "5s", "500ms" or "1min"',
    );
  const schemas = value.schemas ?? ['public'];
  if (!Array.isArray(schemas) || schemas.length === 0 || schemas.some((s) => typeof s !== 'string' || !s)) {
    throw new MigrateConfigError(file, 'schemas', 'must be a non-empty array of schema names');
  }
  const ignoreObjects = value.ignoreObjects ?? [];
  if (!Array.isArray(ignoreObjects) || ignoreObjects.some((o) => typeof o !== 'string' || o.trim() === '')) {
    throw new MigrateConfigError(
      file,
      'ignoreObjects',
      'must be an array of object names as UNSUPPORTED_OBJECT prints them, e.g. "publication orders_pub"',
    );
  }
  return {
    service,
    models: relativePath(file, value, 'models') ?? 'models',
    migrations: relativePath(file, value, 'migrations') ?? 'migrations',
    schemas: schemas as string[],
    databaseUrlEnv:
      envName(file, value, 'databaseUrlEnv') ??
      `${service.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_DATABASE_URL`,
    ...(string(file, value, 'environment') ? { environment: string(file, value, 'environment') } : {}),
    lint: { failOn, failOnHazard },
    managePrivileges,
    online,
    ...(typeof lockTimeout === 'string' ? { lockTimeout: lockTimeout.trim() } : {}),
    kubernetes: kubernetes(file, objectField(file, value, 'kubernetes'), service),
    ...(ignoreObjects.length > 0 ? { ignoreObjects: ignoreObjects as string[] } : {}),
  };
}

function failLevel(
  file: string,
  lint: Record<string, unknown>,
  field: string,
  fallback: FailLevel,
): FailLevel {
  const value = lint[field] ?? fallback;
  const level = FAIL_LEVELS.find((l) => l === value);
  if (!level)
    throw new MigrateConfigError(file, `lint.${field}`, 'must be "error", "warning", "info" or "none"');
  return level;
}

function kubernetes(file: string, value: Record<string, unknown>, service: string): KubernetesConfig {
  for (const key of Object.keys(value)) {
    if (!KUBE_FIELDS.has(key))
      throw new MigrateConfigError(
        file,
        `kubernetes.${key}`,
        `is not a known field (known: ${[...KUBE_FIELDS].join(', ')})`,
      );
  }
  const port = value.databasePort ?? 5432;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new MigrateConfigError(file, 'kubernetes.databasePort', 'must be a port number');
  }
  const field = (name: string) => string(file, value, name, `kubernetes.${name}`);
  return {
    namespace: field('namespace') ?? 'bakery',
    ...(field('context') ? { context: field('context') } : {}),
    serviceSelector: field('serviceSelector') ?? `app.kubernetes.io/name=${service}`,
    ...(field('container') ? { container: field('container') } : {}),
    databaseUrlEnv: envName(file, value, 'databaseUrlEnv', 'kubernetes.databaseUrlEnv') ?? 'DATABASE_URL',
    databaseSelector: field('databaseSelector') ?? `app.kubernetes.io/name=${service}-db`,
    databasePort: port,
  };
}

function string(file: string, value: Record<string, unknown>, key: string, label = key): string | undefined {
  const v = value[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || v.trim() === '')
    throw new MigrateConfigError(file, label, 'must be a non-empty string');
  return v;
}

function relativePath(file: string, value: Record<string, unknown>, key: string): string | undefined {
  const v = string(file, value, key);
  if (v !== undefined && (v.startsWith('/') || v.split('/').includes('..'))) {
    throw new MigrateConfigError(file, key, 'must be a folder inside the project (relative, without "..")');
  }
  return v?.replace(/\/+$/, '');
}

function envName(file: string, value: Record<string, unknown>, key: string, label = key): string | undefined {
  const v = string(file, value, key, label);
  if (v !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(v))
    throw new MigrateConfigError(file, label, 'must be an environment variable name');
  return v;
}

function objectField(file: string, value: Record<string, unknown>, key: string): Record<string, unknown> {
  const v = value[key];
  if (v === undefined) return {};
  if (!v || typeof v !== 'object' || Array.isArray(v))
    throw new MigrateConfigError(file, key, 'must be an object');
  return v as Record<string, unknown>;
}
