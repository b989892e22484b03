import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testServers } from '@bakery-ia/test-db';

interface Step {
  from: number;
  to: number;
  status: string;
  noChange?: boolean;
  stage?: string;
  error?: string;
}
interface LaneResult {
  label: string;
  pgDumpCompared: boolean;
  full: { status: string; stage?: string; error?: string };
  steps: Step[];
  reseeds: unknown[];
}
const { checkHistory } = require('./lib/check-history.js') as {
  checkHistory(
    options: Record<string, unknown>,
  ): Promise<{ ok: boolean; lanes: LaneResult[]; history: { checkpoints: number } }>;
};
const { readHistory, checkpointIndexes } = require('./lib/history.js') as {
  readHistory(dir: string): Array<{ index: number }>;
  checkpointIndexes(count: number, options?: { every?: number }): number[];
};
const { dropCreated } = require('./lib/postgres.js') as { dropCreated(): Promise<void> };

const pgDumpMajor = Number(/(\d+)/.exec(execFileSync('pg_dump', ['--version'], { encoding: 'utf8' }))![1]);

/**
 * The example history (our own SQL) through the whole check on every test server: the replay on
 * the server pg_dump can dump, then the full history and each step on PG15 and PG18.
 */
describe('real-history on the example history', () => {
  const servers = testServers();
  const replay = servers.find((server) => server.majorVersion <= pgDumpMajor);
  let workDir: string;
  beforeEach(() => {
    workDir = mkdtempSync(join(tmpdir(), 'real-history-spec-'));
  });
  afterEach(async () => {
    await dropCreated();
    rmSync(workDir, { recursive: true, force: true });
  });

  (replay ? it : it.skip)(
    'round-trips: full history to "no changes", every step converging up and down, on each server',
    async () => {
      const migrations = readHistory(join(__dirname, 'example'));
      const lanes = servers.map((server) => ({
        key: server.label,
        label: server.label.toUpperCase(),
        url: server.url,
        server: server.label,
        canDump: server.majorVersion <= pgDumpMajor,
      }));
      const lines: string[] = [];
      const report = await checkHistory({
        historyName: 'example',
        migrations,
        checkpoints: checkpointIndexes(migrations.length),
        replayUrl: replay!.url,
        replayServer: replay!.label,
        lanes,
        workDir,
        psql: 'psql',
        pgDumpBin: 'pg_dump',
        log: (line: string) => lines.push(line),
      });
      for (const lane of report.lanes) {
        expect({ lane: lane.label, ...lane.full }).toEqual({
          lane: lane.label,
          status: 'pass',
          ms: expect.any(Number),
        });
        expect(lane.steps.filter((step) => step.status !== 'pass')).toEqual([]);
        expect(lane.steps.map((step) => [step.from, step.to, Boolean(step.noChange)])).toEqual([
          [0, 1, false],
          [1, 2, false],
          [2, 3, true],
          [3, 4, false],
          [4, 5, false],
          [5, 6, false],
        ]);
        expect(lane.reseeds).toEqual([]);
        expect(lane.pgDumpCompared).toBe(lanes.find((l) => l.label === lane.label)!.canDump);
      }
      expect(report.ok).toBe(true);
      expect(lines.some((line) => line.startsWith(`replayed 6 migrations on ${replay!.label}`))).toBe(true);
    },
    180_000,
  );
});
