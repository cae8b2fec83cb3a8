"""Orthographic views of the posed body in SVG user units (y down), and their silhouettes.

Front: we face the person, so their left (+x) is on our right. Back: we stand behind them,
their left is on our left. Side: we see their right side, facing right (+z to the right).
All three share one vertical scale: the body's height spans 486 units, head top at y = 7.
"""

import numpy as np
import shapely
from shapely.geometry import Polygon, MultiPolygon

WIDTH, HEIGHT, TOP, SPAN = 200.0, 500.0, 7.0, 486.0
VIEWS = ["front", "back", "side"]
# direction from the body towards the viewer, in mesh coordinates
TOWARDS_VIEWER = {"front": (0, 0, 1), "back": (0, 0, -1), "side": (-1, 0, 0)}


class Projector:
    def __init__(self, verts):
        self.ytop = verts[:, 1].max()
        self.scale = SPAN / (self.ytop - verts[:, 1].min())
        z = verts[:, 2]
        self.zmid = (z.max() + z.min()) / 2

    def __call__(self, view, p):
        p = np.atleast_2d(p)
        sy = TOP + self.scale * (self.ytop - p[:, 1])
        if view == "front":
            sx = 100 + self.scale * p[:, 0]
        elif view == "back":
            sx = 100 - self.scale * p[:, 0]
        else:
            sx = 100 + self.scale * (p[:, 2] - self.zmid)
        return np.stack([sx, sy], 1)


def triangles(quads):
    return np.concatenate([quads[:, [0, 1, 2]], quads[:, [0, 2, 3]]])


def raw_silhouette(pts2d, tris):
    t = pts2d[tris]
    area = 0.5 * np.abs((t[:, 1, 0] - t[:, 0, 0]) * (t[:, 2, 1] - t[:, 0, 1])
                        - (t[:, 2, 0] - t[:, 0, 0]) * (t[:, 1, 1] - t[:, 0, 1]))
    t = t[area > 1e-6]
    polys = shapely.polygons(np.concatenate([t, t[:, :1]], 1))
    return shapely.union_all(polys)


def chaikin(ring, rounds=2):
    p = np.asarray(ring)[:-1]
    for _ in range(rounds):
        q = np.roll(p, -1, 0)
        p = np.stack([0.75 * p + 0.25 * q, 0.25 * p + 0.75 * q], 1).reshape(-1, 2)
    return p


def smooth(geom, close=1.2, open_=0.5, tolerance=0.25, min_area=4.0):
    """Close small gaps (fingers merge into a mitten), open off slivers and spikes, then
    simplify and round the corners. Returns closed outlines (exterior rings; holes too, if big)
    as lists of points, largest first."""
    g = geom.buffer(close, quad_segs=4).buffer(-close, quad_segs=4)
    g = g.buffer(-open_, quad_segs=4).buffer(open_, quad_segs=4)
    g = g.simplify(tolerance)
    polys = list(g.geoms) if isinstance(g, MultiPolygon) else [g]
    out = []
    for p in polys:
        if p.area < min_area:
            continue
        rings = [p.exterior] + [r for r in p.interiors if Polygon(r).area >= min_area]
        for r in rings:
            s = Polygon(chaikin(r.coords)).simplify(0.12)
            pts = np.round(np.asarray(s.exterior.coords)[:-1], 1)
            out.append((Polygon(pts).area, pts))
    out.sort(key=lambda t: (-t[0], t[1][0, 0], t[1][0, 1]))
    return [canonical(p) for _, p in out]


def canonical(pts):
    """Start each ring at its topmost (then leftmost) point, clockwise on screen (y down)."""
    pts = pts.tolist()
    ring = Polygon(pts)
    if not ring.exterior.is_ccw:  # shapely ccw in y-up == clockwise on a y-down screen
        pts = pts[::-1]
    i = min(range(len(pts)), key=lambda k: (pts[k][1], pts[k][0]))
    return pts[i:] + pts[:i]


def visible(verts, tris, point, view, eps=0.02):
    """Is a surface point seen from the viewer? Casts a ray from just off the point towards the
    viewer and looks for any triangle in between (Moller-Trumbore, all triangles at once)."""
    d = np.array(TOWARDS_VIEWER[view], float)
    o = np.asarray(point, float) + d * eps
    a, b, c = verts[tris[:, 0]], verts[tris[:, 1]], verts[tris[:, 2]]
    e1, e2 = b - a, c - a
    h = np.cross(d, e2)
    det = (e1 * h).sum(1)
    ok = np.abs(det) > 1e-12
    f = np.where(ok, 1 / np.where(ok, det, 1), 0)
    s = o - a
    u = f * (s * h).sum(1)
    q = np.cross(s, e1)
    v = f * (q @ d)
    t = f * (e2 * q).sum(1)
    hit = ok & (u >= 0) & (v >= 0) & (u + v <= 1) & (t > 1e-6)
    return not hit.any()


def inner_lines(part, outlines, ymin, inset=1.0, min_length=8.0):
    """The edge of one part (say the arm) where it lies inside the body's silhouette, below
    ymin: the lines that show the part in front of the body. Smoothed like the silhouette."""
    body = shapely.union_all([Polygon(o) for o in outlines])
    inside = body.buffer(-inset).intersection(
        shapely.box(-1e3, ymin, 1e3, 1e4))
    edges = []
    for ring in smooth(part, min_area=20.0):
        cut = shapely.LineString(ring + ring[:1]).intersection(inside)
        cut = shapely.line_merge(cut) if cut.geom_type == "MultiLineString" else cut
        parts = list(cut.geoms) if hasattr(cut, "geoms") else [cut]
        for line in parts:
            if line.geom_type == "LineString" and line.length >= min_length:
                edges.append(np.round(np.asarray(line.simplify(0.12).coords), 1).tolist())
    return sorted(edges)


def on_outline(point, outlines, tolerance=1.5):
    """Is a 2D point on (or within tolerance of) the silhouette's edge? Midline landmarks seen
    side-on sit on the profile, where the ray test is unreliable."""
    p = shapely.Point(point)
    return any(shapely.LinearRing(o).distance(p) <= tolerance for o in outlines)
