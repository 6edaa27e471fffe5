#!/usr/bin/env bash
# `npm run example`: the streamed tool conversation (examples/weather.ts) on the runtime you have —
# Node if it is 22.18 or later (it runs .ts itself), else Deno, else Bun, the latter two from PATH
# or from node_modules/.bin (npm ci installs both). Installs the npm dependencies if they are
# missing, never Node 24 (that is only for the contributors' test matrix).
#
#   ROSETTA_EXAMPLE_RUNTIME=node|deno|bun   pick one
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules/zod ] || [ ! -d node_modules/hono ]; then
  echo "installing dependencies (npm ci)…" >&2
  npm ci --no-audit --no-fund >&2
fi
export PATH="$PWD/node_modules/.bin:$PATH"
node_ok() { # Node 22.18+ strips types from .ts files without a flag
  command -v node >/dev/null &&
    node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 18) ? 0 : 1)'
}
runtime=${ROSETTA_EXAMPLE_RUNTIME:-}
if [ -z "$runtime" ]; then
  if node_ok; then runtime=node
  elif command -v deno >/dev/null; then runtime=deno
  elif command -v bun >/dev/null; then runtime=bun
  else
    echo "npm run example needs Node 22.18 or later, Deno 2 or Bun 1 (found node $(node --version 2>/dev/null || echo none))" >&2
    exit 1
  fi
fi
echo "running examples/weather.ts on $runtime $("$runtime" --version | head -1)" >&2
case $runtime in
  node) exec node examples/weather.ts ;;
  deno) exec deno run --allow-env --allow-net --allow-read examples/weather.ts ;;
  bun) exec bun examples/weather.ts ;;
  *) echo "unknown runtime: $runtime (node, deno or bun)" >&2; exit 1 ;;
esac
