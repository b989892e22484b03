import { createHash } from 'node:crypto';

/** Line endings are normalised first so a Windows checkout does not look like an edited migration. */
export function normalizeLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** The checksum stored in migrations.sum and schema_migrations: `h1:` + base64 SHA-256, as Atlas does. */
export function checksumOf(text: string): string {
  return 'h1:' + createHash('sha256').update(normalizeLineEndings(text), 'utf8').digest('base64');
}
