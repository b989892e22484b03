import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import serviceGenerator from './generator';

describe('service generator', () => {
  it('creates a service with config, models, migrations and startup code', async () => {
    const tree = createTreeWithEmptyWorkspace();
    await serviceGenerator(tree, { name: 'loyalty' });
    const files = tree
      .listChanges()
      .map((change) => change.path)
      .filter((path) => path.startsWith('services/'))
      .sort();
    expect(files).toEqual([
      'services/loyalty/migrate.config.json',
      'services/loyalty/migrations/.gitkeep',
      'services/loyalty/models/01_tables.sql',
      'services/loyalty/package.json',
      'services/loyalty/src/database.ts',
      'services/loyalty/src/main.ts',
      'services/loyalty/src/migrate.ts',
      'services/loyalty/tsconfig.json',
    ]);
    expect(JSON.parse(tree.read('services/loyalty/migrate.config.json', 'utf8')!)).toMatchObject({
      service: 'loyalty',
      schemas: ['public'],
      databaseUrlEnv: 'LOYALTY_DATABASE_URL',
    });
    expect(JSON.parse(tree.read('services/loyalty/package.json', 'utf8')!).nx).toEqual({ name: 'loyalty' });
    expect(tree.read('services/loyalty/src/database.ts', 'utf8')).toContain("service: 'loyalty'");
  });

  it('refuses a bad name and an existing service', async () => {
    const tree = createTreeWithEmptyWorkspace();
    await expect(serviceGenerator(tree, { name: 'Loyalty Points' })).rejects.toThrow('must be lower case');
    await serviceGenerator(tree, { name: 'loyalty' });
    await expect(serviceGenerator(tree, { name: 'loyalty' })).rejects.toThrow('already exists');
  });
});
