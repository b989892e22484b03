import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const workspaceData = mkdtempSync(join(tmpdir(), 'nx-migrate-data-'));
process.env.NX_WORKSPACE_DATA_DIRECTORY = workspaceData;

const { createNodes } = require('./plugin') as typeof import('./plugin');

const { resetWorkspaceContext } = require('@nx/devkit/internal') as { resetWorkspaceContext: () => void };

describe('createNodes', () => {
  let root: string;
  const files = [
    'services/a/migrate.config.json',
    'services/b/migrate.config.json',
    'services/c/migrate.config.json',
  ];
  const context = () => ({ workspaceRoot: root, nxJsonConfiguration: {} });
  const configReads = (spy: jest.SpyInstance) =>
    spy.mock.calls.filter(([path]) => String(path).endsWith('migrate.config.json')).length;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'nx-migrate-plugin-'));
    for (const file of files) {
      mkdirSync(join(root, file, '..'), { recursive: true });
      writeFileSync(join(root, file), '{}');
    }
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
    jest.restoreAllMocks();
  });
  afterAll(() => rmSync(workspaceData, { recursive: true, force: true }));

  it('adds the three targets to the project holding each config, with its own service name', async () => {
    const results = await createNodes[1](files, {}, context());
    expect(results.map(([file]) => file)).toEqual(files);
    const b = results[1][1].projects!['services/b'];
    expect(Object.keys(b.targets!)).toEqual([
      'migrate-generate',
      'migrate-verify',
      'migrate-verify-live',
      'migrate-docs',
      'migrate-clean',
    ]);
    expect(b.targets!['migrate-verify'].metadata!.description).toContain('CI gate for b');
    expect(b.targets!['migrate-clean'].cache).toBe(false);
  });

  it('reads no config on a warm run, and only the changed one after an edit', async () => {
    await createNodes[1](files, {}, context());
    // The module object itself (a namespace import would be a copy that the plugin never calls).

    const spy = jest.spyOn(require('node:fs') as typeof import('node:fs'), 'readFileSync');
    await createNodes[1](files, {}, context());
    expect(configReads(spy)).toBe(0);
    writeFileSync(join(root, files[2]), JSON.stringify({ schemas: ['c'] }));
    // A new nx process starts with a fresh workspace context; this test process must reset it.
    resetWorkspaceContext();
    const results = await createNodes[1](files, {}, context());
    expect(configReads(spy)).toBe(1);
    expect(results[2][1].projects!['services/c'].targets!['migrate-generate']).toBeDefined();
  });

  it('reports a bad config with the file and the field', async () => {
    writeFileSync(join(root, files[0]), JSON.stringify({ lint: { failOn: 'loud' } }));
    await expect(createNodes[1](files, {}, context())).rejects.toThrow(
      'services/a/migrate.config.json: "lint.failOn"',
    );
  });
});
