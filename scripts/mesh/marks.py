"""Trigger point marks on every view from one place on the body (data/figure/marks.toml).

Why: a trigger point is one place on the body, but the app shows it on several pictures. Its
authored `mark` (data/muscles/*.toml) says where the author put it, on the view they chose; it
means "the point of the body surface under this spot of this view": the front-most point of
the posed mesh along that view's line of sight. This module lifts every authored mark to that
3D point, projects it into every other view and keeps it where the place can be seen:

- on the side of the body the view's right half shows (the app draws bilateral marks on the
  right half and mirrors them: the front view's right half is the patient's LEFT side, every
  other view's their right), using the point's mirror twin where needed (the mesh is exactly
  symmetric, geodesic.symmetrise); a midline point is its own twin;
- not hidden by other parts of the body: its depth along the view's line of sight is within
  DEPTH_TOL of the front-most surface at its 2D spot (a depth test over the view's triangles,
  which is steady near the silhouette's edge, where the surface is seen edge-on);
- not seen edge-on: the surface there faces the viewer (the cosine between its normal and the
  line of sight at least MIN_FACING), so a point just round the silhouette's edge, say the inner
  side of the calf in the side view, is not drawn on the outline;
- in the part of the body the view shows (the close-ups' `keep`: the head above the neck's cut,
  the right foot below the ankle);
- inside the muscle's outline on that view (its `[[shapes]]`, drawn as the app's Catmull-Rom
  spline): a point up to MARGIN outside is moved just inside (NUDGE), one farther out is not
  written but listed for review (the outline or the lift is wrong there).

The cameras are looked up in one place, `cameras`: a new view needs one line there.
Output (deterministic: sorted keys, 0.1 rounding): `[marks]` "muscle/tp" = [{ view, x, y }, ...]
for the views other than the authored one, in view order; trigger points with none are left out.
"""

import tomllib
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.ops import nearest_points
from shapely.geometry import Point, Polygon

from appcover import catmull_rom
from appfigure import OUT, SIDE_SHIFT
from source import ROOT
import views

DEPTH_TOL = 0.05   # dm: a point this close behind the front-most surface still counts as seen
MIN_FACING = 0.1   # cosine: the surface must turn at least this much towards the viewer
MARGIN = 3.0       # SVG units: derived marks this far outside the muscle's outline are moved in
NUDGE = 0.6        # how far inside the outline a moved mark is put
PATH = OUT / "marks.toml"


@dataclass
class Cam:
    """One app view as a camera: `to2d` maps (N, 3) mesh points to the app's picture
    coordinates; `towards` is the direction from the body to the viewer; `keep` the part of the
    body shown (None: all); `right_half` the patient's side the picture's right half shows."""
    to2d: object
    towards: tuple
    keep: object = None
    right_half: str = "right"


def cameras(proj, closeups):
    """view -> Cam, for every view the generator writes. proj: views.Projector; closeups: the
    close-up cameras of closeup.cameras (each is called like a projector, has .towards, .keep)."""
    def closeup(name):
        c = closeups[name]
        return Cam(lambda p: c(p), tuple(c.towards), c.keep, "right")

    return {
        "front": Cam(lambda p: proj("front", p), views.TOWARDS_VIEWER["front"], None, "left"),
        "back": Cam(lambda p: proj("back", p), views.TOWARDS_VIEWER["back"], None, "right"),
        "side": Cam(lambda p: proj("side", p) + [SIDE_SHIFT, 0.0], views.TOWARDS_VIEWER["side"]),
        **{name: closeup(name) for name in closeups},
    }


class Surface:
    """The posed, symmetric mesh as seen by one camera: its triangles in 2D and their depths."""

    def __init__(self, cam, V, tris, normals):
        if cam.keep is not None:
            k = cam.keep(V)
            tris = tris[k[tris].any(1)]
        self.cam, self.V, self.tris, self.normals = cam, V, tris, normals
        self.p2 = cam.to2d(V)[tris]
        self.depth = (V @ np.asarray(cam.towards, float))[tris]
        self.lo, self.hi = self.p2.min(1), self.p2.max(1)

    def front(self, q):
        """(depth, 3D point, unit normal) of the front-most surface under the 2D point q, or
        None."""
        x, y = q
        m = np.flatnonzero((self.lo[:, 0] <= x) & (self.hi[:, 0] >= x)
                           & (self.lo[:, 1] <= y) & (self.hi[:, 1] >= y))
        if len(m) == 0:
            return None
        a, b, c = self.p2[m, 0], self.p2[m, 1], self.p2[m, 2]
        det = (b[:, 0] - a[:, 0]) * (c[:, 1] - a[:, 1]) - (c[:, 0] - a[:, 0]) * (b[:, 1] - a[:, 1])
        ok = np.abs(det) > 1e-12
        det = np.where(ok, det, 1.0)
        l1 = ((x - a[:, 0]) * (c[:, 1] - a[:, 1]) - (c[:, 0] - a[:, 0]) * (y - a[:, 1])) / det
        l2 = ((b[:, 0] - a[:, 0]) * (y - a[:, 1]) - (x - a[:, 0]) * (b[:, 1] - a[:, 1])) / det
        l0 = 1 - l1 - l2
        inside = ok & (np.minimum(np.minimum(l0, l1), l2) >= -1e-9)
        if not inside.any():
            return None
        bary = np.stack([l0, l1, l2], 1)[inside]
        t = m[inside]
        z = (bary * self.depth[t]).sum(1)
        i = int(np.argmax(z))
        n = bary[i] @ self.normals[self.tris[t[i]]]
        return float(z[i]), bary[i] @ self.V[self.tris[t[i]]], n / np.linalg.norm(n)

    def seen(self, p, n):
        """The 2D spot of the 3D point p (surface normal n) if it is in the shown part, faces the
        viewer and is not hidden, else None."""
        towards = np.asarray(self.cam.towards, float)
        if self.cam.keep is not None and not self.cam.keep(p[None])[0]:
            return None
        if n @ towards < MIN_FACING:
            return None
        q = self.cam.to2d(p[None])[0]
        f = self.front(q)
        if f is None or p @ towards < f[0] - DEPTH_TOL:
            return None
        return q


def on_side(p, n, side):
    """The point and its normal, or their mirror twins, on the patient's given side (x > 0 is
    their left)."""
    p, n = np.array(p, float), np.array(n, float)
    if (p[0] < 0) != (side == "right"):
        p[0], n[0] = -p[0], -n[0]
    return p, n


def vertex_normals(V, tris):
    fn = np.cross(V[tris[:, 1]] - V[tris[:, 0]], V[tris[:, 2]] - V[tris[:, 0]])
    vn = np.zeros_like(V)
    for k in range(3):
        np.add.at(vn, tris[:, k], fn)
    return vn / np.maximum(np.linalg.norm(vn, axis=1, keepdims=True), 1e-12)


def outline(points):
    return Polygon(catmull_rom(points)).buffer(0)


def fit(q, shape):
    """(point, how): q if inside the outline, moved just inside if within MARGIN, else None."""
    pt = Point(q)
    if shape.contains(pt) and shape.exterior.distance(pt) >= 0.05:
        return q, "inside"
    if shape.exterior.distance(pt) > MARGIN:
        return None, "outside"
    inner = shape.buffer(-NUDGE)
    if inner.is_empty:
        return None, "outside"
    near = nearest_points(inner.boundary, pt)[0]
    return np.array([near.x, near.y]), "nudged"


def muscles():
    return [tomllib.loads(p.read_text()) for p in sorted((ROOT / "data" / "muscles").glob("*.toml"))]


def build(cams, V, tris, log=print, shapes=None):
    """Returns ({"muscle/tp": [(view, x, y), ...]}, review lines). shapes: muscle-id -> {view:
    points} for the muscles whose outlines are derived (outlines.effective), which replace their
    `[[shapes]]`; an authored mark outside such an outline on its own view is for review."""
    normals = vertex_normals(V, tris)
    surf = {v: Surface(c, V, tris, normals) for v, c in cams.items()}
    order = list(cams)
    out, review = {}, []
    counts = {v: 0 for v in order}
    nudged = 0
    for m in muscles():
        if shapes is not None and m["id"] in shapes:
            drawn = {v: outline(pts) for v, pts in shapes[m["id"]].items()}
        else:
            drawn = {s["view"]: outline(s["points"]) for s in m.get("shapes", [])}
        for tp in m.get("trigger_points", []):
            key = f"{m['id']}/{tp['id']}"
            mk = tp["mark"]
            src = mk["view"]
            if src not in surf:
                review.append(f"{key}: authored on unknown view {src}")
                continue
            hit = surf[src].front((mk["x"], mk["y"]))
            if hit is None:
                review.append(f"{key}: the authored mark ({mk['x']}, {mk['y']}) on {src} is off the body")
                continue
            if src not in drawn or not drawn[src].contains(Point(mk["x"], mk["y"])):
                review.append(f"{key}: the authored mark ({mk['x']}, {mk['y']}) lies outside the "
                              f"muscle's outline on {src}")
            p, n = hit[1], hit[2]
            derived = []
            for view in order:
                if view == src:
                    continue
                q = surf[view].seen(*on_side(p, n, cams[view].right_half))
                if q is None:
                    continue
                if view not in drawn:
                    continue
                r, how = fit(q, drawn[view])
                if r is None:
                    review.append(f"{key}: seen on {view} at ({q[0]:.1f}, {q[1]:.1f}), "
                                  f"{drawn[view].exterior.distance(Point(q)):.1f} outside the "
                                  "muscle's outline there: not written")
                    continue
                nudged += how == "nudged"
                derived.append((view, round(float(r[0]), 1) + 0.0, round(float(r[1]), 1) + 0.0))
                counts[view] += 1
            if derived:
                out[key] = derived
    log(f"marks: {sum(counts.values())} derived on other views ({', '.join(f'{v} {n}' for v, n in counts.items())}), "
        f"{nudged} moved up to {MARGIN:g} units into their outline, {len(review)} for review")
    for line in review:
        log(f"  review: {line}")
    return out, review


def toml_text(marks):
    lines = ["# GENERATED by scripts/mesh/generate.py (scripts/mesh/marks.py) from the body mesh and the",
             "# authored marks and outlines of data/muscles/*.toml: do not edit by hand; change a muscle's",
             "# `mark` or outline and rerun the generator.",
             "# A trigger point's authored mark means the point of the body surface under that spot of that",
             "# view. Here: the same point on every other view where it can be seen (its own side or its",
             "# mirror twin, as the view's right half shows) and where the muscle is drawn. The loader",
             "# (src/authoring.rs) fills each trigger point's `also_marked` from this file.",
             "", "[marks]"]
    for key in sorted(marks):
        items = ", ".join(f'{{ view = "{v}", x = {x:.1f}, y = {y:.1f} }}' for v, x, y in marks[key])
        lines.append(f'"{key}" = [{items}]')
    return "\n".join(lines) + "\n"


def write(marks):
    PATH.write_text(toml_text(marks))


def load():
    """The derived marks as written: "muscle/tp" -> [{view, x, y}, ...]."""
    if not PATH.exists():
        return {}
    return tomllib.loads(PATH.read_text()).get("marks", {})
