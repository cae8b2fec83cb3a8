"""ONE-TIME MIGRATION, not part of regeneration: moves the muscle drawings (front/back/side
`[[shapes]]` points and trigger point marks in data/muscles/*.toml) from the old hand-made
front/back/side bodies of commit b99ed11127a2976dff2ee39d971fef5b194d86ac onto the mesh figure
written by appfigure.py.

Why: the muscle outlines and marks were drawn by hand on the old bodies (boxes for zones, narrow
stance); the new figure has other proportions and pose, so every point must follow the body.
Per view, a thin-plate spline (scipy RBFInterpolator) maps old -> new, fitted on matched points
(warpfit.py): each zone's centroid inside the silhouette, the middle of the silhouette arc
each zone covers, and a few named silhouette points (top of the head, crotch, sole, ...), on the
right half; front and back are fitted on those pairs and their mirror images so the warp is
symmetric and keeps the midline on x = 100. Head and sole drawings are not touched.

The muscle files are rewritten TEXTUALLY from their text at that commit: only the numbers in
front/back/side `points` arrays and marks change, every other byte stays. Running it again
gives the same files (it always starts from the pinned commit's text); a file changed since
then other than in those coordinates is left alone (with a warning) unless --force.
Afterwards marks that fell just outside their (smoothed) outline are pulled inside; shape
points left of the midline are clamped to it (the app validates both).
Run: .venv/bin/python scripts/mesh/warp.py [--force]   (after generate.py wrote data/figure/)
"""

import re
import subprocess
import sys
import tomllib

import numpy as np

import warpfit
from source import ROOT

COMMIT = "b99ed11127a2976dff2ee39d971fef5b194d86ac"
VIEWS = ("front", "back", "side")
MARK = re.compile(r'\{ view = "(\w+)", x = (-?[\d.]+), y = (-?[\d.]+) \}')
POINTS = re.compile(r"^(points = )(\[.*\])\s*$")
PAIR = re.compile(r"\[(-?[\d.]+), (-?[\d.]+)\]")


def old_text(rel):
    return subprocess.run(["git", "show", f"{COMMIT}:{rel}"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout


def num(v, always_decimal=False):
    v = round(float(v), 1) + 0.0
    s = f"{v:.1f}"
    return s if always_decimal else (s[:-2] if s.endswith(".0") else s)


def rewrite(text, warps, fix, views=VIEWS):
    """Replace the coordinates of the given views' shapes and marks; `fix(view, pts)` may
    adjust a shape's points; returns the new text and the shapes/marks it moved."""
    out, view, moved = [], None, {"shapes": [], "marks": []}
    for line in text.splitlines(keepends=True):
        if line.startswith("[["):
            view = None
        m = re.match(r'^view = "(\w+)"', line)
        if m:
            view = m.group(1)
        m = POINTS.match(line)
        if m and view in views:
            pts = np.array([[float(a), float(b)] for a, b in PAIR.findall(m.group(2))])
            new = fix(view, warps[view](pts))
            moved["shapes"].append((view, new))
            body = ", ".join(f"[{num(x)}, {num(y)}]" for x, y in new)
            line = f"{m.group(1)}[{body}]" + line[m.end(2):]
        if "view = " in line and "{" in line:
            def sub(mm):
                v = mm.group(1)
                if v not in views:
                    return mm.group(0)
                x, y = warps[v](np.array([[float(mm.group(2)), float(mm.group(3))]]))[0]
                moved["marks"].append((v, (x, y)))
                return f'{{ view = "{v}", x = {num(x, True)}, y = {num(y, True)} }}'
            line = MARK.sub(sub, line)
        out.append(line)
    return "".join(out), moved


def skeleton(text):
    """The text with the coordinates of shapes and marks blanked: a file whose skeleton
    matches the pinned commit's was changed by this migration only, and may be redone."""
    text = re.sub(r"(?m)^points = \[.*\]\s*$", "points = #", text)
    return MARK.sub(lambda m: f"{{ view = {m.group(1)} }}", text)


def clamp(view, pts):
    pts = np.round(pts, 1)
    pts[:, 0] = np.maximum(pts[:, 0], 100.0)
    return pts


def main(force=False, log=print):
    warps = {v: warpfit.fit(v, old_text(f"data/figure/{v}.toml"), log) for v in VIEWS}
    files = sorted((ROOT / "data" / "muscles").glob("*.toml"))
    nudged, skipped = [], []
    for path in files:
        rel = path.relative_to(ROOT).as_posix()
        src = old_text(rel)
        text, _ = rewrite(src, warps, clamp)
        text, n = warpfit.marks_inside(text, tomllib.loads(text))
        nudged += [(path.stem, *x) for x in n]
        cur = path.read_text()
        if skeleton(cur) != skeleton(src) and not force:
            skipped.append(path.name)
            continue
        if cur != text:
            path.write_text(text)
    for m in nudged:
        log(f"mark pulled inside its outline: {m}")
    for s in skipped:
        log(f"WARNING: {s} changed since {COMMIT[:7]}; not rewritten (use --force)")
    log(f"warp: {len(files)} muscle files, {len(nudged)} marks pulled inside, {len(skipped)} skipped")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "scripts" / "mesh"))
    main(force="--force" in sys.argv)
