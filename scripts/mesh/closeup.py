"""The close-up views, head and sole, from the same posed mesh and zone cells as front, back and
side (data/figure/head.toml, sole.toml, written by appcloseup.py).

Why: the head and the soles hold many small zones (face, jaw, ear; the parts of the sole) that
the whole-body views show only a few units across. Each close-up is an orthographic camera on a
part of the body at a larger scale:

- head: the head and neck seen from the person's right (as the side view, face to the right),
  cut off at the base of the neck by a plane through points 3.5 cm above the jugular notch and
  1 cm above C7 (just above the collarbones and shoulders), which contains the line of sight and so projects to a straight edge; fitted into the right
  half of a 200 x 150 picture;
- sole: the right foot below the ankle joint seen from below, toes up, the person's right on
  the right (as if we lift the feet from behind), so the big toe points to the picture's
  middle; fitted into the right half of a 200 x 190 picture.

Zones: the zone cells of zonemap.py (labels, distances D, the symmetrised vertices V and their
triangles) are cut into pieces as zonemap does, the pieces of the kept part projected into the
camera, overlaid and given to the zone on top (zoneviews.visible, with a depth test along this
camera's line of sight), then cleaned into a cover of the silhouette (coverage.py) with a larger
sliver threshold than the whole-body views, since these pictures are shown larger.
"""

import numpy as np
import shapely
from scipy.spatial import cKDTree
from shapely.geometry import Polygon, box

import coverage
import geodesic
import views
import zoneviews

SIZE = {"head": (200.0, 150.0), "sole": (200.0, 190.0), "palm": (200.0, 200.0),
        "hand-back": (200.0, 200.0)}
MARGIN = 4.0            # space left round the figure inside its half of the picture
NECK_LIFT = (0.35, 0.1)  # dm: the neck's cut plane runs 3.5 cm above the jugular notch, 1 cm above C7
MIN_AREA, MIN_WIDTH = 6.0, 0.6   # zone pieces smaller or thinner go to a neighbour
WRIST_LIFT = 0.3        # dm: the hands' cut runs 3 cm above the wrist joint, across the forearm


class Camera:
    """Orthographic camera: 2D point = origin + scale * (u . p, v . p), with `towards` the
    direction from the body to the viewer. Called like views.Projector (view name ignored)."""

    def __init__(self, name, u, v, towards, keep):
        self.name = name
        self.u, self.v = np.asarray(u, float), np.asarray(v, float)
        self.towards = np.asarray(towards, float)
        self.keep = keep            # (N, 3) points -> bool: the part of the body shown
        self.scale, self.origin = 1.0, np.zeros(2)

    def fit(self, pts, width, height, x0):
        """Scale and place the kept points into [x0 + MARGIN, x0 + width - MARGIN] across and
        [MARGIN, height - MARGIN] down, centred; scale rounded down to 0.1."""
        a, b = pts @ self.u, pts @ self.v
        s = min((width - 2 * MARGIN) / np.ptp(a), (height - 2 * MARGIN) / np.ptp(b))
        self.scale = np.floor(s * 10) / 10
        ox = x0 + (width - self.scale * np.ptp(a)) / 2 - self.scale * a.min()
        oy = (height - self.scale * np.ptp(b)) / 2 - self.scale * b.min()
        self.origin = np.round([ox, oy], 2)

    def __call__(self, view, p=None):
        p = np.atleast_2d(view if p is None else p)
        return self.origin + self.scale * np.stack([p @ self.u, p @ self.v], 1)


def cameras(verts, lms, joints, arm):
    """The close-up cameras by view id (the one place to look them up), fitted to the posed
    body. lms: landmark -> vertex id; arm: bool per vertex, the right forearm and hand."""
    notch = verts[lms["jugular_notch"]] + [0, NECK_LIFT[0], 0]
    c7 = verts[lms["c7"]] + [0, NECK_LIFT[1], 0]
    slope = (c7[1] - notch[1]) / (c7[2] - notch[2])
    base = notch[1]

    def above_neck_cut(p):
        p = np.atleast_2d(p)
        return p[:, 1] > base + (p[:, 2] - notch[2]) * slope

    # head: seen from the person's right (-x), +z to the right, y up
    head = Camera("head", (0, 0, 1), (0, -1, 0), (-1, 0, 0), above_neck_cut)
    w, h = SIZE["head"]
    head.fit(verts[above_neck_cut(verts)], 100.0, h, 100.0)
    head.cut = (notch, c7)

    ankle = joints["ankle.R"]

    def right_foot(p):
        p = np.atleast_2d(p)
        return (p[:, 0] < 0) & (p[:, 1] < ankle[1])

    # sole: seen from below (-y); the person's right (-x) to the right, toes (+z) up
    sole = Camera("sole", (-1, 0, 0), (0, 0, -1), (0, -1, 0), right_foot)
    w, h = SIZE["sole"]
    sole.fit(verts[right_foot(verts)], 100.0, h, 100.0)
    return {"head": head, "sole": sole, **hand_cameras(verts, joints, arm)}


def hand_cameras(verts, joints, arm):
    """palm and hand-back: the right hand and wrist seen along +z (from the front: the palm)
    and -z (from behind: its back), the same directions as the front and back views, turned in
    the picture's plane so the forearm's axis is vertical with the fingers up; cut across the
    forearm WRIST_LIFT above the wrist joint by a plane containing the line of sight."""
    wrist = joints["wrist.R"]
    axis = (wrist - joints["elbow.R"]) * [1, 1, 0]
    axis /= np.linalg.norm(axis)                     # towards the fingers, in the picture plane
    cut = wrist - WRIST_LIFT * axis
    tree = cKDTree(verts)

    def right_hand(p):
        p = np.atleast_2d(p)
        near = arm[tree.query(p)[1]]
        return near & ((p - cut) @ axis > 0)

    out = {}
    for view, towards in [("palm", (0, 0, 1)), ("hand-back", (0, 0, -1))]:
        t = np.asarray(towards, float)
        cam = Camera(view, np.cross(t, -axis), -axis, t, right_hand)
        w, h = SIZE[view]
        cam.fit(verts[right_hand(verts)], 100.0, h, 100.0)
        cam.cut = (cut, cut + np.cross(t, axis))
        out[view] = cam
    return out


def cut_halfplane(cam):
    """The head view's part above the neck's cut line (a big polygon in 2D), or None."""
    if not hasattr(cam, "cut"):
        return None
    a, b = cam(np.array(cam.cut))
    d = (b - a) / np.linalg.norm(b - a)
    far = 1e3
    p, q = a - d * far, a + d * far
    up = np.array([0.0, -far])
    return Polygon([p, q, q + up, p + up])


def kept_tris(cam, V, tris):
    """Triangles with any corner in the kept part."""
    k = cam.keep(V)
    return tris[k[tris].any(1)]


def silhouette(cam, V, tris):
    """The view's outline rings (views.smooth) of the kept part, cut straight at the neck."""
    t = kept_tris(cam, V, tris)
    raw = views.raw_silhouette(cam(V), t)
    hp = cut_halfplane(cam)
    if hp is not None:
        raw = raw.intersection(hp)
    return views.smooth(raw)


class Depth(zoneviews.DepthTest):
    """zoneviews.DepthTest along this camera's line of sight, over the kept triangles."""

    def __init__(self, cam, V, tris, D):
        self.p2 = cam(V)[tris]
        self.depth = (V @ cam.towards)[tris]
        self.lo, self.hi = self.p2.min(1), self.p2.max(1)
        self.tris, self.D = tris, D


def zone_cover(cam, cells, outline):
    """label -> the 2D shape of the label's visible part: a gap-free, overlap-free cover of the
    outline's polygon (coverage.py), borders smoothed once as shared arcs."""
    V, tris, D, labels = cells["V"], cells["tris"], cells["D"], cells["labels"]
    if "pieces" not in cells:
        cells["pieces"] = geodesic.cut(V, tris, D)
    lab, _, polys = cells["pieces"]
    keep = [i for i, p in enumerate(polys) if cam.keep(p).any()]
    S = Polygon(outline)
    shadow = zoneviews.shadows(cam.name, cam, lab[keep], [polys[i] for i in keep], len(labels))
    depth = Depth(cam, V, kept_tris(cam, V, tris), D)
    seen = zoneviews.visible(cam.name, shadow, depth)
    cov = coverage.smooth(coverage.fit(seen, S, MIN_AREA, MIN_WIDTH), S)
    return coverage.fit(cov, S, MIN_AREA, MIN_WIDTH), S


def inside_box(cam):
    w, h = SIZE[cam.name]
    return box(100, 0, w, h)
