import { duplicateVersions } from './duplicate-versions';

describe('duplicateVersions', () => {
  it('groups files by number, however it is padded', () => {
    expect(
      duplicateVersions(['0001_a.sql', '0002_b.sql', '0002_c.sql', '002_d.sql', '0003_e.sql', 'notes.sql']),
    ).toEqual([['0002_b.sql', '0002_c.sql', '002_d.sql']]);
    expect(duplicateVersions(['0001_a.sql', '0002_b.sql'])).toEqual([]);
  });
});
