// The plugin entry Nx loads on every graph computation: keep its imports light.
export { createNodes, createNodesV2 } from './plugins/plugin.js';
export type { NxMigratePluginOptions } from './plugins/plugin.js';
