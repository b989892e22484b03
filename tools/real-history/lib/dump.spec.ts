interface Difference {
  missing: string[];
  extra: string[];
  changed: Array<{ object: string; expected: string; actual: string }>;
  reordered: Array<{ object: string; expected: string[]; actual: string[] }>;
}
const dump = require('./dump.js') as {
  dumpObjects(text: string): Map<string, string[]>;
  compareDumps(expected: string, actual: string): Difference | undefined;
  onlyColumnOrder(difference: Difference): boolean;
  describeDumpDifference(difference: Difference): string;
};

/** A pg_dump-shaped text: each object under its `-- Name:` header, with the noise pg_dump adds. */
function dumpOf(...objects: Array<[string, string, string]>): string {
  const body = objects.map(
    ([type, name, sql]) => `--\n-- Name: ${name}; Type: ${type}; Schema: public; Owner: -\n--\n\n${sql}\n\n`,
  );
  return `--\n-- PostgreSQL database dump\n--\n\n\\restrict abc\nSET lock_timeout = 0;\n\n${body.join('')}\\unrestrict abc\n`;
}

const users = (columns: string) =>
  ['TABLE', 'users', `CREATE TABLE public.users (\n${columns}\n);`] as [string, string, string];

describe('real-history: comparing dumps', () => {
  it('keys objects by type and name, without comments, blank lines and meta-commands', () => {
    const objects = dump.dumpObjects(dumpOf(users('    id integer NOT NULL')));
    expect([...objects.keys()]).toEqual(['TABLE public.users']);
    expect(objects.get('TABLE public.users')).toEqual([
      'CREATE TABLE public.users (',
      '    id integer NOT NULL',
      ');',
    ]);
  });

  it('finds nothing between two dumps that differ only in \\restrict keys and comments', () => {
    const a = dumpOf(users('    id integer NOT NULL'));
    expect(
      dump.compareDumps(a, a.replace(/abc/g, 'xyz').replace('PostgreSQL database dump', 'other')),
    ).toBeUndefined();
  });

  it('names missing, unexpected and changed objects with the first differing line', () => {
    const index = [
      'INDEX',
      'users_email_idx',
      'CREATE INDEX users_email_idx ON public.users USING btree (email);',
    ] as [string, string, string];
    const view = ['VIEW', 'v', 'CREATE VIEW public.v AS\n SELECT 1;'] as [string, string, string];
    const difference = dump.compareDumps(
      dumpOf(users('    id integer NOT NULL,\n    email text'), index),
      dumpOf(users('    id integer NOT NULL,\n    email character varying'), view),
    )!;
    expect(difference.missing).toEqual(['INDEX public.users_email_idx']);
    expect(difference.extra).toEqual(['VIEW public.v']);
    expect(difference.changed).toEqual([
      { object: 'TABLE public.users', expected: 'email text', actual: 'email character varying' },
    ]);
    expect(dump.onlyColumnOrder(difference)).toBe(false);
    expect(dump.describeDumpDifference(difference)).toBe(
      'missing INDEX public.users_email_idx; unexpected VIEW public.v; TABLE public.users: expected "email text", got "email character varying"',
    );
  });

  it('tells a column order difference from a changed column', () => {
    const difference = dump.compareDumps(
      dumpOf(users('    id integer NOT NULL,\n    b text,\n    a text')),
      dumpOf(users('    id integer NOT NULL,\n    a text,\n    b text')),
    )!;
    expect(difference.changed).toEqual([]);
    expect(difference.reordered).toEqual([
      { object: 'TABLE public.users', expected: ['id', 'b', 'a'], actual: ['id', 'a', 'b'] },
    ]);
    expect(dump.onlyColumnOrder(difference)).toBe(true);
    expect(dump.describeDumpDifference(difference)).toBe(
      'TABLE public.users: column order expected (…, b, a), got (…, a, b)',
    );
  });
});
