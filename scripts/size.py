#!/usr/bin/env python3
"""Prints the first-load bytes of a built dist/ folder: every file the page fetches on load,
raw and compressed (gzip -9 and, if the brotli module is present, brotli)."""
import gzip
import sys
from pathlib import Path

try:
    import brotli  # optional
except ImportError:
    brotli = None

KINDS = {".wasm": "wasm", ".js": "JS", ".css": "CSS", ".json": "data", ".html": "HTML"}


def main(dist: Path) -> None:
    rows = []
    for f in sorted(dist.iterdir()):
        if f.suffix not in KINDS or not f.is_file():
            continue
        raw = f.read_bytes()
        gz = len(gzip.compress(raw, 9))
        br = len(brotli.compress(raw, quality=11)) if brotli else None
        rows.append((KINDS[f.suffix], f.name, len(raw), gz, br))
    print(f"\nFirst-load size of {dist}/")
    print(f"  {'kind':<5} {'file':<44} {'raw':>9} {'gzip':>9} {'brotli':>9}")
    for kind, name, raw, gz, br in rows:
        print(f"  {kind:<5} {name:<44} {raw:>9,} {gz:>9,} {br if br is not None else '-':>9}")
    total = [sum(r[i] for r in rows) for i in (2, 3)]
    total_br = sum(r[4] for r in rows) if brotli else "-"
    print(f"  {'total':<50} {total[0]:>9,} {total[1]:>9,} {total_br if isinstance(total_br, str) else f'{total_br:,}':>9}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "dist"))
