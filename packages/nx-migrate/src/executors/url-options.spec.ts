import { resolveUrlOption, urlHasPassword } from './url-options';

describe('URL options and their -env form', () => {
  const option = (url?: string, envName?: string) => ({
    flag: 'database-url',
    url,
    envName,
    suggestedEnv: 'AUTH_DATABASE_URL',
  });
  afterEach(() => delete process.env.URL_OPTIONS_SPEC_URL);

  it('knows a URL that carries a password', () => {
    expect(urlHasPassword('postgres://app:s3cret@db:5432/auth')).toBe(true);
    expect(urlHasPassword('postgres://app@db:5432/auth?password=s3cret')).toBe(true);
    expect(urlHasPassword('host=db user=app password=s3cret dbname=auth')).toBe(true);
    expect(urlHasPassword('postgres://app@db:5432/auth')).toBe(false);
    expect(urlHasPassword('postgres://app:@db/auth')).toBe(false);
  });

  it('warns when the URL option carries a password, naming the -env form', () => {
    const lines: string[] = [];
    const url = 'postgres://app:s3cret@db:5432/auth';
    expect(resolveUrlOption(option(url), (line) => lines.push(line))).toBe(url);
    expect(lines).toEqual([
      'warning: --database-url holds a password: Nx prints task options (the "> nx run ..." line) and keeps them in its run records, so it is shown and stored there. Pass the name of an environment variable instead: --database-url-env=AUTH_DATABASE_URL.',
    ]);
    expect(lines.join('')).not.toContain('s3cret');
    resolveUrlOption(option('postgres://app@db/auth'), (line) => lines.push(line));
    expect(lines).toHaveLength(1);
  });

  it('reads the URL from the variable named by the -env form, without a warning', () => {
    process.env.URL_OPTIONS_SPEC_URL = 'postgres://app:s3cret@db/auth';
    const lines: string[] = [];
    expect(resolveUrlOption(option(undefined, 'URL_OPTIONS_SPEC_URL'), (l) => lines.push(l))).toBe(
      'postgres://app:s3cret@db/auth',
    );
    expect(lines).toEqual([]);
  });

  it('refuses both forms, an unset variable, and a URL where a name belongs', () => {
    process.env.URL_OPTIONS_SPEC_URL = 'postgres://db/auth';
    expect(() => resolveUrlOption(option('postgres://db/auth', 'URL_OPTIONS_SPEC_URL'))).toThrow(
      '--database-url and --database-url-env both given',
    );
    expect(() => resolveUrlOption(option(undefined, 'URL_OPTIONS_SPEC_MISSING'))).toThrow(
      '--database-url-env=URL_OPTIONS_SPEC_MISSING: URL_OPTIONS_SPEC_MISSING is not set (or empty) in this environment.',
    );
    expect(() => resolveUrlOption(option(undefined, 'postgres://db/auth'))).toThrow(
      "not an environment variable name (letters, digits, _); pass the variable's name, not its value.",
    );
  });
});
