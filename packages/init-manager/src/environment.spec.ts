import { isProtectedEnvironment, resolveEnvironment } from './environment';

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
  });

  it('knows the protected environments and their aliases', () => {
    expect(['production', 'PROD', 'staging', 'stg'].map(isProtectedEnvironment)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['development', 'local', 'test', undefined].map(isProtectedEnvironment)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
