import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCRIPT = join(__dirname, 'check-affected-base.sh');

/** The guard the CI example runs before `nx affected`, in a throw-away git repository. */
describe('check-affected-base.sh', () => {
  let repo: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
  const check = (nxBase?: string) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
    };
    delete env.NX_BASE;
    if (nxBase !== undefined) env.NX_BASE = nxBase;
    const run = spawnSync('bash', [SCRIPT], { cwd: repo, env, encoding: 'utf8' });
    return { status: run.status, output: run.stdout + run.stderr };
  };
  const commit = (file: string) => {
    writeFileSync(join(repo, file), file);
    git('add', file);
    git('-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-qm', file);
  };
  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'affected-base-'));
    git('init', '-q', '-b', 'main');
    commit('a');
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('fails when no base is set', () => {
    const run = check();
    expect(run.status).toBe(1);
    expect(run.output).toContain('NX_BASE is not set');
  });

  it('fails when the base is not a commit here (a shallow clone)', () => {
    const run = check('origin/main');
    expect(run.status).toBe(1);
    expect(run.output).toContain('NX_BASE=origin/main is not a commit in this clone');
  });

  it('fails on the base itself, where nx affected would run nothing', () => {
    const run = check('main');
    expect(run.status).toBe(1);
    expect(run.output).toContain('HEAD is already part of NX_BASE=main');
  });

  it('passes on a branch with commits of its own', () => {
    git('checkout', '-q', '-b', 'feature');
    commit('b');
    const run = check('main');
    expect(run.status).toBe(0);
    expect(run.output).toContain('nx affected compares HEAD with main');
  });
});
