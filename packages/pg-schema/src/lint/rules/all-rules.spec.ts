import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES } from './all-rules';

/** docs/lint.md's rule table must list every rule with its level, squawk names and schema awareness. */
describe('docs/lint.md rule table', () => {
  const doc = readFileSync(join(__dirname, '..', '..', '..', '..', '..', 'docs', 'lint.md'), 'utf8');
  const rows = new Map(
    doc
      .split('\n')
      .filter((line) => /^\| `[a-z-]+` +\|/.test(line))
      .map((line) => line.split('|').map((cell) => cell.trim()))
      .map((cells) => [cells[1].replace(/`/g, ''), cells]),
  );

  it.each(ALL_RULES.map((rule) => [rule.id, rule]))('%s', (_id, rule) => {
    const cells = rows.get(rule.id);
    expect(cells).toBeDefined();
    expect(cells?.[2]).toBe(rule.level);
    for (const name of rule.squawk) expect(cells?.[4]).toContain(`\`${name}\``);
    expect(cells?.[5]).toBe(rule.schemaAware ? 'yes' : 'no');
  });
});
