#!/usr/bin/env bash
# Builds the release app and serves it on http://127.0.0.1:8080, rebuilding on change.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
scripts/setup.sh
cargo run --quiet --bin atlas -- check
exec trunk serve --release
