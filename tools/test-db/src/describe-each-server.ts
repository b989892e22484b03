import { testServers, type TestServer } from './servers';

/**
 * Declares a suite once per Postgres server of the run (PG15 local and PG18 embedded here), so
 * version differences fail a named test: `applier [pg15]`, `applier [pg18]`.
 */
export function describeEachServer(name: string, body: (server: TestServer) => void): void {
  for (const server of testServers()) {
    describe(`${name} [${server.label}]`, () => body(server));
  }
}
