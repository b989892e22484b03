import {
  loadSqlParser,
  quoteIdent,
  rolesDeclaredBy,
  rolesNamedBy,
  splitStatements,
} from '@bakery-ia/init-manager';
import { adminQuery, type TestServer } from '@bakery-ia/test-db';

/**
 * The roles a case's SQL names, created on the test server as a cluster's provisioning would
 * (plain NOLOGIN roles, never dropped: the engine leaves roles it did not create alone), so the
 * migrations the case generates also apply to the test databases of that server.
 */
export async function provisionRoles(server: TestServer, texts: string[]): Promise<void> {
  await loadSqlParser();
  // psql meta-commands (pg_dump's \restrict) are blanked as readModelFiles does.
  const statements = texts.flatMap((text) => splitStatements(text.replace(/^\\.*$/gm, '')));
  const roles = new Set([...rolesNamedBy(statements), ...rolesDeclaredBy(statements)]);
  for (const role of roles) {
    // DO ... EXCEPTION: concurrent cases may provision the same role.
    await adminQuery(
      server,
      `DO $$ BEGIN CREATE ROLE ${quoteIdent(role)} NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`,
    );
  }
}
