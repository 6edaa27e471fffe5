#!/usr/bin/env bash
# The npm build: declarations from tsc (one .d.ts per source file, JSDoc kept), JavaScript
# bundled per entry point (scripts/bundle.sh). The output folder is emptied first, so that no
# file of an earlier build is published.
#
#   scripts/build.sh [OUT_DIR]   (default dist)
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf "${1:-dist}"
out=$(mkdir -p "${1:-dist}" && cd "${1:-dist}" && pwd)
node_modules/.bin/tsc -p tsconfig.build.json --emitDeclarationOnly --outDir "$out"
bash scripts/bundle.sh "$out"
