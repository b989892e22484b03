import { survivesJson } from './survives-json';

describe('survivesJson', () => {
  it('accepts plain data and refuses what JSON would change', () => {
    expect(survivesJson({ a: [1, 'x', null, true, { b: undefined }], c: {} })).toBe(true);
    for (const changed of [new Map(), new Set(), new Date(0), [undefined], NaN, Infinity, -0, 1n, () => 1])
      expect(survivesJson({ field: changed })).toBe(false);
    // eslint-disable-next-line no-sparse-arrays
    expect(survivesJson([1, , 3])).toBe(false);
  });
});
