"""Step 3 helper: one view's zones as the app wants them, a gap-free, overlap-free coverage of
the right half of the picture that OVERHANGS the app's smoothed silhouette.

Why: the app draws the silhouette as a Catmull-Rom spline through the outline points, which
bulges a little past the mesh outline that zones.json tiles, and clips the zones to it. So the
zones are clipped to the silhouette grown by OVERHANG units, and the outer band left uncovered
is shared out by nearest zone (a Voronoi split of points along the zones' borders). The result
is re-noded into one coverage (polygonize), simplified as a coverage (shared borders simplified
once, `shapely.coverage_simplify`), and only then rounded to 0.01, so that neighbouring zones
keep identical border vertices and the app's edge-cancelling union sees no internal edges.
"""

import numpy as np
import shapely
from shapely.geometry import LineString, MultiPoint, Polygon, box

OVERHANG = 3.0     # how far zones reach past the app's smoothed silhouette
SIMPLIFY = 0.3     # coverage_simplify tolerance (SVG units)
GRID = 0.01        # output precision; the app compares shared vertices on this grid


def catmull_rom(points, steps=8):
    """The app's `geometry::smooth_polygon`: a closed Catmull-Rom spline through the points."""
    p = np.asarray(points, float)
    p0, p1, p2, p3 = np.roll(p, 1, 0), p, np.roll(p, -1, 0), np.roll(p, -2, 0)
    out = []
    for t in np.arange(steps) / steps:
        t2, t3 = t * t, t * t * t
        out.append(0.5 * (2 * p1 + (p2 - p0) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t2
                          + (3 * p1 - p0 - 3 * p2 + p3) * t3))
    return np.stack(out, 1).reshape(-1, 2)


def parts(g):
    return [p for p in shapely.get_parts(g) if p.geom_type == "Polygon" and p.area > 1e-9]


def _assign_band(cov, band):
    """Split the band among the zones: each bit goes to the zone with the nearest border."""
    near = band.buffer(OVERHANG + 1.0)
    sites, owner, seen = [], [], set()
    for lab in sorted(cov):
        line = shapely.segmentize(cov[lab].boundary, 0.5)
        for x, y in shapely.get_coordinates(line):
            k = (round(x, 6), round(y, 6))
            if k in seen or not near.contains(shapely.Point(x, y)):
                continue
            seen.add(k)
            sites.append(k)
            owner.append(lab)
    cells = shapely.voronoi_polygons(MultiPoint(sites), extend_to=band.envelope.buffer(10),
                                     ordered=True)
    got = {}
    for cell, lab in zip(shapely.get_parts(cells), owner):
        piece = cell.intersection(band)
        if not piece.is_empty:
            got.setdefault(lab, []).append(piece)
    for lab, ps in got.items():
        cov[lab] = shapely.union_all([cov[lab]] + ps)


def _absorb(cov, pieces, exclude=None):
    """Give each piece to the zone sharing the longest border with it."""
    for piece in sorted(pieces, key=lambda p: (-p.area, p.centroid.x, p.centroid.y)):
        best, best_len = None, 0.0
        for lab in sorted(cov):
            if lab == exclude:
                continue
            shared = piece.boundary.intersection(cov[lab].buffer(0.05)).length
            if shared > best_len + 1e-9:
                best, best_len = lab, shared
        if best is not None:
            cov[best] = shapely.union_all([cov[best], piece])


def _orphans(cov, core):
    """Pieces of a zone that do not touch its own shape inside the silhouette (a band cell
    that reached across a gap between two limbs) go to a neighbour."""
    loose = []
    for lab in sorted(cov):
        keep = []
        for p in parts(cov[lab]):
            (keep if p.intersection(core[lab]).area > 1e-6 else loose).append(p)
        cov[lab] = shapely.union_all(keep) if keep else Polygon()
    cov = {l: g for l, g in cov.items() if not g.is_empty}
    _absorb(cov, loose)
    return cov


def _island(p, lab, cov):
    """A small piece wholly inside another zone (a hole in it)."""
    rim = p.exterior.buffer(0.05).difference(p)
    around = [l for l in cov if l != lab and cov[l].intersection(rim).area > 1e-6]
    return p.area < 20 and len(around) == 1 and cov[around[0]].intersection(rim).area > \
        0.99 * rim.area


def _open_spikes(cov, w=0.15):
    """Cut off parts of a zone narrower than 2w (spikes left by clipping and simplifying)
    and give them to the neighbours."""
    for lab in sorted(cov):
        g = cov[lab]
        o = g.buffer(-w, join_style=2).buffer(w, join_style=2).intersection(g)
        bits = [b for b in parts(g.difference(o)) if b.area > 1e-5]
        if bits and not o.is_empty:
            cov[lab] = o
            _absorb(cov, bits, exclude=lab)
    return cov


def _no_slivers(cov, min_area=1.0, min_width=0.3):
    """Pieces too small or too thin to hold a point clear of their edges (they would draw a
    hairline through a pattern), and small islands, go to the neighbour sharing the longest
    border."""
    for _ in range(3):
        loose = []
        for lab in sorted(cov):
            keep = []
            for p in parts(cov[lab]):
                thin = p.area < min_area or p.buffer(-min_width).is_empty or _island(p, lab, cov)
                (loose if thin else keep).append(p)
            cov[lab] = shapely.union_all(keep) if keep else Polygon()
        cov = {l: g for l, g in cov.items() if not g.is_empty}
        if not loose:
            break
        _absorb(cov, loose)
    return cov


def _renode(cov, region):
    """One exact coverage: polygonize every border once, give each face to the zone that
    covers most of it."""
    labs = sorted(cov)
    lines = shapely.union_all([cov[l].boundary for l in labs] + [region.boundary])
    faces = parts(shapely.polygonize(shapely.get_parts(lines)))
    tree = shapely.STRtree([cov[l] for l in labs])
    out = {}
    for f in faces:
        if not region.contains(f.representative_point()):
            continue
        cands = tree.query(f)
        areas = [(f.intersection(cov[labs[i]]).area, -i) for i in cands]
        if areas and max(areas)[0] > 0:
            out.setdefault(labs[-max(areas)[1]], []).append(f)
    return {l: shapely.union_all(fs) for l, fs in out.items()}


def _insert_junctions(pieces, tol=1e-6):
    """Put every corner that lies on a neighbour's edge into that edge too (GEOS may leave
    such T-junctions), so the pieces form a valid coverage for coverage_simplify."""
    corners = np.unique(np.concatenate([shapely.get_coordinates(p) for p in pieces]), axis=0)
    out = []
    for p in pieces:
        r = np.asarray(p.exterior.coords)
        new = [r[0]]
        for a, b in zip(r[:-1], r[1:]):
            lo, hi = np.minimum(a, b) - tol, np.maximum(a, b) + tol
            c = corners[np.all((corners >= lo) & (corners <= hi), 1)]
            d = b - a
            L = float(np.hypot(*d))
            if len(c) and L > 0:
                t = (c - a) @ d / (L * L)
                off = np.abs(d[0] * (c[:, 1] - a[1]) - d[1] * (c[:, 0] - a[0])) / L
                m = (off < tol) & (t > 1e-9) & (t < 1 - 1e-9)
                for i in np.argsort(t[m], kind="stable"):
                    new.append(c[m][i])
            new.append(b)
        q = Polygon(new)
        out.append(q if q.is_valid else p)
    return out


def _despike(pieces, min_angle=12.0):
    """Drop vertices where a border doubles back on itself (simplification can leave such a
    spike): from every piece that has the vertex, so shared borders stay shared."""
    for _ in range(3):
        spikes = set()
        count = {}
        for p in pieces:
            r = np.asarray(p.exterior.coords)[:-1]
            for k in map(tuple, r):
                count[k] = count.get(k, 0) + 1
            a, b = np.roll(r, 1, 0) - r, np.roll(r, -1, 0) - r
            cos = (a * b).sum(1) / np.maximum(np.hypot(*a.T) * np.hypot(*b.T), 1e-12)
            spikes |= {tuple(r[i]) for i in np.flatnonzero(cos > np.cos(np.radians(min_angle)))}
        spikes = {k for k in spikes if count[k] <= 2}
        if not spikes:
            break
        out = []
        for p in pieces:
            r = [c for c in np.asarray(p.exterior.coords)[:-1] if tuple(c) not in spikes]
            q = Polygon(r) if len(r) >= 3 else Polygon()
            out.append(q if q.is_valid and not q.is_empty else p)
        pieces = out
    return pieces


def _cut_holes(poly):
    """A polygon with holes as pieces without: cut through the first hole's centre, across
    its narrower direction, and repeat on the halves."""
    if not poly.interiors:
        return [poly]
    h = Polygon(poly.interiors[0])
    cx, cy = h.centroid.x, h.centroid.y
    x0, y0, x1, y1 = poly.bounds
    hx0, hy0, hx1, hy1 = h.bounds
    if hx1 - hx0 < hy1 - hy0:   # tall hole: cut across it, horizontally
        a, b = box(x0 - 1, y0 - 1, x1 + 1, cy), box(x0 - 1, cy, x1 + 1, y1 + 1)
    else:
        a, b = box(x0 - 1, y0 - 1, cx, y1 + 1), box(cx, y0 - 1, x1 + 1, y1 + 1)
    out = []
    for half in (a, b):
        for p in parts(poly.intersection(half)):
            out += _cut_holes(p)
    return out


def build(zone_geoms, silhouettes, half_x=100.0):
    """zone_geoms: label -> shapely geometry on the right half (x >= half_x); silhouettes: the
    app's outline rings of the right half. Returns a sorted list of (label, ring) with rings
    rounded to GRID, clockwise on screen, holes cut away."""
    body = shapely.union_all([Polygon(catmull_rom(r)).buffer(0) for r in silhouettes])
    halfplane = box(half_x, -100, 400, 600)
    region = body.buffer(OVERHANG, quad_segs=8).intersection(halfplane)
    core = {l: g.intersection(region) for l, g in zone_geoms.items()}
    core = {l: g for l, g in core.items() if g.area > 1e-6}
    cov = dict(core)
    band = region.difference(shapely.union_all(list(cov.values())))
    _assign_band(cov, band)
    cov = _orphans(cov, core)
    cov = _renode(cov, region)
    cov = _renode(_no_slivers(_open_spikes(_no_slivers(cov))), region)
    pieces, labs = [], []
    for lab in sorted(cov):
        for p in sorted(parts(cov[lab]), key=lambda p: (-p.area, p.bounds)):
            for q in _cut_holes(p):
                pieces.append(q)
                labs.append(lab)
    pieces = _insert_junctions(pieces)
    simple = _despike(list(shapely.coverage_simplify(pieces, SIMPLIFY)))
    out = []
    for lab, g in zip(labs, simple):
        for p in parts(g):
            ring = _round_ring(p, half_x)
            if ring is not None:
                out.append((lab, ring))
    return out, body, region


def _round_ring(p, half_x):
    p = shapely.geometry.polygon.orient(p, sign=1.0)  # ccw in y-up = clockwise on screen
    pts = np.round(np.asarray(p.exterior.coords)[:-1] / GRID) * GRID
    pts[:, 0] = np.maximum(pts[:, 0], half_x)
    keep = np.any(np.abs(pts - np.roll(pts, 1, 0)) > GRID / 2, 1)
    pts = pts[keep]
    if len(pts) < 3 or Polygon(pts).area < 0.05:
        return None
    i = min(range(len(pts)), key=lambda j: (pts[j][1], pts[j][0]))
    return [(round(float(x), 2) + 0.0, round(float(y), 2) + 0.0) for x, y in np.roll(pts, -i, 0)]
