#!/usr/bin/env bash
# Fails unless NX_BASE names a commit to compare HEAD with, so that `nx affected` in CI can never
# turn green by comparing nothing. Nx 23 takes the base from --base, else NX_BASE, else nx.json
# defaultBase, else `main`, and compares HEAD with their merge base: on main itself (or on a
# branch already merged into the base) that is HEAD, and `nx affected` prints "No tasks were run"
# and exits 0.
#
#   NX_BASE=<commit or ref> bash tools/scripts/check-affected-base.sh && npx nx affected -t migrate-verify
#
# Exit 1, saying why, when NX_BASE is unset, is not a commit in this clone (a shallow checkout:
# fetch-depth: 0), or already contains HEAD.
set -euo pipefail

base="${NX_BASE:-}"
if [[ -z "$base" ]]; then
  echo "check-affected-base: NX_BASE is not set: nx affected would compare HEAD with main and, on main, run nothing and pass. Set NX_BASE to the commit to compare with (in a pull request: its base commit)." >&2
  exit 1
fi
if ! git rev-parse --verify --quiet "${base}^{commit}" >/dev/null; then
  echo "check-affected-base: NX_BASE=$base is not a commit in this clone (a shallow checkout? use fetch-depth: 0, or git fetch the base branch)." >&2
  exit 1
fi
merge_base="$(git merge-base "$base" HEAD)"
if [[ "$merge_base" == "$(git rev-parse HEAD)" ]]; then
  echo "check-affected-base: HEAD is already part of NX_BASE=$base: nx affected would compare nothing and run nothing. To check every service, run npx nx run-many -t migrate-verify." >&2
  exit 1
fi
echo "check-affected-base: nx affected compares HEAD with $base (merge base $(git rev-parse --short "$merge_base"))"
