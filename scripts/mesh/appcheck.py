"""Checks of the written app views, the way the app's tests see them (tests/figure.rs and
tests/patterns.rs), so a generator run fails loudly rather than a cargo test later.

- tiling: a 0.5-unit grid inside the app's smoothed silhouette, each sample in exactly one
  placed (mirrored) zone polygon, even-odd;
- seams: the app's union (`model::outline::union`) of ALL zone instances, on its 0.01 grid with
  T-junctions split, must leave only edges outside the silhouette: an edge left inside means
  two neighbours do not share their border vertex for vertex;
- halves: bilateral shapes at x >= 100; midline shapes symmetric (or mirrored by a twin).
Run alone: .venv/bin/python scripts/mesh/appcheck.py [view ...] (reads data/figure/*.toml;
all seven views by default).
"""

import sys
import tomllib

import numpy as np
import shapely
from shapely.geometry import Polygon

from appcover import catmull_rom
from source import ROOT

MID = 100.0


def load(view):
    return tomllib.loads((ROOT / "data" / "figure" / f"{view}.toml").read_text())


def silhouettes(v):
    o = np.asarray(v["outline"], float)
    m = np.stack([2 * MID - o[::-1, 0], o[::-1, 1]], 1)
    if v.get("separate_halves"):
        return [o, m]
    return [np.vstack([o, m[1:-1]])]


def instances(v):
    out = []
    for z in v["zones"]:
        p = np.asarray(z["points"], np.float32)
        if z.get("midline"):
            out.append((z["zone"], "M", p))
        else:
            out.append((z["zone"], "R", p))
            out.append((z["zone"], "L", np.stack([np.float32(2 * MID) - p[:, 0], p[:, 1]], 1)))
    return out


def contains_f32(poly, xs, ys):
    """`geometry::contains` in f32, as the app computes it (even-odd crossing test)."""
    poly = np.asarray(poly, np.float32)
    inside = np.zeros(len(xs), bool)
    n = len(poly)
    with np.errstate(divide="ignore", invalid="ignore"):
        for i in range(n):
            a, b = poly[i], poly[i - 1]
            cross = (a[1] > ys) != (b[1] > ys)
            if not cross.any():
                continue
            x = a[0] + (ys[cross] - a[1]) * (b[0] - a[0]) / (b[1] - a[1])
            idx = np.flatnonzero(cross)
            inside[idx[xs[cross] < x]] ^= True
    return inside


def grid(n, start):
    out = np.empty(n, np.float32)
    v = np.float32(start)
    for i in range(n):
        out[i] = v
        v = np.float32(v + np.float32(0.5))
    return out


def tiling(v):
    gx, gy = grid(400, 0.29), grid(1000, 0.37)
    xs, ys = [a.ravel() for a in np.meshgrid(gx, gy)]
    inside = np.zeros(len(xs), bool)
    for s in silhouettes(v):
        inside |= contains_f32(catmull_rom(s), xs, ys)
    count = np.zeros(len(xs), int)
    for _, _, p in instances(v):
        lo, hi = p.min(0), p.max(0)
        m = (xs >= lo[0]) & (xs <= hi[0]) & (ys >= lo[1]) & (ys <= hi[1]) & inside
        count[m] += contains_f32(p, xs[m], ys[m])
    gap, over = inside & (count == 0), inside & (count > 1)
    return {"inside": int(inside.sum()), "gaps": int(gap.sum()), "overlaps": int(over.sum()),
            "gap_at": [(float(x), float(y)) for x, y in zip(xs[gap][:3], ys[gap][:3])],
            "overlap_at": [(float(x), float(y)) for x, y in zip(xs[over][:3], ys[over][:3])]}


def seams(v):
    """Edges left by the app's union of every zone that lie inside the silhouette."""
    rings = []
    for _, _, p in instances(v):
        k = np.round(p.astype(np.float32) * np.float32(100)).astype(np.int64)
        keep = np.any(k != np.roll(k, 1, 0), 1)
        k = k[keep]
        area2 = np.sum(k[:, 0] * np.roll(k[:, 1], -1) - np.roll(k[:, 0], -1) * k[:, 1])
        rings.append(k if area2 >= 0 else k[::-1])
    corners = np.unique(np.concatenate(rings), axis=0)
    edges = {}
    for r in rings:
        for i in range(len(r)):
            a, b = r[i], r[(i + 1) % len(r)]
            lo, hi = np.minimum(a, b) - 2, np.maximum(a, b) + 2
            c = corners[np.all((corners >= lo) & (corners <= hi), 1)]
            c = c[np.any(c != a, 1) & np.any(c != b, 1)]
            d = b - a
            cr = (d[0] * (c[:, 1] - a[1]) - d[1] * (c[:, 0] - a[0])).astype(float)
            c = c[cr * cr <= 4.0 * float(d @ d)]
            c = c[np.argsort((c - a) @ d, kind="stable")]
            pts = [tuple(a)] + [tuple(x) for x in c] + [tuple(b)]
            for f, t in zip(pts, pts[1:]):
                if f == t:
                    continue
                if edges.get((t, f), 0) > 0:
                    edges[(t, f)] -= 1
                else:
                    edges[(f, t)] = edges.get((f, t), 0) + 1
    body = shapely.union_all([shapely.make_valid(Polygon(catmull_rom(s))) for s in silhouettes(v)])
    inner = body.buffer(-0.3)
    bad = []
    for (f, t), n in edges.items():
        if n <= 0:
            continue
        m = ((f[0] + t[0]) / 200, (f[1] + t[1]) / 200)
        if inner.contains(shapely.Point(m)):
            bad.append(m)
    return bad


def hairlines(v):
    """Edges (0.5 long or more) with the zone on neither side 0.05 off their middle: slivers
    that the app's pattern test reads as a border running through a pattern."""
    bad = []
    for z in v["zones"]:
        p = np.asarray(z["points"], np.float32)
        q = np.roll(p, -1, 0)
        d = q - p
        L = np.hypot(d[:, 0], d[:, 1])
        m = (p + q) / 2
        n = np.stack([-d[:, 1], d[:, 0]], 1) / np.maximum(L, 1e-9)[:, None] * 0.05
        a, b = m + n, m - n
        ina = contains_f32(p, a[:, 0].copy(), a[:, 1].copy())
        inb = contains_f32(p, b[:, 0].copy(), b[:, 1].copy())
        for i in np.flatnonzero((L >= 0.5) & (ina == inb)):
            bad.append((z["zone"], tuple(np.round(m[i], 2))))
    return bad


def halves(v):
    bad = []
    shapes = v["zones"]
    for s in shapes:
        p = np.asarray(s["points"])
        if not s.get("midline"):
            if (p[:, 0] < MID).any():
                bad.append(("crosses", s["zone"]))
            continue
        m = np.stack([2 * MID - p[:, 0], p[:, 1]], 1)
        ok = any(o["zone"] == s["zone"] and o.get("midline") and all(
            np.any(np.all(np.abs(np.asarray(o["points"]) - q) < 0.01, 1)) for q in m)
            for o in shapes)
        if not ok:
            bad.append(("asymmetric", s["zone"]))
    return bad


VIEWS = ("front", "back", "side", "head", "sole", "palm", "hand-back")


def main(views=VIEWS, log=print):
    ok = True
    for view in views:
        v = load(view)
        t, s, h, hl = tiling(v), seams(v), halves(v), hairlines(v)
        log(f"check {view}: {t}, seam edges inside {len(s)} {s[:3]}, halves {h[:5]}, "
            f"hairlines {hl[:5]}")
        ok &= t["gaps"] == 0 and t["overlaps"] == 0 and not s and not h and not hl
    return ok


if __name__ == "__main__":
    sys.exit(0 if main(sys.argv[1:] or VIEWS) else 1)
