import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/**
 * Nx 23 asks about analytics on the first interactive command and writes the answer into nx.json
 * (node_modules/nx/dist/src/utils/analytics-prompt.js), which makes every project "affected". The
 * answer is committed, so the prompt never appears.
 */
describe('nx.json', () => {
  const nxJson = JSON.parse(readFileSync(join(ROOT, 'nx.json'), 'utf8'));

  it('commits the analytics answer, so Nx never prompts for it', async () => {
    expect(typeof nxJson.analytics).toBe('boolean');
    // Nx's own check, in an interactive, non-CI run, on a copy of nx.json: answered, nothing written.
    const { ensureAnalyticsPreferenceSet } = require(
      join(ROOT, 'node_modules', 'nx', 'dist', 'src', 'utils', 'analytics-prompt.js'),
    ) as { ensureAnalyticsPreferenceSet: (root: string, interactive: boolean) => Promise<string> };
    const root = mkdtempSync(join(tmpdir(), 'nx-json-'));
    const saved = process.env.CI;
    process.env.CI = 'false';
    try {
      const text = JSON.stringify(nxJson, null, 2);
      writeFileSync(join(root, 'nx.json'), text);
      expect(await ensureAnalyticsPreferenceSet(root, true)).toBe(nxJson.analytics ? 'yes' : 'no');
      expect(readFileSync(join(root, 'nx.json'), 'utf8')).toBe(text);
    } finally {
      if (saved === undefined) delete process.env.CI;
      else process.env.CI = saved;
      rmSync(root, { recursive: true, force: true });
    }
  });
});
