#!/usr/bin/env bash
# Bundles a library copy's JavaScript for npm: one file per entry point (the paths of the
# package's exports), with the code entry points share split into common chunks, so a subpath
# loads only what it needs and `instanceof` holds across entry points. Node's ESM loader spends
# ~0.25 ms per module: 93 files cost the root import ~38 ms where 13 chunks cost ~12 ms (measured
# when the root loaded 93 source files; it loads 111 now, still bundled into 13 chunks). Bare
# imports (eventsource-parser, hono) stay imports.
#
#   scripts/bundle.sh OUT_DIR [LIBRARY_ROOT]   (the bench's import cases pass the reference's root)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out=$1
root=${2:-$here}
cd "$root"
# The entry points this copy has (a reference from before an entry existed lacks it).
entries=()
for entry in mod.ts providers/*/mod.ts hosts/mod.ts otel/mod.ts testing/mod.ts testing/contract.ts; do
  [ -e "$entry" ] && entries+=("$entry")
done
"$here/node_modules/.bin/bun" build "${entries[@]}" \
  --splitting --format=esm --target=node --packages=external --root . --outdir "$out" >/dev/null
