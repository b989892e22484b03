import { maskSecrets } from '@bakery-ia/init-manager';
import { PgSchemaError } from '@bakery-ia/pg-schema';

/** A URL option and its environment-variable form, e.g. `--database-url` / `--database-url-env`. */
export interface UrlOption {
  /** What the user types: `database-url`. */
  flag: string;
  /** The URL as given, if any. */
  url: string | undefined;
  /** The name of the environment variable holding it, if given. */
  envName: string | undefined;
  /** The variable to suggest in the warning, e.g. AUTH_DATABASE_URL. */
  suggestedEnv: string;
}

/**
 * The URL of an option given directly or by environment-variable name (never both). Nx prints
 * every executor option in its output and keeps it in its run records, so a URL with a password
 * given directly gets a warning pointing at the `-env` form, whose value Nx never sees.
 */
export function resolveUrlOption(
  option: UrlOption,
  warn: (line: string) => void = (line) => console.warn(line),
): string | undefined {
  if (option.url && option.envName) {
    throw new PgSchemaError(
      'USAGE',
      `--${option.flag} and --${option.flag}-env both given: pass one (prefer --${option.flag}-env, whose value Nx never prints).`,
    );
  }
  if (option.envName !== undefined) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(option.envName)) {
      throw new PgSchemaError(
        'USAGE',
        `--${option.flag}-env=${maskSecrets(option.envName)}: not an environment variable name (letters, digits, _); pass the variable's name, not its value.`,
      );
    }
    const value = process.env[option.envName];
    if (!value) {
      throw new PgSchemaError(
        'USAGE',
        `--${option.flag}-env=${option.envName}: ${option.envName} is not set (or empty) in this environment.`,
      );
    }
    return value;
  }
  if (option.url && urlHasPassword(option.url)) {
    warn(
      `warning: --${option.flag} holds a password: Nx prints task options (the "> nx run ..." line) and keeps them ` +
        `in its run records, so it is shown and stored there. Pass the name of an environment variable instead: ` +
        `--${option.flag}-env=${option.suggestedEnv}.`,
    );
  }
  return option.url || undefined;
}

/** `postgres://user:secret@host/db`, `...?password=secret`, or a `password=secret` key/value string. */
export function urlHasPassword(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.password !== '' || Boolean(parsed.searchParams.get('password'));
  } catch {
    return /(^|\s)password\s*=\s*\S/i.test(url);
  }
}
