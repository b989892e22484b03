import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

type EngineInput = string | { externalDependencies: string[] };

const PACKAGES = ['@bakery-ia/nx-migrate', '@bakery-ia/pg-schema', '@bakery-ia/init-manager'];

/**
 * Inputs that stand for the code of the plugin, the engine and the runtime: their sources when
 * they are workspace packages (this monorepo: found through npm's lockfile links, or resolved
 * inside the workspace), else the installed versions, which Nx knows only from a lockfile.
 */
export function engineInputs(workspaceRoot: string): EngineInput[] {
  const links = workspaceLinks(workspaceRoot);
  const inWorkspace: string[] = [];
  const external: string[] = [];
  for (const name of PACKAGES) {
    const folder = links.get(name) ?? resolvedInside(workspaceRoot, name);
    if (folder !== undefined) {
      inWorkspace.push(
        `{workspaceRoot}/${folder}/src/**/*.ts`,
        `!{workspaceRoot}/${folder}/src/**/*.spec.ts`,
      );
    } else if (inLockfile(workspaceRoot, name)) {
      external.push(name);
    }
  }
  return external.length ? [...inWorkspace, { externalDependencies: external }] : inWorkspace;
}

/** npm lockfile v2/v3: `"node_modules/@x/y": { "resolved": "packages/y", "link": true }`. */
function workspaceLinks(workspaceRoot: string): Map<string, string> {
  const links = new Map<string, string>();
  const path = join(workspaceRoot, 'package-lock.json');
  if (!existsSync(path)) return links;
  try {
    const lock = JSON.parse(readFileSync(path, 'utf8')) as {
      packages?: Record<string, { resolved?: string; link?: boolean }>;
    };
    for (const name of PACKAGES) {
      const entry = lock.packages?.[`node_modules/${name}`];
      if (entry?.link && entry.resolved && !entry.resolved.startsWith('..')) links.set(name, entry.resolved);
    }
  } catch {
    // An unreadable lockfile only costs the precise inputs.
  }
  return links;
}

function resolvedInside(workspaceRoot: string, name: string): string | undefined {
  try {
    const root = dirname(require.resolve(`${name}/package.json`, { paths: [workspaceRoot] }));
    const rel = relative(workspaceRoot, root).split(sep).join('/');
    return rel.startsWith('..') || rel.includes('node_modules') ? undefined : rel;
  } catch {
    return undefined;
  }
}

const LOCKFILES = ['package-lock.json', 'pnpm-lock.yaml', 'yarn.lock', 'bun.lock'];

function inLockfile(workspaceRoot: string, name: string): boolean {
  return LOCKFILES.some((file) => {
    const path = join(workspaceRoot, file);
    return existsSync(path) && readFileSync(path, 'utf8').includes(name);
  });
}
