#!/usr/bin/env bash
# The benchmark: builds the release, prints its size, runs the native model benchmark, then
# drives headless Chromium over cold loads and interactions. Prints figures against budgets.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
scripts/setup.sh --test
cargo run --quiet --bin atlas -- check >/dev/null
trunk build index.html --release
node scripts/compress.mjs dist
cargo bench --bench model
node scripts/bench.mjs
