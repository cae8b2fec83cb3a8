#!/usr/bin/env bash
# Runs every test layer, installing what is missing first:
#   1. the data check (validation and coverage of data/, bundle freshness), and the figure
#      generator reproducing the committed figure (Python from PyPI, in .venv)
#   2. native tests of the model, validation, lookups and figure (cargo test)
#   3. browser tests of the components (wasm-bindgen-test in headless Chromium)
#   4. end-to-end tests of the release build (Playwright in Debian's Chromium)
# and closes with one line counting them all.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
scripts/setup.sh --test

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

printf '\n==> 1/4 data check\n'
cargo run --quiet --bin atlas -- check
scripts/mesh/check.sh

printf '\n==> 2/4 native tests\n'
cargo test 2>&1 | tee "$logs/native"

printf '\n==> 3/4 browser component tests\n'
cargo test --target wasm32-unknown-unknown --test web 2>&1 | tee "$logs/web"

printf '\n==> 4/4 end-to-end tests of the release build\n'
trunk build index.html --release
node scripts/compress.mjs dist
npx playwright test -c tests/e2e/playwright.config.mjs 2>&1 | tee "$logs/e2e"

count() { # sums "N passed" / "N failed" over a log's result lines
  grep -Eo "[0-9]+ $2" "$1" | awk '{s += $1} END {print s + 0}'
}
native=$(count "$logs/native" passed); web=$(count "$logs/web" passed)
e2e=$(grep -E '^\s+[0-9]+ passed' "$logs/e2e" | grep -Eo '[0-9]+' | head -1)
failed=$(( $(count "$logs/native" failed) + $(count "$logs/web" failed) ))
printf '\nnative %s, browser %s, end-to-end %s\n' "$native" "$web" "${e2e:-0}"
echo "$(( native + web + ${e2e:-0} )) passed, $failed failed"
