import { dirname, join } from 'node:path';
import type { CreateNodes, CreateNodesResult } from '@nx/devkit';
import {
  hashObject,
  hashWithWorkspaceContext,
  PluginCache,
  workspaceDataDirectory,
} from '@nx/devkit/internal';
import { readMigrateConfig } from '../config/migrate-config.js';
import { engineInputs } from './engine-inputs.js';
import { migrateTargets } from './targets.js';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface NxMigratePluginOptions {}

const PLUGIN_VERSION = '3';

/**
 * Every folder with a migrate.config.json gets migrate-generate, migrate-verify and migrate-clean.
 * Inferred targets are cached per config file hash in Nx's workspace data folder (as Nx's own
 * plugins do), so a warm graph computation reads no config that did not change.
 */
export const createNodes: CreateNodes<NxMigratePluginOptions> = [
  '**/migrate.config.json',
  async (configFiles, options, context) => {
    const optionsHash = hashObject({ options: options ?? {}, version: PLUGIN_VERSION });
    const cache = new PluginCache<CreateNodesResult>(
      join(workspaceDataDirectory, `nx-migrate-${optionsHash}.hash`),
    );
    const files = configFiles.filter((file) => !file.split('/').includes('node_modules'));
    const hashes = await Promise.all(
      files.map((file) => hashWithWorkspaceContext(context.workspaceRoot, [file])),
    );
    let engine: ReturnType<typeof engineInputs> | undefined;
    try {
      return files.map((file, index) => {
        // The path is part of the key: identical configs in two services are two projects.
        const key = `${file}:${hashes[index]}:${optionsHash}`;
        let result = cache.get(key);
        if (!result) {
          engine ??= engineInputs(context.workspaceRoot);
          const root = dirname(file);
          const config = readMigrateConfig(join(context.workspaceRoot, file));
          result = { projects: { [root]: { targets: migrateTargets(config, engine) } } };
          cache.set(key, result);
        }
        return [file, result] as const;
      });
    } finally {
      cache.writeToDisk();
    }
  },
];

/** Nx 21-22 look for createNodesV2; 23+ prefer createNodes. Same function. */
export const createNodesV2 = createNodes;
