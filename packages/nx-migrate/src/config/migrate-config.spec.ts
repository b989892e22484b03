import { MigrateConfigError, resolveMigrateConfig } from './migrate-config';

const FILE = 'services/auth/migrate.config.json';

describe('migrate.config.json', () => {
  it('fills every default from the folder name', () => {
    expect(resolveMigrateConfig({}, FILE)).toEqual({
      service: 'auth',
      models: 'models',
      migrations: 'migrations',
      schemas: ['public'],
      databaseUrlEnv: 'AUTH_DATABASE_URL',
      lint: { failOn: 'error', failOnHazard: 'none' },
      managePrivileges: true,
      online: true,
      kubernetes: {
        namespace: 'bakery',
        serviceSelector: 'app.kubernetes.io/name=auth',
        databaseUrlEnv: 'DATABASE_URL',
        databaseSelector: 'app.kubernetes.io/name=auth-db',
        databasePort: 5432,
      },
    });
  });

  it('turns privilege management off for teams that manage grants elsewhere', () => {
    expect(resolveMigrateConfig({ managePrivileges: false }, FILE).managePrivileges).toBe(false);
  });

  it('turns the online forms off and sets the lock timeout of generated steps', () => {
    const config = resolveMigrateConfig({ online: false, lockTimeout: '2s' }, FILE);
    expect(config).toMatchObject({ online: false, lockTimeout: '2s' });
    expect(resolveMigrateConfig({}, FILE)).not.toHaveProperty('lockTimeout');
  });

  it('keeps the objects to leave out of the completeness check, one by one', () => {
    expect(resolveMigrateConfig({ ignoreObjects: ['publication orders_pub'] }, FILE).ignoreObjects).toEqual([
      'publication orders_pub',
    ]);
    expect(resolveMigrateConfig({ ignoreObjects: [] }, FILE)).not.toHaveProperty('ignoreObjects');
  });

  it.each([
    [
      { schemas: [] },
      'services/auth/migrate.config.json: "schemas" must be a non-empty array of schema names',
    ],
    [{ models: '../other' }, '"models" must be a folder inside the project'],
    [{ databaseUrlEnv: 'not valid' }, '"databaseUrlEnv" must be an environment variable name'],
    [{ lint: { failOn: 'fatal' } }, '"lint.failOn" must be "error", "warning", "info" or "none"'],
    [{ lint: { failOnHazard: 'loud' } }, '"lint.failOnHazard" must be "error", "warning", "info" or "none"'],
    [{ lint: { failon: 'error' } }, '"lint.failon" is not a known field (known: failOn, failOnHazard)'],
    [{ kubernetes: { databasePort: 'x' } }, '"kubernetes.databasePort" must be a port number'],
    [{ kubernetes: { namspace: 'x' } }, '"kubernetes.namspace" is not a known field'],
    [{ migration: 'x' }, '"migration" is not a known field'],
    [{ managePrivileges: 'no' }, '"managePrivileges" must be true or false'],
    [{ online: 'yes' }, '"online" must be true or false'],
    [{ lockTimeout: '5 seconds' }, '"lockTimeout" must be a Postgres duration'],
    [[], '"(file)" must hold a JSON object'],
    [{ ignoreObjects: 'publication p' }, '"ignoreObjects" must be an array of object names'],
    [{ ignoreObjects: [''] }, '"ignoreObjects" must be an array of object names'],
  ])('names the file and the field of a bad value: %j', (raw, message) => {
    expect(() => resolveMigrateConfig(raw, FILE)).toThrow(MigrateConfigError);
    expect(() => resolveMigrateConfig(raw, FILE)).toThrow(message);
  });
});
