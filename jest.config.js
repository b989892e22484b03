/** One Jest run for the whole repository; see tools/test-db for how Postgres servers are chosen. */
const swc = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

/**
 * ESM-only packages that `@kubernetes/client-node` loads. Node 20.19 requires them natively
 * (require(esm)), but Jest's CommonJS registry cannot, so the tests compile them with swc.
 */
const esmOnlyPackages = [
  '@kubernetes/client-node',
  'openid-client',
  'oauth4webapi',
  'jose',
  'socks-proxy-agent',
  'agent-base',
];
const swcEsm = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/tools', '<rootDir>/services'],
  testMatch: ['**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: { '^.+\\.ts$': swc, '/node_modules/.+\\.js$': swcEsm },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyPackages.join('|')})/)`],
  moduleNameMapper: {
    '^@bakery-ia/(init-manager|pg-schema|nx-migrate)$': '<rootDir>/packages/$1/src/index.ts',
    '^@bakery-ia/pg-schema/embedded-server$': '<rootDir>/packages/pg-schema/src/shadow/embedded-server.ts',
    '^@bakery-ia/test-db$': '<rootDir>/tools/test-db/src/index.ts',
    '^@bakery-ia/fake-kube-api$': '<rootDir>/tools/fake-kube-api/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  globalSetup: '<rootDir>/tools/test-db/src/global-setup.ts',
  globalTeardown: '<rootDir>/tools/test-db/src/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
};
