import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const REPO_ROOT = join(__dirname, '..', '..', '..', '..');

export interface NxResult {
  status: number;
  output: string;
}

/**
 * A throw-away Nx workspace that uses this repository's node_modules (so the real `nx` binary
 * and the built @bakery-ia packages), with the nx-migrate plugin registered and git initialised.
 */
export class TempWorkspace {
  readonly root: string;
  private readonly env: Record<string, string>;

  constructor(env: Record<string, string> = {}) {
    this.root = mkdtempSync(join(tmpdir(), 'nx-migrate-ws-'));
    this.env = env;
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(this.root, 'node_modules'), 'dir');
    this.write('package.json', JSON.stringify({ name: 'temp-workspace', private: true }, null, 2));
    this.write(
      'nx.json',
      JSON.stringify({ plugins: ['@bakery-ia/nx-migrate'], neverConnectToCloud: true }, null, 2),
    );
    this.write('.gitignore', 'node_modules\n.nx\n');
    this.git('init', '-q', '-b', 'main');
    this.git('config', 'user.email', 'test@example.com');
    this.git('config', 'user.name', 'test');
  }

  /** A service folder with project.json, migrate.config.json and one models file. */
  addService(name: string, models: string, config: Record<string, unknown> = {}): void {
    this.write(`services/${name}/project.json`, JSON.stringify({ name, root: `services/${name}` }));
    this.write(`services/${name}/migrate.config.json`, JSON.stringify({ service: name, ...config }, null, 2));
    this.write(`services/${name}/models/01_models.sql`, models);
  }

  write(file: string, content: string): void {
    const path = join(this.root, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }

  read(file: string): string {
    return readFileSync(join(this.root, file), 'utf8');
  }

  commit(message: string): void {
    this.git('add', '-A');
    this.git('commit', '-q', '-m', message);
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.root, encoding: 'utf8' });
  }

  /** Runs the real nx binary (no daemon, static output) and returns its exit status and output. */
  nx(...args: string[]): NxResult {
    const style = ['run', 'run-many', 'affected'].includes(args[0]) ? ['--output-style=static'] : [];
    const result = spawnSync(
      process.execPath,
      [join(REPO_ROOT, 'node_modules', 'nx', 'dist', 'bin', 'nx.js'), ...args, ...style],
      {
        cwd: this.root,
        encoding: 'utf8',
        env: {
          ...process.env,
          NX_DAEMON: 'false',
          NX_NO_CLOUD: 'true',
          NX_TUI: 'false',
          CI: 'true',
          FORCE_COLOR: '0',
          ...this.env,
        },
        timeout: 240_000,
      },
    );
    return { status: result.status ?? -1, output: `${result.stdout}\n${result.stderr}` };
  }

  /** Runs a binary of the shared node_modules/.bin in the workspace. */
  bin(name: string, ...args: string[]): NxResult {
    const result = spawnSync(join(this.root, 'node_modules', '.bin', name), args, {
      cwd: this.root,
      encoding: 'utf8',
    });
    return { status: result.status ?? -1, output: `${result.stdout}\n${result.stderr}` };
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/**
 * Task names Nx ran (not from cache), from static output lines `> nx run a:target`, once each (a
 * batch of one task prints its line twice: when the batch starts and with its output).
 */
export function executedTasks(output: string): string[] {
  return output
    .split('\n')
    .filter(
      (line) =>
        /^> nx run \S+/.test(line.trim()) &&
        !/\[(local cache|existing outputs match the cache, left as is|remote cache)\]/.test(line),
    )
    .map((line) => /nx run (\S+)/.exec(line)![1])
    .filter((task, index, tasks) => tasks.indexOf(task) === index)
    .sort();
}

/** Task names Nx took from its cache. */
export function cachedTasks(output: string): string[] {
  return output
    .split('\n')
    .filter(
      (line) =>
        /^> nx run \S+/.test(line.trim()) &&
        /\[(local cache|existing outputs match the cache, left as is)\]/.test(line),
    )
    .map((line) => /nx run (\S+)/.exec(line)![1])
    .sort();
}
