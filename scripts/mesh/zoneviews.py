"""What of each zone is seen in the front, back and side views (vector, no raster).

Why: the app draws flat views, so each zone cell on the 3D surface must become the 2D shape of
its VISIBLE part. Each cell's pieces are projected and unioned into the zone's "shadow"; the
shadows are overlaid into an arrangement of atomic faces (shapely node + polygonize); inside one
face the same set of shadows overlaps, so one depth test at a point inside it (the nearest
projected triangle under the point, painter's rule) says which zone is on top there. Occluding
contours (an arm in front of the flank) thus come from the true projected outline of the parts.

Front and back views are worked out on the half that shows the person's left and mirrored
(coverage.py), which makes them exactly symmetric; the side view is worked out whole.
"""

import numpy as np
import shapely
from shapely.geometry import Polygon, box

from views import TOWARDS_VIEWER

# the half of the picture that shows the person's left side
LEFT_HALF = {"front": box(100, -50, 300, 550), "back": box(-100, -50, 100, 550)}


def shadows(view, proj, labels, polys, n_labels, region=None):
    """Per label, the union of its projected pieces (optionally clipped to a region)."""
    geoms = []
    keep = []
    for lab, p in zip(labels, polys):
        q = proj(view, p)
        a = 0.5 * abs(np.dot(q[:, 0], np.roll(q[:, 1], -1)) - np.dot(q[:, 1], np.roll(q[:, 0], -1)))
        if a < 1e-7:
            continue
        if region is not None:
            x0, y0, x1, y1 = region.bounds
            if q[:, 0].max() < x0 or q[:, 0].min() > x1:
                continue
        poly = Polygon(q)
        if not poly.is_valid:
            poly = poly.buffer(0)
        if poly.area < 1e-7:
            continue
        geoms.append(poly)
        keep.append(lab)
    geoms, keep = np.array(geoms, dtype=object), np.array(keep)
    out = {}
    for lab in np.unique(keep):
        u = shapely.union_all(geoms[keep == lab], grid_size=1e-4)
        if region is not None:
            u = u.intersection(region)
        if not u.is_empty and u.area > 1e-6:
            out[int(lab)] = u
    return out


class DepthTest:
    """The label seen at a 2D point: the projected triangle under the point nearest the
    viewer, then the zone whose interpolated distance is least at that spot."""

    def __init__(self, view, proj, verts, tris, D):
        self.p2 = proj(view, verts)[tris]                 # (T, 3, 2)
        self.depth = (verts @ np.array(TOWARDS_VIEWER[view], float))[tris]
        self.lo, self.hi = self.p2.min(1), self.p2.max(1)
        self.tris, self.D = tris, D

    def __call__(self, x, y, allowed):
        m = (self.lo[:, 0] <= x) & (self.hi[:, 0] >= x) & (self.lo[:, 1] <= y) & (self.hi[:, 1] >= y)
        best, best_lab = -np.inf, None
        for t in np.flatnonzero(m):
            a, b, c = self.p2[t]
            det = (b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])
            if abs(det) < 1e-12:
                continue
            l1 = ((x - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (y - a[1])) / det
            l2 = ((b[0] - a[0]) * (y - a[1]) - (x - a[0]) * (b[1] - a[1])) / det
            l0 = 1 - l1 - l2
            if min(l0, l1, l2) < -1e-9:
                continue
            bary = np.array([l0, l1, l2])
            z = bary @ self.depth[t]
            if z > best:
                d = bary @ self.D[self.tris[t]][:, allowed]
                best, best_lab = z, allowed[int(np.argmin(d))]
        return best_lab


def visible(view, shadow, depth):
    """label -> visible 2D geometry, from the shadows' arrangement and one depth test per
    face that more than one shadow covers."""
    labs = sorted(shadow)
    geoms = [shadow[l] for l in labs]
    lines = shapely.union_all([g.boundary for g in geoms])
    faces = list(shapely.polygonize(shapely.get_parts(lines)).geoms)
    tree = shapely.STRtree(geoms)
    owner = {}
    for f in faces:
        if f.area < 1e-8:
            continue
        pt = f.point_on_surface()
        cover = sorted(int(labs[i]) for i in tree.query(pt, predicate="intersects"))
        if not cover:
            continue
        lab = cover[0] if len(cover) == 1 else depth(pt.x, pt.y, np.array(cover))
        if lab is None:
            lab = cover[0]
        owner.setdefault(int(lab), []).append(f)
    return {lab: shapely.union_all(fs) for lab, fs in sorted(owner.items())}


def silhouette(outlines):
    """The figure's silhouette from its outline rings (holes included, even-odd)."""
    s = Polygon()
    for ring in outlines:
        s = s.symmetric_difference(Polygon(ring))
    return s
