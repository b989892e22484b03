import { join } from 'node:path';

interface Options {
  help?: boolean;
  historyDir?: string;
  shadowUrl: string;
  servers: string[];
  every: number;
  from: number;
  to?: number;
  reportFile: string;
  keep: boolean;
}
const { parseOptions, UsageError, LOCAL_URL } = require('./options.js') as {
  parseOptions(argv: string[], env?: Record<string, string>, now?: Date): Options;
  UsageError: new (message: string) => Error;
  LOCAL_URL: string;
};

describe('real-history options', () => {
  const now = new Date('2026-01-02T03:04:05.678Z');

  it('defaults: the local server, both lanes, every migration, a report in the temp folder', () => {
    const options = parseOptions(['hist/miniflux'], {}, now);
    expect(options.historyDir).toBe(join(process.cwd(), 'hist/miniflux'));
    expect(options.shadowUrl).toBe(LOCAL_URL);
    expect(options.servers).toEqual(['shadow', 'embedded']);
    expect(options.every).toBe(1);
    expect(options.from).toBe(1);
    expect(options.to).toBeUndefined();
    expect(options.reportFile).toMatch(/real-history-miniflux-2026-01-02T03-04-05-678Z\.json$/);
    expect(options.reportFile.startsWith(process.cwd())).toBe(false);
  });

  it('takes the server from the environment and the flags, in both spellings', () => {
    expect(parseOptions(['h'], { REAL_HISTORY_SHADOW_URL: 'postgres://x@y/z' }).shadowUrl).toBe(
      'postgres://x@y/z',
    );
    const options = parseOptions([
      'h',
      '--shadow-url=postgres://a@b/c',
      '--every',
      '5',
      '--servers',
      'embedded',
      '--keep',
    ]);
    expect(options).toMatchObject({
      shadowUrl: 'postgres://a@b/c',
      every: 5,
      servers: ['embedded'],
      keep: true,
    });
  });

  it('refuses what it cannot use, with the option named', () => {
    expect(() => parseOptions([])).toThrow(/give the folder/);
    expect(() => parseOptions(['h', '--every', '0'])).toThrow(/--every needs a whole number/);
    expect(() => parseOptions(['h', '--servers', 'pg15'])).toThrow(/--servers takes shadow and\/or embedded/);
    expect(() => parseOptions(['h', '--from', '9', '--to', '3'])).toThrow(/--from 9 is after --to 3/);
    expect(() => parseOptions(['h', '--nope'])).toThrow(UsageError);
    expect(() => parseOptions(['a', 'b'])).toThrow(/one history folder only/);
  });

  it('answers --help before anything else', () => {
    expect(parseOptions(['--help'])).toEqual({ help: true });
  });
});
