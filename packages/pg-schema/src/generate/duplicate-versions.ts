/** Groups of migration file names that share a version number (`0002_a.sql`, `002_b.sql`). */
export function duplicateVersions(fileNames: string[]): string[][] {
  const byVersion = new Map<number, string[]>();
  for (const fileName of fileNames) {
    const match = /^(\d+)_/.exec(fileName);
    if (!match) continue;
    const version = Number(match[1]);
    byVersion.set(version, [...(byVersion.get(version) ?? []), fileName]);
  }
  return [...byVersion.values()].filter((files) => files.length > 1);
}
