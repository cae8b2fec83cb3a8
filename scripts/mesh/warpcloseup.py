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

import subprocess
import sys
import tomllib

import numpy as np
import shapely
from scipy.interpolate import RBFInterpolator

import warp
import warpfit
from source import ROOT

COMMIT = "58dc24a2b6c077dbdd42f68560e6ed458ac64e70"
VIEWS = ("head", "sole")
# the old sole was a sketch of one foot with box zones: a thin-plate spline through its zone
# matches bends wildly outside them, so the sole is mapped by the affine map that best takes the
# old foot's extreme points (toe tip, heel, inner and outer edge) to the new one's
AFFINE = {"sole"}


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


def keep_right(view, pts):
    """A shape's warped points, rounded, kept on the picture's right half."""
    new = np.round(pts, 1)
    new[:, 0] = np.maximum(new[:, 0], 100.0)
    return new


def main(force=False, log=print):
    warps = {v: fit(v, log) for v in VIEWS}
    files = sorted((ROOT / "data" / "muscles").glob("*.toml"))
    changed = 0
    for path in files:
        src = old_text(path.relative_to(ROOT).as_posix())
        if not any(f'view = "{v}"' in src for v in VIEWS):
            continue
        text = warp.rewrite(src, warps, keep_right, VIEWS)[0]
        text, moved = warpfit.marks_inside(text, tomllib.loads(text), views=VIEWS)
        for m in moved:
            log(f"mark pulled inside its outline: {path.stem} {m}")
        cur = path.read_text()
        if warp.skeleton(cur) != warp.skeleton(src) and not force:
            log(f"WARNING: {path.name} changed since {COMMIT[:7]}; not rewritten (use --force)")
            continue
        if cur != text:
            path.write_text(text)
            changed += 1
    log(f"warp head/sole: {changed} muscle files rewritten")


if __name__ == "__main__":
    main(force="--force" in sys.argv)
