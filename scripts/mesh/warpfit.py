"""The per-view warp of the one-time muscle migration (warp.py): matched points between the old
hand-made view (commit b99ed11) and the new mesh view, and the thin-plate spline through them.

Why these matches: the zones are the one thing both bodies name alike. Each zone's centroid
(its polygon clipped to the smoothed silhouette, right half) pins the interior; the middle of
the stretch of silhouette each zone covers pins the outline, so outlines drawn along an arm or a
flank stay on it; a few named outline points (top of the head, crotch, lowest point of the
foot) anchor the ends. A zone whose clipped shape falls in pieces is matched by its largest
piece only if both views have it whole enough (the piece holds most of its area).
"""

import tomllib

import numpy as np
import shapely
from scipy.interpolate import RBFInterpolator
from shapely.geometry import LineString, Point, Polygon, box
from shapely.ops import nearest_points

from appcheck import contains_f32, silhouettes
from appcover import catmull_rom
from source import ROOT

MID = 100.0
SMOOTHING = 2.0
LEG_SAMPLES = 14
EXTRA = {}  # view -> [((old x, y), (new x, y)), ...] hand-placed matches, if ever needed


def body(v):
    return shapely.union_all([Polygon(catmull_rom(s)).buffer(0) for s in silhouettes(v)])


def regions(v, b):
    """zone id -> its area on the picture's right half, inside the smoothed silhouette."""
    right = box(MID, -100, 400, 600).intersection(b)
    out = {}
    for z in v["zones"]:
        g = Polygon(z["points"]).buffer(0).intersection(right)
        if not g.is_empty:
            out[z["zone"]] = shapely.union_all([out.get(z["zone"], Polygon()), g])
    return out


def main_piece(g):
    ps = sorted(shapely.get_parts(g), key=lambda p: -p.area)
    return ps[0] if ps and ps[0].area > 0.8 * g.area else None


def rim(v, b):
    """The silhouette's outline on the right half, without the midline."""
    line = b.boundary.intersection(box(MID + 0.05, -100, 400, 600))
    return line


def keys(view, b):
    """Named outline points: top of the head, lowest point of the foot, and (front, back) the
    crotch; on the side view the nose tip, toe tip, heel and back of the head too."""
    c = shapely.get_coordinates(b.boundary)
    c = c[c[:, 0] >= MID - 1e-9]
    out = {"top": c[np.argmin(c[:, 1] + 0.01 * np.abs(c[:, 0] - MID))],
           "sole": c[np.argmax(c[:, 1])]}
    if view != "side":
        mid = c[np.abs(c[:, 0] - MID) < 1e-6]
        out["crotch"] = np.array([MID, mid[:, 1].max()]) if len(mid) else None
        hand = c[(c[:, 1] > 200) & (c[:, 1] < 360)]
        out["fingertip"] = hand[np.argmax(hand[:, 0] * 0.2 + hand[:, 1])]
    else:
        head = c[c[:, 1] < 60]
        out["nose"] = head[np.argmax(head[:, 0])]
        out["occiput"] = head[np.argmin(head[:, 0])]
        foot = c[c[:, 1] > 470]
        out["toe"], out["heel"] = foot[np.argmax(foot[:, 0])], foot[np.argmin(foot[:, 0])]
        hip = c[(c[:, 1] > 220) & (c[:, 1] < 300)]
        out["buttock"] = hip[np.argmin(hip[:, 0])]
    return {k: p for k, p in out.items() if p is not None}


def half_chain(b):
    """The right half's outline from the top of the head to the crotch (front, back)."""
    g = max(shapely.get_parts(b.intersection(box(MID, -100, 400, 600))), key=lambda p: p.area)
    c = np.asarray(shapely.geometry.polygon.orient(g, sign=1.0).exterior.coords)[:-1]
    on = np.abs(c[:, 0] - MID) < 1e-6
    c = np.roll(c, -int(np.flatnonzero(on)[np.argmin(c[on, 1])]), 0)
    if c[1, 0] - MID < 1e-6:
        c = np.vstack([c[:1], c[:0:-1]])
    on = np.abs(c[:, 0] - MID) < 1e-6
    return c[: int(np.flatnonzero(on[1:])[0]) + 2]


def leg_samples(b, k=LEG_SAMPLES):
    """Points at equal arc-length steps down the outer side of the leg (from the crotch's
    height to the lowest point of the foot) and up its inner side to the crotch: the legs
    stand apart on the new figure, and zone centres alone leave the inner leg loose."""
    c = half_chain(b)
    sole = int(np.argmax(c[:, 1]))
    crotch_y = c[-1, 1]
    tip = int(np.argmax(np.where((np.arange(len(c)) < sole) & (c[:, 1] < 340), c[:, 1], -1)))
    pit = tip + int(np.argmin(c[tip:sole, 1]))
    start = pit + int(np.flatnonzero(c[pit:sole, 1] >= crotch_y)[0])
    out = []
    for seg in (c[start:sole + 1], c[sole:]):
        line = LineString(seg)
        out += [line.interpolate(t, normalized=True).coords[0] for t in np.linspace(0, 1, k)]
    return out


def matches(view, old, new):
    bo, bn = body(old), body(new)
    ro, rn = regions(old, bo), regions(new, bn)
    lo, ln = rim(old, bo), rim(new, bn)
    src, dst, names = [], [], []
    for z in sorted(set(ro) & set(rn)):
        po, pn = main_piece(ro[z]), main_piece(rn[z])
        if po is None or pn is None:
            continue
        co, cn = po.centroid, pn.centroid
        if po.contains(co) and pn.contains(cn):
            src.append((co.x, co.y)), dst.append((cn.x, cn.y)), names.append(z)
        ao, an = arc(lo, po), arc(ln, pn)
        if ao is not None and an is not None:
            src.append(ao), dst.append(an), names.append(z + "@rim")
    if view != "side":
        for i, (a, b) in enumerate(zip(leg_samples(bo), leg_samples(bn))):
            src.append(a), dst.append(b), names.append(f"@leg{i}")
    ko, kn = keys(view, bo), keys(view, bn)
    for k in sorted(set(ko) & set(kn)):
        src.append(tuple(ko[k])), dst.append(tuple(kn[k])), names.append("@" + k)
    for a, b in EXTRA.get(view, []):
        src.append(a), dst.append(b), names.append("@extra")
    return np.array(src, float), np.array(dst, float), names


def arc(rimline, piece):
    """Middle of the longest stretch of the silhouette that a zone covers (at least 3 long)."""
    g = rimline.intersection(piece.buffer(0.01))
    parts = [p for p in shapely.get_parts(shapely.line_merge(g)) if p.geom_type == "LineString"]
    if not parts:
        return None
    p = max(parts, key=lambda q: q.length)
    if p.length < 3.0:
        return None
    m = p.interpolate(0.5, normalized=True)
    return (m.x, m.y)


def fit(view, old_text, log=print):
    old = tomllib.loads(old_text)
    new = tomllib.loads((ROOT / "data" / "figure" / f"{view}.toml").read_text())
    src, dst, names = matches(view, old, new)
    if view != "side":  # symmetric: fit the mirror images too, so x = 100 stays put
        flip = lambda a: np.stack([2 * MID - a[:, 0], a[:, 1]], 1)
        off = src[:, 0] > MID + 0.5
        src, dst = np.vstack([src, flip(src[off])]), np.vstack([dst, flip(dst[off])])
    rbf = RBFInterpolator(src, dst, kernel="thin_plate_spline", smoothing=SMOOTHING)
    res = np.hypot(*(rbf(src) - dst).T)
    log(f"warp {view}: {len(names)} matches ({sum('@rim' in n for n in names)} on the rim), "
        f"residual mean {res.mean():.2f} max {res.max():.2f}")
    return lambda pts: rbf(np.asarray(pts, float))


def marks_inside(text, doc, margin=1.0, views=("front", "back", "side")):
    """Pull every mark on the given views that lies outside its muscle's smoothed outline to the
    nearest point `margin` inside it; returns the new text and what moved."""
    shapes = {s["view"]: s["points"] for s in doc.get("shapes", [])}
    moved = []
    for tp in doc.get("trigger_points", []):
        for mk in [tp["mark"]] + tp.get("also_marked", []):
            v = mk["view"]
            if v not in views or v not in shapes:
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
            new = f'{{ view = "{v}", x = {nx:.1f}, y = {ny:.1f} }}'
            text = text.replace(old, new)
            moved.append((tp["id"], v, (mk["x"], mk["y"]), (nx, ny)))
    return text, moved
