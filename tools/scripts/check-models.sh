#!/usr/bin/env bash
# Applies every service's models (services/<name>/models/*.sql, in file-name order) to a fresh
# temporary database and reports OK/FAIL per service.
#
# Usage: tools/scripts/check-models.sh [server-url] [base-folder] [service...]
#   server-url   a superuser URL of a maintenance database (default: the local PG15,
#                postgres://postgres@127.0.0.1:5432/postgres, or $CHECK_MODELS_URL)
#   base-folder  folder that holds <service>/models/ (default: services/ of this repository)
#   service...   only these services (default: every folder under base-folder with models/)
# Environment:
#   CHECK_MODELS_DETERMINISM=1  also apply each service twice and compare both databases:
#                               `pg_dump --schema-only` when the local pg_dump can dump the server,
#                               else a catalog fingerprint (names and pg_get_*def, no OIDs).
# Exits non-zero when any service fails.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
server_url="${1:-${CHECK_MODELS_URL:-postgres://postgres@127.0.0.1:5432/postgres}}"
base_dir="${2:-$repo_root/services}"
shift $(( $# > 2 ? 2 : $# ))

if [[ ! -d "$base_dir" ]]; then
  echo "check-models: no such folder: $base_dir" >&2
  exit 2
fi

services=("$@")
if (( ${#services[@]} == 0 )); then
  for dir in "$base_dir"/*/models; do
    [[ -d "$dir" ]] && services+=("$(basename "$(dirname "$dir")")")
  done
fi
if (( ${#services[@]} == 0 )); then
  echo "check-models: no services with a models/ folder under $base_dir" >&2
  exit 2
fi

# URL of another database on the same server: replace the path, keep the query string.
db_url() {
  local url="$1" name="$2" query=""
  if [[ "$url" == *\?* ]]; then query="?${url#*\?}"; url="${url%%\?*}"; fi
  local prefix="${url%/*}"
  [[ "$prefix" == *"://" || "$prefix" == *":" ]] && prefix="$url"   # URL without a database path
  echo "${prefix}/${name}${query}"
}

# Mask a password in a URL for display.
mask_url() { sed -E 's#(://[^:/@]+):[^@]*@#\1:***@#' <<<"$1"; }

psql_admin() { psql "$server_url" -X -v ON_ERROR_STOP=1 -q -At "$@"; }

created_dbs=()
cleanup() {
  for db in "${created_dbs[@]}"; do
    psql_admin -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null 2>&1 || true
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

server_version="$(psql_admin -c 'SHOW server_version' 2>&1)" || {
  echo "check-models: cannot reach $(mask_url "$server_url"): $server_version" >&2
  exit 2
}
echo "check-models: PostgreSQL $server_version at $(mask_url "$server_url"), models from $base_dir"

# How two applies are compared: pg_dump when it can dump this server, else a catalog fingerprint.
check_determinism="${CHECK_MODELS_DETERMINISM:-0}"
compare_with=pg_dump
if [[ "$check_determinism" == 1 ]]; then
  server_major="$(psql_admin -c 'SELECT current_setting($$server_version_num$$)::int / 10000')"
  pg_dump_major="$(pg_dump --version 2>/dev/null | sed -E 's/[^0-9]*([0-9]+).*/\1/')"
  if [[ -z "$pg_dump_major" ]] || (( pg_dump_major < server_major )); then
    echo "check-models: note: pg_dump ${pg_dump_major:-missing} cannot dump a PostgreSQL $server_major server;" \
         "comparing catalog fingerprints instead" >&2
    compare_with=catalog
  fi
fi

# Creates a fresh database and applies the models of one service into it. Prints errors.
apply_models() {
  local service="$1" db="$2" models_dir="$base_dir/$1/models"
  psql_admin -c "CREATE DATABASE \"$db\" TEMPLATE template0" >/dev/null || return 1
  local files=()
  while IFS= read -r -d '' file; do files+=("$file"); done \
    < <(find "$models_dir" -maxdepth 1 -type f -name '*.sql' -print0 | LC_ALL=C sort -z)
  if (( ${#files[@]} == 0 )); then
    echo "no *.sql files in $models_dir"
    return 1
  fi
  local file
  for file in "${files[@]}"; do
    psql "$(db_url "$server_url" "$db")" -X -v ON_ERROR_STOP=1 -q -f "$file" >/dev/null || {
      echo "failed in ${file#"$repo_root"/}"
      return 1
    }
  done
}

drop_db() {
  psql_admin -c "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" >/dev/null 2>&1 || true
}

# Schema-only dump. pg_dump 15.14+ and 16.10+ wrap the script in \restrict/\unrestrict lines with a
# random key, which differs on every run, so those lines are left out of the comparison.
dump() {
  local out
  out="$(pg_dump --schema-only --no-owner --no-privileges "$(db_url "$server_url" "$1")")" || return 1
  grep -Ev '^\\(un)?restrict ' <<<"$out"
}

# A text description of the user objects of a database, by name and definition (never by OID),
# for servers newer than the local pg_dump.
catalog_fingerprint() {
  psql "$(db_url "$server_url" "$1")" -X -v ON_ERROR_STOP=1 -q -At <<'SQL'
WITH ns AS (
  SELECT oid, nspname FROM pg_namespace
  WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND nspname NOT LIKE 'pg_temp%'
    AND nspname NOT LIKE 'pg_toast_temp%'
), ext_objs AS (
  SELECT objid FROM pg_depend WHERE deptype = 'e'
)
SELECT line FROM (
  SELECT 'extension ' || extname AS line FROM pg_extension
  UNION ALL
  SELECT 'relation ' || ns.nspname || '.' || c.relname || ' kind=' || c.relkind::text
         || ' rls=' || c.relrowsecurity || ' comment=' || coalesce(obj_description(c.oid, 'pg_class'), '')
  FROM pg_class c JOIN ns ON ns.oid = c.relnamespace WHERE c.oid NOT IN (SELECT objid FROM ext_objs)
  UNION ALL
  SELECT 'column ' || ns.nspname || '.' || c.relname || '.' || a.attnum || ' ' || a.attname || ' '
         || format_type(a.atttypid, a.atttypmod) || ' notnull=' || a.attnotnull
         || ' identity=' || a.attidentity::text || ' generated=' || a.attgenerated::text
         || ' default=' || coalesce(pg_get_expr(d.adbin, d.adrelid), '')
         || ' comment=' || coalesce(col_description(c.oid, a.attnum), '')
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN ns ON ns.oid = c.relnamespace
  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
  WHERE a.attnum > 0 AND NOT a.attisdropped AND c.oid NOT IN (SELECT objid FROM ext_objs)
  UNION ALL
  SELECT 'constraint ' || ns.nspname || '.' || coalesce(c.relname, t.typname) || '.' || k.conname || ' '
         || pg_get_constraintdef(k.oid)
  FROM pg_constraint k JOIN ns ON ns.oid = k.connamespace
  LEFT JOIN pg_class c ON c.oid = k.conrelid LEFT JOIN pg_type t ON t.oid = k.contypid
  UNION ALL
  SELECT 'index ' || pg_get_indexdef(i.indexrelid)
  FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN ns ON ns.oid = c.relnamespace
  UNION ALL
  SELECT 'view ' || ns.nspname || '.' || c.relname || ' ' || pg_get_viewdef(c.oid, true)
  FROM pg_class c JOIN ns ON ns.oid = c.relnamespace WHERE c.relkind IN ('v', 'm')
  UNION ALL
  SELECT 'sequence ' || ns.nspname || '.' || c.relname || ' ' || s.seqtypid::regtype || ' ' || s.seqstart
         || ' ' || s.seqincrement || ' ' || s.seqmin || ' ' || s.seqmax || ' ' || s.seqcache || ' ' || s.seqcycle
  FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN ns ON ns.oid = c.relnamespace
  UNION ALL
  SELECT 'type ' || ns.nspname || '.' || t.typname || ' ' || t.typtype::text || ' '
         || coalesce((SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_enum e
                      WHERE e.enumtypid = t.oid), format_type(t.typbasetype, t.typtypmod))
  FROM pg_type t JOIN ns ON ns.oid = t.typnamespace
  WHERE t.typtype IN ('e', 'd') AND t.oid NOT IN (SELECT objid FROM ext_objs)
  UNION ALL
  SELECT 'function ' || pg_get_functiondef(p.oid)
  FROM pg_proc p JOIN ns ON ns.oid = p.pronamespace WHERE p.oid NOT IN (SELECT objid FROM ext_objs)
  UNION ALL
  SELECT 'trigger ' || pg_get_triggerdef(g.oid) FROM pg_trigger g
  JOIN pg_class c ON c.oid = g.tgrelid JOIN ns ON ns.oid = c.relnamespace WHERE NOT g.tgisinternal
  UNION ALL
  SELECT 'policy ' || schemaname || '.' || tablename || '.' || policyname || ' ' || cmd || ' '
         || permissive || ' ' || array_to_string(roles, ',') || ' ' || coalesce(qual, '') || ' '
         || coalesce(with_check, '')
  FROM pg_policies
) lines
ORDER BY line COLLATE "C";
SQL
}

describe() { if [[ "$compare_with" == pg_dump ]]; then dump "$1"; else catalog_fingerprint "$1"; fi; }

# What a service's database holds, e.g. "6 tables, 1 views, 0 matviews, 16 indexes".
summarize() {
  psql "$(db_url "$server_url" "$1")" -X -v ON_ERROR_STOP=1 -q -At -c "
    SELECT count(*) FILTER (WHERE c.relkind IN ('r','p')) || ' tables, '
        || count(*) FILTER (WHERE c.relkind = 'v') || ' views, '
        || count(*) FILTER (WHERE c.relkind = 'm') || ' matviews, '
        || count(*) FILTER (WHERE c.relkind = 'i') || ' indexes'
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                      AND d.objid = c.oid AND d.deptype = 'e')" 2>/dev/null || echo '?'
}

failed=()
run_id="$$"
for service in "${services[@]}"; do
  if [[ ! -d "$base_dir/$service/models" ]]; then
    printf 'FAIL  %-18s no models folder\n' "$service"
    failed+=("$service")
    continue
  fi
  db="check_models_${service//-/_}_${run_id}"
  created_dbs+=("$db" "${db}_b")   # so that the EXIT trap drops them even after Ctrl-C
  if ! output="$(apply_models "$service" "$db" 2>&1)"; then
    printf 'FAIL  %-18s\n' "$service"
    sed 's/^/      /' <<<"$output"
    failed+=("$service")
    drop_db "$db"
    continue
  fi
  detail=""
  if [[ "$check_determinism" == 1 ]]; then
    db2="${db}_b"
    if ! output="$(apply_models "$service" "$db2" 2>&1)"; then
      printf 'FAIL  %-18s second apply failed\n' "$service"
      sed 's/^/      /' <<<"$output"
      failed+=("$service")
      drop_db "$db"; drop_db "$db2"
      continue
    fi
    dump_a="$(mktemp)"; dump_b="$(mktemp)"
    if ! describe "$db" >"$dump_a" 2>&1 || ! describe "$db2" >"$dump_b" 2>&1; then
      printf 'FAIL  %-18s %s failed\n' "$service" "$compare_with"
      cat "$dump_a" "$dump_b" | grep -i error | head -5 | sed 's/^/      /'
      failed+=("$service")
      rm -f "$dump_a" "$dump_b"; drop_db "$db"; drop_db "$db2"
      continue
    fi
    diff_status=0
    diff_output="$(diff "$dump_a" "$dump_b")" || diff_status=$?
    rm -f "$dump_a" "$dump_b"
    if (( diff_status != 0 )); then
      printf 'FAIL  %-18s two applies differ (%s)\n' "$service" "$compare_with"
      head -40 <<<"$diff_output" | sed 's/^/      /'
      failed+=("$service")
      drop_db "$db"; drop_db "$db2"
      continue
    fi
    detail=" (two applies identical by $compare_with)"
    drop_db "$db2"
  fi
  counts="$(summarize "$db")"
  printf 'OK    %-18s %s%s\n' "$service" "$counts" "$detail"
  drop_db "$db"
done

echo "check-models: $(( ${#services[@]} - ${#failed[@]} ))/${#services[@]} services OK"
if (( ${#failed[@]} > 0 )); then
  echo "check-models: failed: ${failed[*]}" >&2
  exit 1
fi
