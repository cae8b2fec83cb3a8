#!/usr/bin/env bash
# Builds the static files for deployment into dist/ and prints their first-load size.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
scripts/setup.sh
cargo run --quiet --bin atlas -- check
trunk build index.html --release
node scripts/compress.mjs dist
