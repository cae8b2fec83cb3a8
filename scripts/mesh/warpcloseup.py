"""ONE-TIME MIGRATION, not part of regeneration: moves the muscle drawings on the head and sole
views (`[[shapes]]` with view "head" or "sole" and trigger point marks on them, in
data/muscles/*.toml) from the hand-drawn head and sole views of commit 58dc24a2 onto the views
generated from the mesh (closeup.py, appcloseup.py).

Why: the old head was a hand-drawn profile with box zones; the new one is the mesh's profile at
another scale and place; the old sole was a sketch of one foot. As warp.py did for front, back
and side, each view gets a thin-plate spline (scipy RBFInterpolator) fitted on matched points:
each zone's centroid (warpfit.regions, right half, inside the smoothed outline), the middle of
the stretch of outline each zone covers, and a few named outline points (top, front, back,
bottom); the sole by the least-squares affine map through the named outline points only. Only the numbers of head and sole points and marks change; every other byte stays.
It always starts from the pinned commit's text, so running it again gives the same files; the
hand review afterwards (see docs/figure-review.md) edits the results, so do not rerun it once
those edits are in (a file changed since the commit other than in head/sole coordinates is left
alone with a warning unless --force). Marks that fall outside their outline are pulled inside.
Run: .venv/bin/python scripts/mesh/warpcloseup.py [--force]   (after generate.py)
"""

import re
import subprocess
import sys
import tomllib

import numpy as np
import shapely
from scipy.interpolate import RBFInterpolator
from shapely.geometry import Point, Polygon
from shapely.ops import nearest_points

import warpfit
from appcheck import contains_f32
from appcover import catmull_rom
from source import ROOT

COMMIT = "58dc24a2b6c077dbdd42f68560e6ed458ac64e70"
VIEWS = ("head", "sole")
MARK = re.compile(r'\{ view = "(\w+)", x = (-?[\d.]+), y = (-?[\d.]+) \}')
POINTS = re.compile(r"^(points = )(\[.*\])\s*$")
# the old sole was a sketch of one foot with box zones: a thin-plate spline through its zone
# matches bends wildly outside them, so the sole is mapped by the affine map that best takes the
# old foot's extreme points (toe tip, heel, inner and outer edge) to the new one's
AFFINE = {"sole"}
PAIR = re.compile(r"\[(-?[\d.]+), (-?[\d.]+)\]")


def old_text(rel):
    return subprocess.run(["git", "show", f"{COMMIT}:{rel}"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout


def keys(b):
    """Extreme points of the right-hand outline: top, bottom, front (right), back (left)."""
    c = shapely.get_coordinates(b.boundary)
    c = c[c[:, 0] >= 100]
    return {"top": c[np.argmin(c[:, 1])], "bottom": c[np.argmax(c[:, 1])],
            "right": c[np.argmax(c[:, 0])], "left": c[np.argmin(c[:, 0])]}


def fit(view, log=print):
    old = tomllib.loads(old_text(f"data/figure/{view}.toml"))
    new = tomllib.loads((ROOT / "data" / "figure" / f"{view}.toml").read_text())
    bo, bn = warpfit.body(old), warpfit.body(new)
    ro, rn = warpfit.regions(old, bo), warpfit.regions(new, bn)
    lo, ln = warpfit.rim(old, bo), warpfit.rim(new, bn)
    src, dst, names = [], [], []
    for z in sorted(set(ro) & set(rn)):
        po, pn = warpfit.main_piece(ro[z]), warpfit.main_piece(rn[z])
        if po is None or pn is None:
            continue
        co, cn = po.centroid, pn.centroid
        if po.contains(co) and pn.contains(cn):
            src.append((co.x, co.y)), dst.append((cn.x, cn.y)), names.append(z)
        ao, an = warpfit.arc(lo, po), warpfit.arc(ln, pn)
        if ao is not None and an is not None:
            src.append(ao), dst.append(an), names.append(z + "@rim")
    ko, kn = keys(bo), keys(bn)
    for k in sorted(ko):
        src.append(tuple(ko[k])), dst.append(tuple(kn[k])), names.append("@" + k)
    src, dst = np.array(src, float), np.array(dst, float)
    if view in AFFINE:
        keep = [i for i, n in enumerate(names) if n.startswith("@")]
        src, dst, names = src[keep], dst[keep], [names[i] for i in keep]
        A = np.linalg.lstsq(np.hstack([src, np.ones((len(src), 1))]), dst, rcond=None)[0]
        res = np.hypot(*(np.hstack([src, np.ones((len(src), 1))]) @ A - dst).T)
        log(f"warp {view} (affine): {len(names)} matches, residual mean {res.mean():.2f} max {res.max():.2f}")
        return lambda pts: np.hstack([np.atleast_2d(pts), np.ones((len(np.atleast_2d(pts)), 1))]) @ A
    rbf = RBFInterpolator(src, dst, kernel="thin_plate_spline", smoothing=warpfit.SMOOTHING)
    res = np.hypot(*(rbf(src) - dst).T)
    log(f"warp {view}: {len(names)} matches, residual mean {res.mean():.2f} max {res.max():.2f}")
    return lambda pts: rbf(np.asarray(pts, float))


def num(v, always_decimal=False):
    v = round(float(v), 1) + 0.0
    s = f"{v:.1f}"
    return s if always_decimal else (s[:-2] if s.endswith(".0") else s)


def rewrite(text, warps):
    out, view = [], None
    for line in text.splitlines(keepends=True):
        if line.startswith("[["):
            view = None
        m = re.match(r'^view = "(\w+)"', line)
        if m:
            view = m.group(1)
        m = POINTS.match(line)
        if m and view in VIEWS:
            pts = np.array([[float(a), float(b)] for a, b in PAIR.findall(m.group(2))])
            new = np.round(warps[view](pts), 1)
            new[:, 0] = np.maximum(new[:, 0], 100.0)
            body = ", ".join(f"[{num(x)}, {num(y)}]" for x, y in new)
            line = f"{m.group(1)}[{body}]" + line[m.end(2):]
        if "view = " in line and "{" in line:
            def sub(mm):
                v = mm.group(1)
                if v not in VIEWS:
                    return mm.group(0)
                x, y = warps[v](np.array([[float(mm.group(2)), float(mm.group(3))]]))[0]
                return f'{{ view = "{v}", x = {num(x, True)}, y = {num(y, True)} }}'
            line = MARK.sub(sub, line)
        out.append(line)
    return "".join(out)


def marks_inside(text, margin=1.0):
    """Pull every head/sole mark outside its muscle's smoothed outline just inside it."""
    doc = tomllib.loads(text)
    shapes = {s["view"]: s["points"] for s in doc.get("shapes", [])}
    moved = []
    for tp in doc.get("trigger_points", []):
        for mk in [tp["mark"]] + tp.get("also_marked", []):
            v = mk["view"]
            if v not in VIEWS or v not in shapes:
                continue
            ring = catmull_rom(shapes[v])
            p = np.array([mk["x"], mk["y"]], np.float32)
            if contains_f32(ring, p[:1], p[1:])[0]:
                continue
            poly = Polygon(ring).buffer(0)
            inner = poly.buffer(-margin)
            if inner.is_empty:
                inner = poly.buffer(-0.2)
            q = nearest_points(inner, Point(p))[0]
            nx, ny = round(q.x, 1) + 0.0, round(q.y, 1) + 0.0
            old = f'{{ view = "{v}", x = {mk["x"]:.1f}, y = {mk["y"]:.1f} }}'
            text = text.replace(old, f'{{ view = "{v}", x = {nx:.1f}, y = {ny:.1f} }}')
            moved.append((tp["id"], v, (mk["x"], mk["y"]), (nx, ny)))
    return text, moved


def skeleton(text):
    text = re.sub(r"(?m)^points = \[.*\]\s*$", "points = #", text)
    return MARK.sub(lambda m: f"{{ view = {m.group(1)} }}", text)


def main(force=False, log=print):
    warps = {v: fit(v, log) for v in VIEWS}
    files = sorted((ROOT / "data" / "muscles").glob("*.toml"))
    changed = 0
    for path in files:
        src = old_text(path.relative_to(ROOT).as_posix())
        if not any(f'view = "{v}"' in src for v in VIEWS):
            continue
        text, moved = marks_inside(rewrite(src, warps))
        for m in moved:
            log(f"mark pulled inside its outline: {path.stem} {m}")
        cur = path.read_text()
        if skeleton(cur) != skeleton(src) and not force:
            log(f"WARNING: {path.name} changed since {COMMIT[:7]}; not rewritten (use --force)")
            continue
        if cur != text:
            path.write_text(text)
            changed += 1
    log(f"warp head/sole: {changed} muscle files rewritten")


if __name__ == "__main__":
    main(force="--force" in sys.argv)
