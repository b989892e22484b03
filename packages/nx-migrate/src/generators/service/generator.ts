import { relative } from 'node:path';
import { formatFiles, type Tree } from '@nx/devkit';
import { serviceFiles } from './service-files.js';
import type { ServiceGeneratorOptions } from './schema.js';

/** `nx g @bakery-ia/nx-migrate:service loyalty`: a service with models, migrations and startup code. */
export default async function serviceGenerator(
  tree: Tree,
  options: ServiceGeneratorOptions,
): Promise<() => void> {
  if (!/^[a-z][a-z0-9-]*$/.test(options.name)) {
    throw new Error(
      `Service name "${options.name}" must be lower case letters, digits and dashes, starting with a letter.`,
    );
  }
  const directory = (options.directory ?? `services/${options.name}`).replace(/\/+$/, '');
  if (tree.exists(`${directory}/migrate.config.json`)) {
    throw new Error(`${directory}/migrate.config.json already exists: the service is there already.`);
  }
  const schemas = options.schemas
    ? options.schemas
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : ['public'];
  const toRoot = relative(`/${directory}`, '/') || '.';
  for (const [file, content] of Object.entries(
    serviceFiles({ name: options.name, directory, schemas, toRoot }),
  )) {
    tree.write(`${directory}/${file}`, content);
  }
  await formatFiles(tree);
  return () => {
    console.log(`Created ${directory}. Next:`);
    console.log(`  npm install                                  # link the new workspace package`);
    console.log(`  edit ${directory}/models/*.sql`);
    console.log(`  nx run ${options.name}:migrate-generate --name=initial`);
  };
}
