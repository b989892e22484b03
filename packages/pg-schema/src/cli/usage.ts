export const USAGE = `pg-schema: PostgreSQL schema diff and migrations for one service

Usage:
  pg-schema diff     --models DIR --migrations DIR [--shadow-url URL] [--format sql|json] [--exit-code]
                     [--no-online] [--lock-timeout DURATION]
  pg-schema generate --models DIR --migrations DIR [--name NAME] [--dry-run] [--shadow-url URL]
                     [--no-online] [--lock-timeout DURATION]
  pg-schema verify   --models DIR --migrations DIR [--shadow-url URL] [--fail-on error|warning|info|none]
                     [--fail-on-hazard error|warning|info|none] [--database-url URL] [--format text|json|junit]
                     [--output-file FILE] [--no-round-trip]
  pg-schema hash     --migrations DIR
  pg-schema inspect  --database-url URL [--schemas a,b] [--no-privileges]
  pg-schema docs     --models DIR [--out FILE] [--title TEXT] [--shadow-url URL] [--no-privileges]

Common options:
  --schemas a,b      schemas to compare (default: every non-system schema)
  --no-privileges    privileges are managed elsewhere: leave the models' GRANT / REVOKE / ALTER
                     DEFAULT PRIVILEGES out and do not compare privileges
  --no-online        write the plain forms in one transactional step (default: on tables that exist,
                     CONCURRENTLY index builds, NOT VALID + VALIDATE, keys USING INDEX, SET NOT NULL
                     through a validated check, each in its own step)
  --lock-timeout D   SET LOCAL lock_timeout at the start of each transactional step (default 5s with
                     online forms, none with --no-online)
  --shadow-url URL   server for throw-away shadow databases (default: $MIGRATE_SHADOW_URL, else an
                     embedded PostgreSQL started for the run)

Exit codes: 0 success (diff: also "no changes"); 1 changes found with --exit-code, a failed check, or
an error; verify: 2 when it cannot run (usage error, shadow server or live database unreachable);
130 after Ctrl-C (shadow databases removed).
`;
