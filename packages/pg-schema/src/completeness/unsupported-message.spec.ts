import { unsupportedFix, unsupportedMessage, type LocatedUnsupported } from './unsupported-message';
import { describeUnsupported, type UnsupportedObject } from './unsupported';

const operator: UnsupportedObject = {
  part: 'object',
  kind: 'operator',
  name: 'public.===(integer, integer)',
  address: { type: 'operator', names: ['public', '==='], args: ['integer', 'integer'] },
};
const family: UnsupportedObject = {
  part: 'object',
  kind: 'operator family',
  name: 'public.myops using btree',
  address: { type: 'operator family', names: ['btree', 'public', 'myops'], args: [] },
};
const comment: UnsupportedObject = {
  part: 'comment',
  kind: 'extension',
  name: 'citext',
  address: { type: 'extension', names: ['citext'], args: [] },
};
const publication: UnsupportedObject = {
  part: 'object',
  kind: 'publication',
  name: 'pub',
  address: { type: 'publication', names: ['pub'], args: [] },
};

describe('describeUnsupported', () => {
  it('names the object as the ignore setting takes it', () => {
    expect(describeUnsupported(operator)).toBe('operator public.===(integer, integer)');
    expect(describeUnsupported(comment)).toBe('comment on extension citext');
    expect(describeUnsupported({ ...publication, part: 'privileges' })).toBe('privileges on publication pub');
  });
});

describe('unsupportedMessage', () => {
  it('lists each object at its file:line, per side, and says what to do', () => {
    const found: LocatedUnsupported[] = [
      { object: family, side: 'models', location: { file: 'models/02_ops.sql', line: 9 } },
      { object: operator, side: 'models', location: { file: 'models/02_ops.sql', line: 4 } },
      { object: comment, side: 'models' },
      { object: publication, side: 'migrations', location: { file: 'migrations/0003_pub.sql', line: 5 } },
    ];
    expect(unsupportedMessage(found).split('\n')).toEqual([
      'The models create objects that pg-schema does not manage (a migration would silently leave them out):',
      '  models/02_ops.sql:4: operator public.===(integer, integer)',
      '  models/02_ops.sql:9: operator family public.myops using btree',
      '  models (no statement names it): comment on extension citext',
      'The committed migrations create objects that pg-schema does not manage (later migrations would not see them):',
      '  migrations/0003_pub.sql:5: publication pub',
      'Remove each from the models (one a committed migration created needs a hand-written migration that drops it), ' +
        'or manage it outside the migrations and list it in "ignoreObjects" of migrate.config.json exactly as named above ' +
        '(e.g. "operator family public.myops using btree"). See docs/troubleshooting.md#unsupported_object.',
    ]);
  });

  it('puts what one statement created on one line', () => {
    const at = { file: 'models/01.sql', line: 3 };
    const message = unsupportedMessage([
      { object: publication, side: 'models', location: at },
      { object: { ...publication, part: 'comment' }, side: 'models', location: at },
    ]);
    expect(message).toContain('  models/01.sql:3: publication pub, comment on publication pub\n');
  });

  it('tells a committed migration apart from the models in the fix', () => {
    expect(unsupportedFix({ object: publication, side: 'models' })).toBe(
      'remove it from the models, or manage it outside the migrations and add "publication pub" to "ignoreObjects" in migrate.config.json',
    );
    expect(unsupportedFix({ object: publication, side: 'migrations' })).toMatch(
      /^drop it in a new migration written by hand/,
    );
  });
});
