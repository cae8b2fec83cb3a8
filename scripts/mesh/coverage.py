"""Turn one view's visible zone shapes into a clean coverage of the figure's silhouette.

Why: the raw visible shapes follow mesh edges (staircases, slivers seen edge-on, jagged
occluding contours) and the figure's smoothed silhouette is not exactly the mesh's. Here the
shapes are clipped to the silhouette, the uncovered bits and sub-pixel slivers are given to the
neighbour sharing the longest border, and every border between two zones is smoothed ONCE as a
shared arc (simplify, Chaikin) before the faces are rebuilt with polygonize, so neighbours never
gap or overlap. Borders on the silhouette are kept as the silhouette's own points.
"""

import numpy as np
import shapely
from shapely.geometry import Polygon, MultiPolygon, LineString

from views import chaikin


def parts(g):
    return [p for p in shapely.get_parts(g) if p.geom_type == "Polygon" and not p.is_empty]


def absorb(zones, pieces):
    """Give each piece to the zone whose shape shares the longest border with it."""
    for piece in sorted(pieces, key=lambda p: (-p.area, p.centroid.x, p.centroid.y)):
        halo = piece.buffer(0.05)
        best, best_len = None, 0.0
        for lab, g in zones.items():
            if not g.intersects(halo):
                continue
            shared = piece.boundary.intersection(g.buffer(0.05)).length
            if shared > best_len + 1e-9:
                best, best_len = lab, shared
        if best is not None:
            zones[best] = zones[best].union(piece).buffer(0)


def fit(zones, region, min_area=1.0, min_width=0.25):
    """Clip to region, fill its uncovered parts and move slivers into neighbours."""
    zones = {l: g.intersection(region) for l, g in zones.items()}
    zones = {l: g for l, g in zones.items() if g.area > 1e-9}
    covered = shapely.union_all(list(zones.values()))
    gaps = [p for p in parts(region.difference(covered)) if p.area > 1e-9]
    absorb(zones, gaps)
    for _ in range(3):
        slivers = []
        for lab in sorted(zones):
            keep = []
            for p in parts(zones[lab]):
                if p.area < min_area or p.buffer(-min_width).is_empty:
                    slivers.append(p)
                else:
                    keep.append(p)
            zones[lab] = shapely.union_all(keep) if keep else Polygon()
        zones = {l: g for l, g in zones.items() if not g.is_empty}
        if not slivers:
            break
        absorb(zones, slivers)
    return zones


def _smooth_arc(coords, closed):
    line = LineString(coords).simplify(0.35)
    pts = np.asarray(line.coords)
    if closed:
        if len(pts) < 4:
            return coords
        return np.vstack([chaikin(pts, 2), chaikin(pts, 2)[:1]])
    if len(pts) < 3:
        return pts
    p = pts
    for _ in range(2):
        q = np.roll(p, -1, 0)
        mid = np.stack([0.75 * p + 0.25 * q, 0.25 * p + 0.75 * q], 1)[:-1].reshape(-1, 2)
        p = np.vstack([p[:1], mid, p[-1:]])
    return np.asarray(LineString(p).simplify(0.1).coords)


def smooth(zones, region):
    """Smooth every interior border once, as a shared arc, and rebuild the faces."""
    labs = sorted(zones)
    fixed = region.boundary
    net = shapely.line_merge(shapely.union_all([zones[l].boundary for l in labs] + [fixed]))
    arcs = []
    for arc in shapely.get_parts(net):
        c = np.asarray(arc.coords)
        on_edge = arc.buffer(1e-6).difference(fixed.buffer(1e-4)).is_empty or \
            fixed.buffer(1e-4).contains(arc)
        arcs.append(LineString(c if on_edge else _smooth_arc(c, arc.is_closed)))
    faces = parts(shapely.polygonize(shapely.get_parts(shapely.union_all(arcs))))
    tree = shapely.STRtree([zones[l] for l in labs])
    out = {}
    for f in faces:
        if not region.buffer(1e-3).contains(f.representative_point()):
            continue
        cands = tree.query(f)
        areas = [(f.intersection(zones[labs[i]]).area, -labs[i]) for i in cands]
        if not areas:
            continue
        lab = -max(areas)[1]
        out.setdefault(lab, []).append(f)
    return {l: shapely.union_all(fs) for l, fs in out.items()}


def mirror(zones, twin, x0=100.0):
    """Reflect a half-view coverage about x = x0; twin maps a label to its mirror label.
    Midline labels (their own twin) are unioned with their reflection."""
    out = {}
    for lab, g in zones.items():
        m = shapely.transform(g, lambda c: np.stack([2 * x0 - c[:, 0], c[:, 1]], 1))
        m = shapely.set_precision(m, 0.0)
        if twin[lab] == lab:
            out[lab] = shapely.union_all([g, m, out.get(lab, Polygon())])
        else:
            out[lab] = shapely.union_all([g, out.get(lab, Polygon())])
            out[twin[lab]] = shapely.union_all([m, out.get(twin[lab], Polygon())])
    return out


def rings(g):
    """Rings of a zone shape, rounded to 0.1: each exterior clockwise on screen (y down), its
    holes anticlockwise; each starts at its topmost, then leftmost point."""
    out = []
    polys = parts(g)
    polys.sort(key=lambda p: (-p.area, p.bounds))
    for p in polys:
        p = shapely.geometry.polygon.orient(p, sign=1.0)  # ccw in y-up = clockwise on screen
        for k, r in enumerate([p.exterior] + list(p.interiors)):
            pts = np.round(np.asarray(r.coords)[:-1], 1)
            keep = np.any(pts != np.roll(pts, 1, 0), 1)
            pts = pts[keep]
            if len(pts) < 3 or Polygon(pts).area < 0.05:
                continue
            i = min(range(len(pts)), key=lambda j: (pts[j][1], pts[j][0]))
            out.append([[float(x) + 0.0, float(y) + 0.0] for x, y in np.roll(pts, -i, 0)])
    return out


def tiling_check(shapes, region, step=0.5):
    """Sample a grid; count points of the region covered by no shape (gap) or by several
    (overlap), and covered points outside the region."""
    x0, y0, x1, y1 = region.bounds
    xs, ys = np.meshgrid(np.arange(np.floor(x0), x1 + step, step) + step / 4,
                         np.arange(np.floor(y0), y1 + step, step) + step / 4)
    xs, ys = xs.ravel(), ys.ravel()
    inside = shapely.contains_xy(region, xs, ys)
    count = np.zeros(len(xs), int)
    for g in shapes:
        count += shapely.contains_xy(g, xs, ys)
    return {"samples": int(inside.sum()), "gap": int((inside & (count == 0)).sum()),
            "overlap": int((count > 1).sum()), "outside": int((~inside & (count > 0)).sum())}
