import {
  DEVELOPMENT_ENVIRONMENTS,
  isDevelopmentEnvironment,
  isProtectedEnvironment,
  resolveEnvironment,
} from './environment';

describe('resolveEnvironment', () => {
  it('prefers the option, then ENVIRONMENT, then NODE_ENV, then development', () => {
    expect(resolveEnvironment('staging', { ENVIRONMENT: 'production' })).toMatchObject({
      name: 'staging',
      source: 'option',
    });
    expect(resolveEnvironment(undefined, { ENVIRONMENT: 'prod', NODE_ENV: 'development' })).toMatchObject({
      name: 'production',
      source: 'ENVIRONMENT',
      allowsCreateAll: false,
    });
    expect(resolveEnvironment(undefined, { NODE_ENV: 'test' })).toMatchObject({
      name: 'test',
      allowsCreateAll: true,
    });
    expect(resolveEnvironment(undefined, {})).toEqual({
      name: 'development',
      source: 'default',
      allowsCreateAll: true,
    });
  });

  it('treats an unknown environment like production', () => {
    expect(resolveEnvironment('qa', {})).toMatchObject({ name: 'qa', allowsCreateAll: false });
    expect(resolveEnvironment('prd', {})).toMatchObject({ name: 'prd', allowsCreateAll: false });
  });

  it('allows create-all in ci, a development name', () => {
    expect(resolveEnvironment(undefined, { ENVIRONMENT: 'CI' })).toMatchObject({
      name: 'ci',
      allowsCreateAll: true,
    });
  });
});

describe('the environment policy (an allow-list of development names)', () => {
  it('lets only the development names and their aliases through', () => {
    expect(DEVELOPMENT_ENVIRONMENTS).toEqual(['development', 'local', 'test', 'ci']);
    const development = ['development', 'dev', 'DEV', 'develop', ' local ', 'test', 'testing', 'ci'];
    expect(development.filter(isProtectedEnvironment)).toEqual([]);
    expect(development.every(isDevelopmentEnvironment)).toBe(true);
  });

  it('protects production, staging and every name it does not know', () => {
    const others = [
      'production',
      'PROD',
      'staging',
      'stg',
      'prd',
      'live',
      'production_eu',
      'prod-eu',
      'qa',
      'uat',
      'preprod',
      'development-eu',
      'dev2',
    ];
    expect(others.filter((name) => !isProtectedEnvironment(name))).toEqual([]);
  });

  it('treats no name as the default, development', () => {
    expect([undefined, '', '  '].map(isProtectedEnvironment)).toEqual([false, false, false]);
  });
});
