export { testServers, primaryTestServer, probeServer, LOCAL_SERVER_URL } from './servers';
export type { TestServer } from './servers';
export { createTestDatabase, adminQuery, databaseUrl } from './test-database';
export type { TestDatabase } from './test-database';
export { describeEachServer } from './describe-each-server';
