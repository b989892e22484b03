import { join } from 'node:path';
import { describeEachServer } from '@bakery-ia/test-db';
import { readCorpusGroup, type CorpusCase } from './corpus-case';
import { checkConvergence } from './convergence';

/**
 * Declares one convergence test per case of a corpus folder, on every test server. Cases run
 * concurrently (Jest's maxConcurrency): each uses its own databases, and most of a case's time
 * is spent waiting for CREATE DATABASE and the server.
 */
export function runCorpusGroup(group: string): void {
  runCorpusCases(group, readCorpusGroup(join(__dirname, '..', 'corpus', group)));
}

/** The same for cases built in code (test/matrix). */
export function runCorpusCases(group: string, cases: CorpusCase[]): void {
  describeEachServer(`convergence: ${group}`, (server) => {
    for (const corpusCase of cases) {
      // A case for a newer Postgres (VIRTUAL generated columns: PG18) is skipped, and says so.
      const tooOld = corpusCase.minServer !== undefined && server.majorVersion < corpusCase.minServer;
      (tooOld ? it.concurrent.skip : it.concurrent)(
        tooOld ? `${corpusCase.name} (needs PostgreSQL ${corpusCase.minServer}+)` : corpusCase.name,
        async () => {
          if (corpusCase.expectError) {
            await expect(checkConvergence(server, corpusCase)).rejects.toThrow(corpusCase.expectError);
          } else {
            await checkConvergence(server, corpusCase);
          }
        },
        120_000,
      );
    }
  });
}
