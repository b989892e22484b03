#!/usr/bin/env bash
# Runs every shell command shown in docs/*.md and README.md, safely, and fails when one fails or
# when the docs show a command this script does not run.
#
#   tools/scripts/check-docs-commands.sh        (from anywhere; works from .ci/run: CI=true, no stdin)
#
# - Read-only commands run in this repository (as the docs show them).
# - Commands that write (generate, the service generator, hash, clean --yes, git commit, ...) run in
#   throw-away copies of the repository (a `git clone --shared` with the working tree copied over it,
#   so uncommitted changes are included, and node_modules linked), deleted at the end.
# - Databases are scratch databases (docs_check_<pid>_*) created on the local server and dropped at
#   the end; `auth_dev` and other names in the docs are replaced by them.
# - Commands that cannot run as written are run in their closest safe form and say so in the docs:
#   `npm ci` / `npm install` (would replace the shared node_modules), `npm test` (the full suite is
#   .ci/run's job), `kubectl apply` and every `--k8s` command (no cluster: the --k8s commands run
#   against tools/fake-kube-api, once more with the service pods Pending, plus the Jest spec that
#   drives the same fake server).
# - Live comparisons (migrate-verify-live) read scratch databases: through the env var named by
#   databaseUrlEnv, through --database-url, and through --k8s; migrate-verify must refuse a live
#   database.
# - Run time (about 2.5 minutes on two cores): four lanes in parallel, each with its own empty Nx
#   cache: A (read-only Nx commands here), J (--k8s against the fake cluster, the CLI, the Jest spec,
#   here), B and C (each in its own copy). The two run-many commands run with --parallel=2, what a
#   two-core machine can use; the packages are built once, before the copies are made; a command
#   that several pages show is run once.
# - The GitHub Actions example in docs/workflows.md is parsed as YAML and its run steps must be
#   commands this script runs.
#
# Environment: DOCS_CHECK_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres, a superuser
# URL; also used as MIGRATE_SHADOW_URL), DOCS_CHECK_KEEP=1 keeps the work folder for debugging.
# Prints one line per command (ok / FAIL) and exits 1 if any failed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
STARTED=$SECONDS

PG_URL="${DOCS_CHECK_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
DOC_PG_URL="postgres://postgres@127.0.0.1:5432/postgres" # the server URL the docs show
PREFIX="docs_check_$$_"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/check-docs.XXXXXX")"
mkdir -p "$WORK/logs" "$WORK/bin"
: >"$WORK/covered"
: >"$WORK/results"

export MIGRATE_SHADOW_URL="$PG_URL"
export NX_DAEMON=false NX_ISOLATE_PLUGINS=false NX_NO_CLOUD=true NX_TUI=false CI=true FORCE_COLOR=0
# Nx shares its cache between checkouts of a repository (~/.nx/<id>/cache): each lane gets its own,
# empty one, so every command really runs and nothing is left in yours. The two lanes that run in
# this checkout (A and J) also get their own workspace-data folder (the project graph cache), so
# they never write the same files at once, nor into this checkout's .nx.
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=docs-check GIT_AUTHOR_EMAIL=docs-check@example.invalid
export GIT_COMMITTER_NAME=docs-check GIT_COMMITTER_EMAIL=docs-check@example.invalid
unset KUBECONFIG AUTH_DATABASE_URL ENVIRONMENT NODE_ENV DATABASE_URL MIGRATION_DATABASE_URL || true

psql_admin() { psql "$PG_URL" -X -q -At -v ON_ERROR_STOP=1 "$@"; }
db_url() { node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.toString())' "$PG_URL" "$1"; }

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [[ -s "$WORK/fake-cluster.pid" ]]; then kill -TERM -- "-$(cat "$WORK/fake-cluster.pid")" 2>/dev/null || true; fi
  # Lanes still running after an interrupt: end them and their children (by process id).
  for pid in $(jobs -p); do kill_tree "$pid"; done
  if psql_admin -c 'SELECT 1' >/dev/null 2>&1; then
    for db in $(psql_admin -c "SELECT datname FROM pg_database WHERE datname LIKE '${PREFIX}%'"); do
      psql_admin -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 || true
    done
  fi
  if [[ "${DOCS_CHECK_KEEP:-0}" == 1 ]]; then echo "work folder kept: $WORK"; else rm -rf "$WORK"; fi
  exit "$status"
}
kill_tree() {
  local child
  for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do kill_tree "$child"; done
  kill -TERM "$1" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# `npx <local bin>` runs node_modules/.bin/<bin> directly: what npx runs, without npm's start-up.
REAL_NPX="$(command -v npx)"
cat >"$WORK/bin/npx" <<EOF
#!/usr/bin/env bash
if [[ \$# -gt 0 && -x "\$PWD/node_modules/.bin/\$1" ]]; then bin=\$1; shift; exec "\$PWD/node_modules/.bin/\$bin" "\$@"; fi
exec "$REAL_NPX" "\$@"
EOF
chmod +x "$WORK/bin/npx"
export PATH="$WORK/bin:$PATH"

# CPU seconds of a command (user + system, children included), when GNU time is installed.
timed() {
  local out="$1"
  shift
  if [[ -x /usr/bin/time ]]; then /usr/bin/time -q -f '%U %S' -o "$out" "$@"; else "$@"; fi
}
cpu_of() { [[ -s "$1" ]] && tail -n 1 "$1" | awk '{ printf ", cpu %.0f s", $1 + $2 }'; return 0; }
normalize() { sed -E 's/^[[:space:]]+|[[:space:]]+$//g; s/[[:space:]]+/ /g; s/^npx //'; }
cover() { printf '%s\n' "$1" | normalize >>"$WORK/covered"; }
result() { # status command detail
  printf '%s\n' "$1" >>"$WORK/results"
  printf '%-4s %s%s\n' "$1" "$2" "${3:+  ($3)}"
}

# run_doc DIR EXPECT PATTERN DOC [ACTUAL]
#   Runs ACTUAL (default: DOC, the command exactly as the docs show it) with bash in DIR, stdin
#   closed. EXPECT is ok (exit 0), fail (non-zero exit: a refusal the docs describe) or any (the
#   exit depends on the repository's state). PATTERN, if not empty, is an extended regex the output
#   must contain (with a leading !, must not contain).
run_doc() {
  local dir="$1" expect="$2" pattern="$3" doc="$4" actual="${5:-$4}"
  local log status=0 started=$SECONDS detail
  log="$(mktemp "$WORK/logs/cmd.XXXXXX")"
  cover "$doc"
  (cd "$dir" && timed "$log.cpu" timeout --kill-after=10 300 bash -c "$actual") </dev/null >"$log" 2>&1 || status=$?
  detail="$((SECONDS - started)) s$(cpu_of "$log.cpu")${5:+, run as: $actual}"
  if [[ "$expect" == ok && $status -ne 0 ]]; then
    fail_with_log "$doc" "exit $status, expected 0; $detail" "$log"
  elif [[ "$expect" == fail && $status -eq 0 ]]; then
    fail_with_log "$doc" "exit 0, expected a refusal; $detail" "$log"
  elif [[ -n "$pattern" && "$pattern" != !* ]] && ! grep -Eq -- "$pattern" "$log"; then
    fail_with_log "$doc" "output lacks /$pattern/; exit $status; $detail" "$log"
  elif [[ "$pattern" == !* ]] && grep -Eq -- "${pattern#!}" "$log"; then
    fail_with_log "$doc" "output has /${pattern#!}/; exit $status; $detail" "$log"
  else
    result ok "$doc" "$detail"
  fi
}
fail_with_log() {
  { result FAIL "$1" "$2"; sed -e 's/^/       | /' "$3" | tail -n 25; } | cat
}
# A step of the docs that is an edit, not a command: it must succeed for the next commands to mean anything.
edit() { # DIR DESCRIPTION SCRIPT
  if ! (cd "$1" && bash -c "$3") >"$WORK/logs/edit.log" 2>&1; then
    fail_with_log "(edit) $2" "the edit failed" "$WORK/logs/edit.log"
  fi
}
# run_until DIR PATTERN DOC ACTUAL: a long-running command (a server) is ok once PATTERN shows up.
run_until() {
  local dir="$1" pattern="$2" doc="$3" actual="$4" log pid found=0 started=$SECONDS
  log="$(mktemp "$WORK/logs/cmd.XXXXXX")"
  cover "$doc"
  (cd "$dir" && exec setsid bash -c "$actual") </dev/null >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 240); do
    if grep -Eq -- "$pattern" "$log"; then found=1; break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  kill -TERM -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [[ $found == 1 ]]; then
    result ok "$doc" "$((SECONDS - started)) s, stopped once it printed /$pattern/"
  else
    fail_with_log "$doc" "never printed /$pattern/" "$log"
  fi
}

# A throw-away copy of the repository with the working tree as it is now (uncommitted work included).
make_copy() {
  local dir="$1" entry name
  git clone -q --shared --no-checkout "$ROOT" "$dir"
  tar -C "$ROOT" --exclude=./.git --exclude=./.nx --exclude='node_modules' -cf - . | tar -C "$dir" -xf -
  (cd "$dir" && git reset -q && printf 'node_modules\n.nx\n' >>.git/info/exclude)
  mkdir "$dir/node_modules"
  for entry in "$ROOT"/node_modules/* "$ROOT"/node_modules/.[!.]*; do
    name="$(basename "$entry")"
    [[ "$name" == @bakery-ia ]] || ln -s "$entry" "$dir/node_modules/$name"
  done
  # Workspace packages are relative links: they resolve to the copy's own packages and services.
  cp -a "$ROOT/node_modules/@bakery-ia" "$dir/node_modules/"
  while IFS= read -r nested; do
    ln -s "$ROOT/$nested" "$dir/$nested"
  done < <(find . -path ./node_modules -prune -o -path ./.git -prune -o -type d -name node_modules -print -prune | sed 's#^\./##')
}

new_db() { psql_admin -c "CREATE DATABASE \"$1\" TEMPLATE template0" >/dev/null; }
# Applies a service's committed migrations with init-manager (setup, not a docs command).
migrate_db() {
  node -e '
    const im = require("@bakery-ia/init-manager");
    im.initializeServiceDatabase({ service: "auth", databaseUrl: process.argv[1],
      migrationsDir: "services/auth/migrations", logger: im.silentLogger })
      .catch((e) => { console.error(e.message); process.exit(1); });' "$1"
}

# ---------------------------------------------------------------------------------------------
echo "check-docs-commands: PostgreSQL at $(sed -E 's#(://[^:/@]+):[^@]*@#\1:***@#' <<<"$PG_URL"), work folder $WORK"
if ! psql_admin -c 'SELECT 1' >/dev/null 2>&1; then
  echo "check-docs-commands: cannot reach PostgreSQL (DOCS_CHECK_PG_URL)" >&2
  exit 2
fi

# Root README: `npm ci` would replace the node_modules this checkout shares: check the installed
# tree against the lockfile and run what npm ci's prepare step runs (the build) instead.
run_doc . ok '' 'npm ci' 'npm ls >/dev/null && npm run build'
cover 'npm ls'
cover 'npm run build'
# The full Jest suite is .ci/run's job (minutes); here: the configuration loads and finds the suites.
run_doc . ok 'spec\.ts' 'npm test' 'npx jest --listTests'
# The benchmark takes minutes (its page says so): check its entry point exists and parses.
run_doc . ok '' 'npm run bench' "node --check tools/bench/run.js && grep -q '\"bench\": \"node tools/bench/run.js\"' package.json"

# Copies for the lanes that write, made after the build so they carry fresh dist folders.
make_copy "$WORK/copy-b"
make_copy "$WORK/copy-c"

# ---------------------------------------------------------------------------------------------
# Lane A: read-only commands in this repository, live comparisons against a scratch database.
lane_a() {
  local R="$ROOT"
  export NX_CACHE_DIRECTORY="$WORK/nx-cache-a" NX_WORKSPACE_DATA_DIRECTORY="$WORK/nx-data-a"
  new_db "${PREFIX}auth" && migrate_db "$(db_url "${PREFIX}auth")"
  export AUTH_DATABASE_URL="$(db_url "${PREFIX}auth")"

  run_doc "$R" ok 'Usage:' 'npx pg-schema help'
  # docs/real-history.md: the harness on its own example history, both lanes (writes only to the temp folder).
  run_doc "$R" ok '^ok: ' 'npm run real-history -- tools/real-history/example' \
    "REAL_HISTORY_SHADOW_URL='$PG_URL' npm run real-history -- tools/real-history/example"
  run_doc "$R" ok 'Usage:' 'node tools/real-history/run.js --help'
  run_doc "$R" ok '' "export MIGRATE_SHADOW_URL=$DOC_PG_URL" \
    "export MIGRATE_SHADOW_URL='$PG_URL' && psql \"\$MIGRATE_SHADOW_URL\" -Atc 'SELECT 1'"
  run_doc "$R" ok '"migrate-verify-live":.*"help":\{"command":"npx nx run auth:migrate-verify-live --help"' \
    'npx nx show project auth'
  run_doc "$R" ok '--databaseUrl' 'npx nx run auth:migrate-verify-live --help'
  run_doc "$R" ok '--dryRun' 'npx nx run auth:migrate-generate --help'
  run_doc "$R" ok '"ok": true' 'npx nx run auth:migrate-verify --output-format=json'
  # docs/lint.md: the committed inventory 0002 builds a plain index on an existing table.
  run_doc "$R" fail 'warning hazard:index-build: CREATE INDEX stock_movements_waste_idx' \
    'npx nx run inventory:migrate-verify --fail-on-hazard=warning'

  # Live comparisons: the env var (databaseUrlEnv), then --database-url with the variable unset.
  local live_url="$AUTH_DATABASE_URL" live_db="${PREFIX}auth"
  run_doc "$R" ok "ok +the live database matches the migrations \\(database \"$live_db\"" \
    'npx nx run auth:migrate-verify-live'
  run_doc "$R" ok "ok +the live database matches the migrations \\(database \"$live_db\"" \
    'npx nx run auth:migrate-verify-live --database-url=postgres://postgres@127.0.0.1:5432/auth_dev' \
    "env -u AUTH_DATABASE_URL npx nx run auth:migrate-verify-live --database-url='$live_url'"
  # The -env forms of the URL options: the URL comes from the named variable, Nx never sees it.
  run_doc "$R" ok "ok +the live database matches the migrations \\(database \"$live_db\"" \
    'npx nx run auth:migrate-verify-live --database-url-env=AUTH_STAGING_DATABASE_URL' \
    "env -u AUTH_DATABASE_URL AUTH_STAGING_DATABASE_URL='$live_url' npx nx run auth:migrate-verify-live --database-url-env=AUTH_STAGING_DATABASE_URL"
  run_doc "$R" ok 'Dry run: would drop' 'npx nx run auth:migrate-clean --dry-run --database-url-env=AUTH_COPY_DATABASE_URL' \
    "env -u AUTH_DATABASE_URL AUTH_COPY_DATABASE_URL='$live_url' npx nx run auth:migrate-clean --dry-run --database-url-env=AUTH_COPY_DATABASE_URL"
  run_doc "$R" ok 'no changes' 'npx nx run auth:migrate-generate --dry-run --shadow-url-env=CI_SHADOW_URL' \
    "env -u MIGRATE_SHADOW_URL CI_SHADOW_URL='$PG_URL' npx nx run auth:migrate-generate --dry-run --shadow-url-env=CI_SHADOW_URL"
  # migrate-verify is cached: it must refuse a live database (shown in migrate-verify.md and troubleshooting.md).
  run_doc "$R" fail 'auth:migrate-verify: a live database cannot be part of a cached target: run nx run auth:migrate-verify-live \(with AUTH_DATABASE_URL set\) instead\.' \
    'npx nx run auth:migrate-verify --database-url=postgres://postgres@127.0.0.1:5432/auth_dev' \
    "npx nx run auth:migrate-verify --database-url='$live_url'"

  run_doc "$R" ok 'CREATE services/loyalty/migrate.config.json' \
    'npx nx g @bakery-ia/nx-migrate:service loyalty --dry-run'
  run_doc "$R" ok 'Successfully ran target migrate-verify for 14 projects' 'npx nx run-many -t migrate-verify' \
    'npx nx run-many -t migrate-verify --parallel=2'
  run_doc "$R" ok 'ok +database ' 'npx nx run auth:migrate-clean --dry-run --preflight'
  run_doc "$R" fail 'the target is production' 'ENVIRONMENT=production npx nx run auth:migrate-clean --yes'
}

# Lane J: the --k8s commands against tools/fake-kube-api (also with the service pods Pending), then
# the Jest spec kubernetes.md points to, which drives the same fake server (only the local Postgres).
lane_j() {
  local R="$ROOT" kubeconfig="" k8s_db="${PREFIX}k8s"
  export NX_CACHE_DIRECTORY="$WORK/nx-cache-j" NX_WORKSPACE_DATA_DIRECTORY="$WORK/nx-data-j"
  # --k8s against tools/fake-kube-api: a cluster shaped like k8s/base whose auth-db pod forwards to
  # a scratch database here. Proves the CLI path and our client use, not a real cluster.
  new_db "$k8s_db" && migrate_db "$(db_url "$k8s_db")"
  local pg_host pg_port
  read -r pg_host pg_port < <(node -e 'const u = new URL(process.argv[1]); console.log(u.hostname, u.port || 5432)' "$PG_URL")
  (exec setsid node "$WORK/fake-cluster.js" "$ROOT" "$k8s_db" "$pg_host" "$pg_port" "$WORK/kubeconfig-path") \
    >"$WORK/logs/fake-cluster.log" 2>&1 &
  echo $! >"$WORK/fake-cluster.pid"
  for _ in $(seq 1 60); do [[ -s "$WORK/kubeconfig-path" ]] && break; sleep 0.5; done
  kubeconfig="$(cat "$WORK/kubeconfig-path" 2>/dev/null || true)"
  if [[ -z "$kubeconfig" ]]; then
    fail_with_log "(setup) fake Kubernetes API server" "did not start" "$WORK/logs/fake-cluster.log"
  fi
  local fake="KUBECONFIG='$kubeconfig'"
  run_doc "$R" ok 'via pod auth-db-0 in namespace bakery' 'npx nx run auth:migrate-clean --k8s --dry-run' \
    "$fake npx nx run auth:migrate-clean --k8s --dry-run"
  run_doc "$R" fail 'no terminal to confirm on' 'npx nx run auth:migrate-clean --k8s' \
    "$fake npx nx run auth:migrate-clean --k8s"
  run_doc "$R" ok 'ok +the live database matches the migrations \(database "'"$k8s_db"'" on 127\.0\.0\.1:[0-9]+: [0-9]+ applied' \
    'npx nx run auth:migrate-verify-live --k8s' "$fake npx nx run auth:migrate-verify-live --k8s"
  run_doc "$R" fail 'auth:migrate-verify: a live database cannot be part of a cached target: run nx run auth:migrate-verify-live --k8s instead\.' \
    'npx nx run auth:migrate-verify --k8s' "$fake npx nx run auth:migrate-verify --k8s"
  # Both auth pods Pending (a failing migrate init container): the URL still comes from their spec,
  # the service pods line is a warning, and the command goes on (kubernetes.md, Pending service pods).
  kill -USR1 "$(cat "$WORK/fake-cluster.pid")" 2>/dev/null || true
  for _ in $(seq 1 20); do grep -q 'pods Pending' "$WORK/logs/fake-cluster.log" && break; sleep 0.2; done
  run_doc "$R" ok 'warning +service pods +0 of 2 pods Running \(2 Pending\) for "app.kubernetes.io/name=auth"' \
    'npx nx run auth:migrate-clean --k8s --dry-run' \
    "out=\$($fake npx nx run auth:migrate-clean --k8s --dry-run 2>&1); status=\$?; echo \"\$out\"; [ \$status = 0 ] && grep -q 'Dry run: would drop' <<<\"\$out\""
  kill -TERM -- "-$(cat "$WORK/fake-cluster.pid")" 2>/dev/null || true

  # The CLI outside Nx (read-only here), against the same scratch database.
  export AUTH_DATABASE_URL="$(db_url "$k8s_db")"
  local models='--models services/auth/models' migrations='--migrations services/auth/migrations'
  run_doc "$R" ok '' "npx pg-schema diff $models $migrations --exit-code"
  run_doc "$R" ok '"changed": false' "npx pg-schema diff $models $migrations --format json"
  run_doc "$R" ok 'No changes' "npx pg-schema generate $models $migrations --name add_loyalty_points --dry-run"
  run_doc "$R" ok 'All checks passed' "npx pg-schema verify $models $migrations"
  run_doc "$R" ok '"tables"' 'npx pg-schema inspect --database-url "$AUTH_DATABASE_URL" --schemas public'
  run_doc "$R" ok 'erDiagram' 'npx pg-schema docs --models services/auth/models --title "The auth service schema"'

  # Production manifests: rendered offline; `kubectl apply` needs a cluster, so the rendering is checked.
  if command -v kubectl >/dev/null; then
    run_doc "$R" ok 'ENVIRONMENT: production' 'kubectl kustomize k8s/overlays/production'
    run_doc "$R" ok 'production overlay ok' 'kubectl apply -k k8s/overlays/production' \
      "kubectl kustomize k8s/overlays/production | node '$WORK/check-overlay.js'"
  else
    run_doc "$R" ok 'production overlay ok' 'kubectl kustomize k8s/overlays/production' \
      "echo 'kubectl is not installed: checking the YAML files instead' && node '$WORK/check-overlay.js' --files"
    run_doc "$R" ok 'production overlay ok' 'kubectl apply -k k8s/overlays/production' \
      "node '$WORK/check-overlay.js' --files"
  fi

  run_doc "$ROOT" ok 'Tests: +3 passed' 'npx jest packages/nx-migrate/src/executors/clean/executor-k8s.spec.ts' \
    "TEST_DATABASE_URL='$PG_URL' TEST_EMBEDDED_POSTGRES=off npx jest packages/nx-migrate/src/executors/clean/executor-k8s.spec.ts"
}

# Lane B: docs/workflows.md in a copy: first setup, a model change, a rename, an enum value,
# production rehearsal, cleaning; and the CLI commands that write.
lane_b() {
  local B="$WORK/copy-b" db="${PREFIX}auth_dev" url
  export NX_CACHE_DIRECTORY="$WORK/nx-cache-b"
  url="$(db_url "$db")"
  run_doc "$B" ok '' 'createdb -h 127.0.0.1 -U postgres auth_dev' "createdb --maintenance-db='$PG_URL' '$db'"
  export AUTH_DATABASE_URL="$url"
  run_doc "$B" ok '' 'export AUTH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/auth_dev' \
    "export AUTH_DATABASE_URL='$url' && psql \"\$AUTH_DATABASE_URL\" -Atc 'SELECT 1'"
  run_doc "$B" ok 'applied [0-9]+ migration' 'npx nx run auth:migrate'
  local port
  port="$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')"
  run_until "$B" 'auth: listening on' 'npx nx run auth:serve' "PORT=$port npx nx run auth:serve"

  edit "$B" 'add users.loyalty_points to services/auth/models/02_tables.sql' \
    "sed -i 's/^    mfa_enabled    boolean     NOT NULL DEFAULT false,\$/&\n    loyalty_points integer     NOT NULL DEFAULT 0,/' services/auth/models/02_tables.sql && grep -q loyalty_points services/auth/models/02_tables.sql"
  run_doc "$B" fail '\+ column public.users.loyalty_points' 'npx nx run auth:migrate-generate --check'
  run_doc "$B" ok 'dry run: nothing written' 'npx nx run auth:migrate-generate --dry-run'
  run_doc "$B" ok 'wrote services/auth/migrations/[0-9]{4}_add_loyalty_points.sql' \
    'npx nx run auth:migrate-generate --name=add_loyalty_points'
  run_doc "$B" ok 'All checks passed' 'npx nx run auth:migrate-verify'
  run_doc "$B" ok '' 'git add services/auth/models services/auth/migrations'
  run_doc "$B" ok 'add loyalty points' 'git commit -m "auth: add loyalty points"'

  edit "$B" 'rename users.phone with a @renamed-from hint' \
    "sed -i 's/^    phone          text,\$/    phone_number   text,       -- @renamed-from phone/' services/auth/models/02_tables.sql && grep -q 'renamed-from phone' services/auth/models/02_tables.sql"
  run_doc "$B" ok '> column public.users.phone_number \(from phone\)' \
    'npx nx run auth:migrate-generate --name=rename_users_phone'
  run_doc "$B" fail 'lint:accept rename' 'npx nx run auth:migrate-verify --fail-on=warning'
  edit "$B" 'accept the rename finding' \
    "f=\$(ls services/auth/migrations/*_rename_users_phone.sql) && sed -i '0,/^-- migrate:up/s//-- lint:accept rename\n&/' \"\$f\" && grep -q 'lint:accept rename' \"\$f\""
  run_doc "$B" ok 'Wrote services/auth/migrations/migrations.sum' 'npx pg-schema hash --migrations services/auth/migrations'
  run_doc "$B" any '!_rename_users_phone.sql:[0-9]+: warning rename' 'npx nx run auth:migrate-verify --fail-on=warning'

  edit "$B" "add 'archived' to user_status" \
    "sed -i \"s/('pending', 'active', 'suspended', 'deleted')/('pending', 'active', 'suspended', 'archived', 'deleted')/\" services/auth/models/01_types.sql && grep -q archived services/auth/models/01_types.sql"
  run_doc "$B" ok "ADD VALUE IF NOT EXISTS 'archived' BEFORE 'deleted'" \
    'npx nx run auth:migrate-generate --name=add_user_status_archived' \
    "npx nx run auth:migrate-generate --name=add_user_status_archived && grep -A1 -- '-- migrate:up transaction:false' services/auth/migrations/*_add_user_status_archived.sql"

  run_doc "$B" ok 'applied [0-9]+ migration' 'ENVIRONMENT=production npx nx run auth:migrate'
  run_doc "$B/services/auth" ok 'auth: up-to-date' 'node dist/migrate.js' "DATABASE_URL='$url' node dist/migrate.js"

  run_doc "$B" ok 'Dry run: would drop' 'npx nx run auth:migrate-clean --dry-run'
  run_doc "$B" fail 'no terminal to confirm on' 'npx nx run auth:migrate-clean'
  run_doc "$B" ok 'the schemas are empty' 'npx nx run auth:migrate-clean --yes'
  run_doc "$B/services/auth" ok 'auth: migrations, [0-9]+ applied' 'node dist/migrate.js' "DATABASE_URL='$url' node dist/migrate.js"

  local models='--models services/auth/models' migrations='--migrations services/auth/migrations'
  run_doc "$B" ok 'All checks passed' \
    "npx pg-schema verify $models $migrations --format junit --output-file auth-verify.xml" \
    "npx pg-schema verify $models $migrations --format junit --output-file auth-verify.xml && grep -q '<testsuites' auth-verify.xml"
  run_doc "$B" ok 'Wrote docs/schema/auth.md' \
    'npx pg-schema docs --models services/auth/models --out docs/schema/auth.md --title "The auth service schema"'
}

# Lane C: nx affected and run-many, the service generator, adopting a database, migrate-docs,
# a JUnit report, cleaning every service.
lane_c() {
  local C="$WORK/copy-c" project var
  export NX_CACHE_DIRECTORY="$WORK/nx-cache-c"
  # As on a pull request: the working tree committed as origin/main (and main), then one change to auth.
  edit "$C" 'commit the copy as origin/main, then touch the auth models' \
    "git add -A && git commit -q --allow-empty -m 'docs check: base' && git update-ref refs/remotes/origin/main HEAD && git update-ref refs/heads/main HEAD && echo '-- changed by the docs check' >>services/auth/models/03_triggers.sql"
  run_doc "$C" ok 'nx run auth:migrate-verify' 'npx nx affected -t migrate-verify --base=origin/main' \
    "out=\$(npx nx affected -t migrate-verify --base=origin/main 2>&1); status=\$?; echo \"\$out\"; [ \$status = 0 ] && ! grep -q 'nx run tenant:' <<<\"\$out\""
  run_doc "$C" ok 'nx run auth:migrate-verify' 'NX_BASE=origin/main npx nx affected -t migrate-verify'
  cover 'npx nx affected -t migrate-verify' # the CI example's step, with NX_BASE from its env
  # The CI example's base check: without NX_BASE it must fail (here HEAD is origin/main, so with
  # it too; its spec, tools/scripts/check-affected-base.spec.ts, covers the passing case).
  run_doc "$C" fail 'NX_BASE is not set' 'bash tools/scripts/check-affected-base.sh' \
    'env -u NX_BASE bash tools/scripts/check-affected-base.sh'
  run_doc "$C" ok 'Successfully ran target migrate-generate for 14 projects' 'npx nx run-many -t migrate-generate' \
    'npx nx run-many -t migrate-generate --parallel=2'
  run_doc "$C" ok 'wrote docs/schema/auth.md' 'npx nx run auth:migrate-docs'
  run_doc "$C" ok '<testsuites' \
    'npx nx run auth:migrate-verify --output-format=junit --output-file=reports/auth-verify.xml --skip-nx-cache' \
    'npx nx run auth:migrate-verify --output-format=junit --output-file=reports/auth-verify.xml --skip-nx-cache && cat reports/auth-verify.xml'

  # Scratch databases with something in them for the services run-many cleans.
  for project in auth orders; do
    var="$(tr 'a-z-' 'A-Z_' <<<"$project")_DATABASE_URL"
    new_db "${PREFIX}c_$project"
    psql "$(db_url "${PREFIX}c_$project")" -X -q -c 'CREATE TABLE leftover (id int)'
    export "$var=$(db_url "${PREFIX}c_$project")"
  done
  run_doc "$C" ok 'Successfully ran target migrate-clean for 2 projects' \
    'npx nx run-many -t migrate-clean --yes --projects=auth,orders'

  run_doc "$C" ok 'Created services/loyalty' 'npx nx g @bakery-ia/nx-migrate:service loyalty'
  # npm install would rewrite the shared node_modules: link the new workspace package as it would.
  run_doc "$C" ok '' 'npm install' 'ln -s ../../services/loyalty node_modules/@bakery-ia/loyalty-service && ls node_modules/@bakery-ia/loyalty-service/package.json'
  run_doc "$C" ok 'wrote services/loyalty/migrations/0001_initial.sql' 'npx nx run loyalty:migrate-generate --name=initial'
  run_doc "$C" ok 'All checks passed' 'npx nx run loyalty:migrate-verify'

  # Adopting: a database built without migrations, as the old system left it.
  local legacy="${PREFIX}invoicing_legacy"
  new_db "$legacy"
  psql "$(db_url "$legacy")" -X -q -v ON_ERROR_STOP=1 <<'SQL'
CREATE TYPE invoice_status AS ENUM ('draft', 'sent', 'paid');
CREATE TABLE invoices (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id uuid NOT NULL,
    status invoice_status NOT NULL DEFAULT 'draft',
    total numeric(12,2) NOT NULL CHECK (total >= 0),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX invoices_tenant_idx ON invoices (tenant_id);
INSERT INTO invoices (tenant_id, total) VALUES (gen_random_uuid(), 12.50);
SQL
  run_doc "$C" ok 'Created services/invoicing' 'npx nx g @bakery-ia/nx-migrate:service invoicing'
  export INVOICING_DATABASE_URL="$(db_url "$legacy")"
  run_doc "$C" ok '' 'export INVOICING_DATABASE_URL=postgres://postgres@127.0.0.1:5432/invoicing_legacy' \
    "export INVOICING_DATABASE_URL='$INVOICING_DATABASE_URL' && psql \"\$INVOICING_DATABASE_URL\" -Atc 'SELECT count(*) FROM invoices'"
  run_doc "$C" ok '' 'rm services/invoicing/models/01_tables.sql'
  run_doc "$C" ok '' 'pg_dump --schema-only --no-owner --no-privileges "$INVOICING_DATABASE_URL" > services/invoicing/models/01_schema.sql'
  run_doc "$C" ok 'wrote services/invoicing/migrations/0001_initial.sql' 'npx nx run invoicing:migrate-generate --name=initial'
  edit "$C" 'baselineVersion from MIGRATION_BASELINE_VERSION in services/invoicing/src/database.ts' \
    "sed -i \"s/^    schemas: \\['public'\\],\$/&\n    baselineVersion: process.env.MIGRATION_BASELINE_VERSION,/\" services/invoicing/src/database.ts && grep -q MIGRATION_BASELINE_VERSION services/invoicing/src/database.ts"
  run_doc "$C" ok 'baselined: 1 migration\(s\) recorded as applied without running, none pending' \
    'MIGRATION_BASELINE_VERSION=0001 npx nx run invoicing:migrate' \
    "out=\$(MIGRATION_BASELINE_VERSION=0001 npx nx run invoicing:migrate 2>&1); status=\$?; echo \"\$out\"; [ \$status = 0 ] && grep -q 'baselined: recorded 0001_initial.sql as applied without running them' <<<\"\$out\""
  run_doc "$C" ok 'ok +the live database matches the migrations \(database "'"$legacy"'" on [^:]+:[0-9]+: 1 applied, 0 pending\)' \
    'npx nx run invoicing:migrate-verify-live'
  # baselineVersion on an empty database is ignored: every migration runs (init-manager.md, workflows.md).
  # The same start as above, with the build it just made (node dist/migrate.js: no second tsc).
  local empty="${PREFIX}invoicing_empty"
  new_db "$empty"
  run_doc "$C" ok 'baselineVersion 0001 ignored: the database is empty, so every migration runs' \
    'MIGRATION_BASELINE_VERSION=0001 npx nx run invoicing:migrate' \
    "cd services/invoicing && out=\$(DATABASE_URL='$(db_url "$empty")' MIGRATION_BASELINE_VERSION=0001 node dist/migrate.js 2>&1); status=\$?; echo \"\$out\"; [ \$status = 0 ] && grep -q 'applied 1 migration(s), 0 already applied' <<<\"\$out\""
}

# ---------------------------------------------------------------------------------------------
# Helpers written to the work folder: the fake cluster, the overlay check, the docs extraction.
cat >"$WORK/fake-cluster.js" <<'EOF'
// tools/fake-kube-api with a cluster shaped like k8s/base: namespace bakery (environment=development),
// two auth pods whose app container reads DATABASE_URL from Secret auth-db key url, and auth-db-0,
// whose port 5432 forwards to a local Postgres. argv: root database pgHost pgPort kubeconfigPathFile
// SIGUSR1 turns both auth pods Pending (as when their migrate init container fails).
'use strict';
const fs = require('node:fs');
const [root, database, pgHost, pgPort, out] = process.argv.slice(2);
const swc = require(`${root}/node_modules/@swc/core`);
require.extensions['.ts'] = (module, filename) => {
  const options = { filename, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } };
  module._compile(swc.transformSync(fs.readFileSync(filename, 'utf8'), options).code, filename);
};
const { startFakeKubeApi } = require(`${root}/tools/fake-kube-api/src/index.ts`);
const appPod = (name, phase = 'Running') => ({
  name, namespace: 'bakery', phase,
  labels: { 'app.kubernetes.io/name': 'auth', 'app.kubernetes.io/component': 'service' },
  containers: [{ name: 'app', image: 'bakery-ia/auth:latest', ports: [8000], env: [
    { name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'auth-db', key: 'url' } } },
    { name: 'ENVIRONMENT', value: 'development' }] }],
});
startFakeKubeApi({
  https: true,
  token: 'docs-check-token',
  namespaces: [{ name: 'bakery', labels: { 'app.kubernetes.io/part-of': 'bakery', environment: 'development' } }],
  pods: [appPod('auth-6d4cf7b9d-2xkqp'), appPod('auth-6d4cf7b9d-7hvzn'), {
    name: 'auth-db-0', namespace: 'bakery', labels: { 'app.kubernetes.io/name': 'auth-db' },
    containers: [{ name: 'postgres', image: 'postgres:15', ports: [5432] }],
    forward: { 5432: { host: pgHost, port: Number(pgPort) } } }],
  secrets: [{ name: 'auth-db', namespace: 'bakery',
    data: { url: `postgres://postgres:change-me@auth-db:5432/${database}`, password: 'change-me' } }],
}).then((api) => {
  fs.writeFileSync(out, api.kubeconfigPath);
  process.on('SIGUSR1', () => {
    for (const name of ['auth-6d4cf7b9d-2xkqp', 'auth-6d4cf7b9d-7hvzn']) api.setPod(appPod(name, 'Pending'));
    console.log('auth pods Pending');
  });
  const stop = () => api.stop().finally(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}, (error) => { console.error(error); process.exit(1); });
EOF

cat >"$WORK/check-overlay.js" <<'EOF'
// The production overlay, rendered (stdin) or read from k8s/ (--files): ENVIRONMENT=production in
// bakery-config, the namespace labelled production, every Deployment with a "migrate" init container
// that gets ENVIRONMENT from bakery-config.
'use strict';
const fs = require('node:fs');
const YAML = require(require.resolve('yaml', { paths: [process.cwd()] }));
let docs;
if (process.argv[2] === '--files') {
  const base = 'k8s/base';
  const kustomization = YAML.parse(fs.readFileSync(`${base}/kustomization.yaml`, 'utf8'));
  docs = kustomization.resources.flatMap((file) => YAML.parseAllDocuments(fs.readFileSync(`${base}/${file}`, 'utf8')).map((d) => d.toJSON()));
  YAML.parse(fs.readFileSync('k8s/overlays/production/kustomization.yaml', 'utf8'));
  const configMap = docs.find((d) => d.kind === 'ConfigMap' && d.metadata.name === 'bakery-config');
  configMap.data.ENVIRONMENT = 'production';
  docs.find((d) => d.kind === 'Namespace').metadata.labels.environment = 'production';
} else {
  docs = YAML.parseAllDocuments(fs.readFileSync(0, 'utf8')).map((d) => d.toJSON());
}
const problems = [];
const configMap = docs.find((d) => d && d.kind === 'ConfigMap' && d.metadata.name === 'bakery-config');
if (configMap?.data?.ENVIRONMENT !== 'production') problems.push('bakery-config ENVIRONMENT is not production');
if (docs.find((d) => d && d.kind === 'Namespace')?.metadata?.labels?.environment !== 'production')
  problems.push('the namespace is not labelled environment=production');
const deployments = docs.filter((d) => d && d.kind === 'Deployment');
for (const d of deployments) {
  const init = (d.spec.template.spec.initContainers ?? []).find((c) => c.name === 'migrate');
  const env = init?.env?.find((e) => e.name === 'ENVIRONMENT');
  if (!init) problems.push(`${d.metadata.name}: no "migrate" init container`);
  else if (env?.valueFrom?.configMapKeyRef?.name !== 'bakery-config') problems.push(`${d.metadata.name}: migrate does not read ENVIRONMENT from bakery-config`);
}
if (deployments.length === 0) problems.push('no Deployment');
if (problems.length) { console.error(problems.join('\n')); process.exit(1); }
console.log(`production overlay ok: ${deployments.length} Deployments, each with a migrate init container; ENVIRONMENT=production`);
EOF

cat >"$WORK/extract.js" <<'EOF'
// Prints, one per line as JSON, the shell commands shown in README.md and docs/*.md:
// {"file","kind":"block"|"inline","command"} and {"file","kind":"yaml","text"} for YAML blocks with jobs:.
// Blocks: ```bash/```sh/```shell fences (and README's indented code); `#` comments removed, `\`
// continuations joined, `a && b` split. Inline: code spans that start with a command word and hold
// no placeholder (<...>, ..., …).
'use strict';
const fs = require('node:fs');
const files = ['README.md', ...fs.readdirSync('docs').filter((f) => f.endsWith('.md') && !f.startsWith('benchmarks')).map((f) => `docs/${f}`)];
const WORDS = /^(npx|nx|npm|node|pg_dump|psql|createdb|dropdb|kubectl|git|pg-schema|export|rm|ENVIRONMENT=\S+|[A-Z_]+=\S+ npx) /;
const emit = (o) => console.log(JSON.stringify(o));
const commands = (file, lines) => {
  const joined = [];
  for (const line of lines) {
    if (joined.length && joined[joined.length - 1].endsWith('\\')) joined[joined.length - 1] = joined[joined.length - 1].slice(0, -1) + ' ' + line.trim();
    else joined.push(line);
  }
  for (let line of joined) {
    line = line.trim();
    if (!line || line.startsWith('#')) continue;
    line = line.replace(/\s+#\s.*$/, '');
    for (const part of line.split(/\s&&\s/)) emit({ file, kind: 'block', command: part.trim() });
  }
};
for (const file of files) {
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  let fence = null; let lang = ''; let body = [];
  const prose = [];
  for (const line of lines) {
    const m = /^\s*(`{3,}|~{3,})\s*([\w-]*)/.exec(line);
    if (fence) {
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && !m[2]) {
        if (['bash', 'sh', 'shell'].includes(lang)) commands(file, body);
        if (['yaml', 'yml'].includes(lang) && body.some((l) => /^jobs:/.test(l))) emit({ file, kind: 'yaml', text: body.join('\n') });
        fence = null;
      } else body.push(line);
      continue;
    }
    if (m) { fence = m[1]; lang = m[2]; body = []; continue; }
    if (file === 'README.md' && /^ {4}\S/.test(line)) { if (WORDS.test(line.trim())) commands(file, [line]); continue; }
    prose.push(line);
  }
  const proseText = prose.join('\n');
  for (const span of proseText.matchAll(/(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g)) {
    const content = span[2].trim().replace(/\s+/g, ' ');
    if (!WORDS.test(content) || /<|>|\.\.\.|…/.test(content)) continue;
    emit({ file, kind: 'inline', command: content });
  }
}
EOF

cat >"$WORK/check-coverage.js" <<'EOF'
// Reads extract.js output (stdin) and the covered commands; prints one line per docs command not run,
// and checks the GitHub Actions example. Exit 1 when something is missing.
'use strict';
const fs = require('node:fs');
const [coveredFile] = process.argv.slice(2);
const norm = (s) => s.trim().replace(/\s+/g, ' ').replace(/^npx /, '');
const covered = new Set(fs.readFileSync(coveredFile, 'utf8').split('\n').filter(Boolean).map(norm));
const items = fs.readFileSync(0, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
let failed = 0; let blocks = 0; let inline = 0;
const seen = new Set();
const words = (s) => norm(s).split(' ');
const prefixOfCovered = (cmd) => [...covered].some((c) => { const a = words(cmd), b = c.split(' '); return a.length <= b.length && a.every((w, i) => w === b[i]); });
for (const item of items) {
  if (item.kind === 'yaml') continue;
  const key = `${item.kind}:${norm(item.command)}`;
  if (seen.has(key)) continue;
  seen.add(key);
  const ok = item.kind === 'block' ? covered.has(norm(item.command)) : covered.has(norm(item.command)) || prefixOfCovered(item.command);
  if (item.kind === 'block') blocks++; else inline++;
  if (!ok) { failed++; console.log(`FAIL ${item.command}  (shown in ${item.file}, not run by this script)`); }
}
for (const item of items.filter((i) => i.kind === 'yaml')) {
  let doc; const problems = [];
  try {
    let YAML; try { YAML = require(require.resolve('yaml', { paths: [process.cwd()] })); } catch { YAML = null; }
    if (YAML) doc = YAML.parse(item.text);
    else {
      const { execFileSync } = require('node:child_process');
      doc = JSON.parse(execFileSync('python3', ['-c', 'import sys, json, yaml; print(json.dumps(yaml.safe_load(sys.stdin)))'], { input: item.text }).toString());
    }
  } catch (error) { problems.push(`not valid YAML: ${error.message}`); }
  if (doc) {
    const jobs = Object.values(doc.jobs ?? {});
    if (!doc.on && !doc[true]) problems.push('no "on:"');
    if (jobs.length === 0) problems.push('no jobs');
    for (const job of jobs) {
      const steps = job.steps ?? [];
      if (!job.services?.postgres?.image) problems.push('no postgres service container');
      if (!(job.env?.MIGRATE_SHADOW_URL ?? doc.env?.MIGRATE_SHADOW_URL)) problems.push('no MIGRATE_SHADOW_URL');
      if (!steps.some((s) => String(s.uses ?? '').startsWith('actions/checkout') && s.with?.['fetch-depth'] === 0)) problems.push('no checkout with fetch-depth: 0');
      for (const step of steps.filter((s) => s.run)) {
        for (const line of String(step.run).split('\n').filter((l) => l.trim())) {
          if (!covered.has(norm(line))) problems.push(`run step "${line.trim()}" is not run by this script`);
        }
      }
    }
  }
  if (problems.length) { failed++; console.log(`FAIL GitHub Actions example in ${item.file}: ${problems.join('; ')}`); }
  else console.log(`ok   GitHub Actions example in ${item.file}: valid YAML, postgres service, MIGRATE_SHADOW_URL, fetch-depth 0, run steps exercised`);
}
console.log(`coverage: ${blocks} command(s) in code blocks and ${inline} inline, ${failed} problem(s)`);
process.exit(failed ? 1 : 0);
EOF

# ---------------------------------------------------------------------------------------------
# A lane that stops early (an unexpected setup error) leaves commands unrun: coverage reports them.
{ lane_a || result FAIL '(lane A)' "stopped early: exit $?"; } &
LANE_A=$!
{ lane_j || result FAIL '(lane J)' "stopped early: exit $?"; } &
LANE_J=$!
{ lane_b || result FAIL '(lane B)' "stopped early: exit $?"; } &
LANE_B=$!
{ lane_c || result FAIL '(lane C)' "stopped early: exit $?"; } &
LANE_C=$!
wait "$LANE_A" "$LANE_J" "$LANE_B" "$LANE_C" || true

# Every command the docs show must have been run above.
coverage_status=0
node "$WORK/extract.js" | node "$WORK/check-coverage.js" "$WORK/covered" | tee "$WORK/coverage.log" || coverage_status=$?
grep -E '^(ok|FAIL) ' "$WORK/coverage.log" | awk '{print $1}' >>"$WORK/results" || true

passed=$(grep -c '^ok$' "$WORK/results" || true)
failed=$(grep -c '^FAIL$' "$WORK/results" || true)
echo "check-docs-commands: $passed ok, $failed failed, in $((SECONDS - STARTED)) s"
[[ $failed -eq 0 && $coverage_status -eq 0 ]]
