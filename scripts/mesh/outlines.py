"""Muscle outlines on every view from one region of the body surface (data/figure/outlines.toml).

Why: a muscle's outline was drawn by hand on each view (`[[shapes]]` in data/muscles/*.toml), so
the drawings of one muscle could disagree, and a view where the muscle shows but nobody drew it
had none. Here a muscle's outline is one region of the posed mesh's surface:

- lift: each vertex of the posed mesh gets a signed distance (dm, positive inside) to the
  muscle's drawn outlines (the app's Catmull-Rom spline), taken on the drawn views that see it
  squarely: front-most there (depth within marks.DEPTH_TOL of the view's z-buffer), in the part
  of the body the view shows (`keep`), turned to the viewer at least SQUARE, and nearly as
  squarely (within DELTA) as the drawn view that sees it best; of those, the largest distance
  (a vertex under any of them is in). So a drawing does not claim surface it sees only at a
  grazing angle, nor surface another drawn view sees much better (the SCM's side drawing does
  not take the front of the shoulder in front of the neck). Vertices no drawn view sees squarely
  take their decided neighbours' distances (FILL_STEPS of averaging). The drawings on the front
  and back hold their mirror images (the picture's halves are the body's halves); every vertex
  takes its mirror twin's verdict too (the mesh is symmetric);
- project: on every view (marks.cameras), the pixels of a z-buffer (RES units) whose front-most
  triangle faces the viewer at least OUT_FACING (no smear along the silhouette), is kept, and
  where the signed distance, interpolated across the triangle, is at least zero (the edge falls
  between vertices where the drawing put it, not on the mesh's coarse grid: the field is sampled
  at the vertices and the edge midpoints, `Fine`, so a strip narrower than a coarse triangle is
  not lost between its vertices); closed and opened by SMOOTH, on the picture's right half,
  except where the view's drawing is itself thinner than the opening (it would cut the ends of
  the long thin muscles the drawing draws: kept as the region has them, only closed); traced,
  smoothed, simplified to a few points for the
  app's spline, rounded to 0.1; pieces smaller than MIN_AREA or a MIN_SHARE of the largest are
  dropped, and holes filled.

- per muscle (RULES), where its drawings disagree about the body surface: only some drawn views
  vote (`vote`), others must also hold what they see squarely (`veto`), and the region stays on
  its skin segments (`segments`, data/mesh/segments.json); a piece on a view the muscle is not
  drawn on is kept only if it covers UNDRAWN_AREA of the body there (no slivers of the SCM on
  the back, of abductor hallucis at the heel); `smooth` averages the lifted field over the mesh
  (a zigzag edge where the decision passes from one drawn view to another, or follows coarse
  triangles, rounds off; thin strips would fade, so only for broad muscles), and `facing: pixel`
  tests OUT_FACING on the facing interpolated per pixel instead of per triangle (the edge along
  the silhouette no longer steps with the coarse trunk triangles), and `keep: pixel` tests the
  view's `keep` on each pixel's surface point (an outline cut off by the head view's neck cut
  ends on its straight line, not on the steps of the triangles it crosses);
- wiring: only the muscles of DERIVED (reviewed beside their drawings, docs/mesh/outlines/*.png)
  are written, with the largest piece on each view (the app holds one outline per view); the
  loader replaces their `[[shapes]]` with these, and marks.py fits the trigger point marks to
  them. The `[[shapes]]` stay the authored input.

Deep muscles are lifted the same way: their drawing marks the skin over them, which is what the
views show; the app tells them apart by `depth` (dashed outlines).
Output (deterministic: sorted, 0.1 rounding): `[outlines]` muscle-id = [{ view, points }, ...].
"""

import json
import tomllib

import numpy as np
import shapely
import shapely.affinity
from scipy import ndimage
from scipy.spatial import cKDTree
from shapely.geometry import Polygon, box

from appcover import catmull_rom
from appfigure import OUT
import marks as marks_mod
from source import ROOT

RES = 0.25          # SVG units per z-buffer pixel
MIN_AREA = 6.0      # square SVG units: smaller pieces are dropped
MIN_SHARE = 0.25    # pieces smaller than this share of the largest are dropped
SMOOTH = 1.5        # SVG units: closing and opening radius of the traced outline
SIMPLIFY = 0.6      # Douglas-Peucker tolerance of the written points
MID = 100.0
DELTA = 0.3        # cosine: drawn views that see a vertex nearly as squarely as the best one vote
CLAMP = 0.3        # dm: signed distances to a drawn outline are clamped to this
OUT_FACING = 0.25  # cosine: an outline shows only on surface turned this much to the viewer
SQUARE = 0.35      # cosine: a drawn view decides a vertex only when it sees it this squarely
FILL_STEPS = 6     # mesh steps over which undecided vertices take their neighbours' verdict
UNDRAWN_AREA = 0.3  # dm^2 (30 cm^2): smaller pieces on a view the muscle is not drawn on are dropped
PATH = OUT / "outlines.toml"
SEGMENTS = ROOT / "data" / "mesh" / "segments.json"

# Per muscle, where its drawings disagree with each other about the body surface or the region
# leaks onto neighbouring parts: `segments` (the skin segments of data/mesh/segments.json it may
# cover; a name without .L/.R means both sides), `vote` (the drawn views that decide; by default
# all), `veto` (drawn views that must also hold what they see squarely), `extra_views` (views it is
# not drawn on where it shows anyway, pieces of any size), `undrawn: False` (no piece on a view it
# is not drawn on, however large: a deep muscle whose drawings' region reaches round the body),
# `smooth` (steps of averaging the lifted field with its mesh neighbours, half its weight each:
# rounds off a zigzag edge; it thins narrow strips, so only for broad muscles), `facing: "pixel"`
# (an outline shows where the facing interpolated per pixel is at least OUT_FACING, not per
# triangle: the edge along the silhouette does not step with the coarse triangles), `keep: "pixel"`
# (the view's part of the body, `keep`, tested on each pixel's surface point, not per triangle:
# the outline ends on the head view's straight neck cut, not on the cut triangles' steps),
# `midline` (the mask mirrored onto the picture's left half before it is closed, opened and traced,
# and the outline cut at the midline after: a muscle across the back's midline is not rounded off
# there, its two halves meet flush), `round` (the closing and opening radius of the traced outline
# instead of SMOOTH: a notch, a spur or a split where two drawings meet closes), `shown` (with
# `facing: "pixel"`, the least facing instead of OUT_FACING).
RULES = {
    # the back drawing reaches round the hip further than the side one: the side decides there
    "gluteus-medius": {"segments": ["abdomen_lower", "pelvis", "thigh"], "veto": ["side"], "round": 4,
                       "smooth": 4},
    # with the side's veto its back and front outlines were small blobs beside the marks; without
    # it the back drawing's region showed on the side view as a lobe down the buttock, seen at a
    # grazing angle: the side shows only surface turned well towards it
    "gluteus-minimus": {"segments": ["abdomen_lower", "pelvis", "thigh"], "round": 4, "smooth": 8,
                        "facing": "pixel", "shown": 0.6},
    # the side drawing takes the whole flank, the back one stops at the erector's edge
    "quadratus-lumborum": {"segments": ["abdomen_upper", "abdomen_lower"], "vote": ["back"], "round": 3},
    # the side drawing is a rough profile of the back one (it made a bump and two pieces)
    "infraspinatus": {"segments": ["chest_upper", "chest_lower"], "vote": ["back"], "round": 4, "smooth": 4},
    # the side drawing sits on the shin's crest, beside the front one (the front forked; with both
    # voting the front took the lateral compartment): the front must hold it
    "tibialis-anterior": {"segments": ["shin"], "veto": ["front"], "round": 3},
    "sternocleidomastoid": {"segments": ["head", "neck", "chest_upper"], "round": 4, "smooth": 4},
    "brachioradialis": {"segments": ["upper_arm", "forearm"], "round": 4, "smooth": 4},
    "extensor-digitorum": {"segments": ["forearm"], "round": 4, "smooth": 4},
    "abductor-hallucis": {"segments": ["foot"]},
    "adductor-pollicis": {"segments": ["hand"]},
    # deep muscles drawn on the front and side: the side drawing's region reaches round the flank
    # (or onto the arm beside it) and showed as a piece on the back, where they are not drawn
    "iliopsoas": {"segments": ["abdomen_upper", "abdomen_lower", "pelvis", "thigh"], "undrawn": False},
    "diaphragm": {"undrawn": False},
    "intercostals": {"undrawn": False, "round": 3, "smooth": 8, "facing": "pixel"},
    "transversus-abdominis": {"segments": ["chest_lower", "abdomen_upper", "abdomen_lower", "pelvis"],
                              "undrawn": False, "round": 4, "smooth": 4},
    "pectoralis-minor": {"undrawn": False},
    # the arm beside the flank took pieces of these (the forearm on the back, the hand)
    # (the side view's hanging arm covers the middle of the flank: of the pieces either side of it
    # the larger, behind the arm, is the one drawn)
    "external-oblique": {"segments": ["chest_lower", "abdomen_upper", "abdomen_lower", "pelvis"],
                         "round": 3, "smooth": 8, "facing": "pixel"},
    # (and its top, at the hip bone's front, lies on abdomen_lower: without it the front and side
    # outlines ended ~10 units short of the drawings' tops, the front's mark on the edge)
    "tensor-fasciae-latae": {"segments": ["abdomen_lower", "pelvis", "thigh"]},
    # the side drawing runs steeper than the back one: two bands on the side; the back decides
    "piriformis": {"vote": ["back"]},
    # the side drawing claims the front of the thigh past the front one's edge (jagged there)
    "vastus-intermedius": {"veto": ["front"]},
    # the front drawing reaches further down the cheek than the head profile's: a tail down the
    # cheek on the head view; the head drawing must hold what it sees squarely
    "orbicularis-oculi": {"veto": ["head"]},
    # the front and side drawings reach higher up the cheek than the head profile's: a peak on
    # top of the side and head outlines and a spike at the mouth's corner on the side
    "buccinator": {"veto": ["head"]},
    # the side and head drawings sit ~8 units higher on the skull than the back one: a lobed
    # outline reaching down the neck; the back drawing (where the mark is) must hold it
    "occipitalis": {"veto": ["back"]},
    # the back's edge zigzagged along the coarse buttock triangles (top and lateral edge, where the
    # surface turns away) and the side's lower edge stepped where the side and back drawings meet
    "gluteus-maximus": {"facing": "pixel", "smooth": 8},
    # the side's upper end had a notch where the front drawing's edge decides
    "brachialis": {"smooth": 4},
    # the front's lower end forked in two where the side drawing's strip meets the front one's
    "rectus-femoris": {"smooth": 4},
    # the head view's lower edge stepped along the triangles the neck's cut crosses
    "platysma": {"keep": "pixel"},
    # the back's strip zigzagged along the silhouette's coarse triangles and the side had a notch
    # at its upper front corner where the front drawing's edge decides
    "vastus-lateralis": {"facing": "pixel", "smooth": 8},
    # the side drawing's region reached round the calf: a tail below the lateral head on the back;
    # the back drawing must hold what it sees squarely
    "gastrocnemius": {"veto": ["back"]},
    # the side drawing claims the elbow's outer face beside the back one's: a wide blob on the back
    # with a dent in its lower edge; the back drawing must hold what it sees squarely
    "anconeus": {"veto": ["back"]},
    # the side drawing claims the web beside the index's knuckle, further up than the hand-back
    # one: a knob on top of the hand-back outline; the back and hand-back drawings decide
    "first-dorsal-interosseous": {"vote": ["back", "hand-back"]},
    # the back's strip had a bump on its lateral edge low on the calf and a step at the top where
    # the side drawing's region meets the back one's
    "flexor-hallucis-longus": {"smooth": 4},
    # across the back's midline: the picture's half was rounded off at the midline (a notch at
    # each end of it, the lower trapezius' tip blunt and short, the rotatores' top lost)
    "lower-trapezius": {"midline": True},
    "middle-trapezius": {"midline": True},
    "rhomboids": {"midline": True},
    "thoracolumbar-rotatores": {"midline": True},
    # and the back's lateral edge was wavy along the coarse flank triangles
    "serratus-posterior-inferior": {"midline": True, "facing": "pixel", "smooth": 8},
    # the perineum's two halves met in a notch at the midline
    "bulbospongiosus-ischiocavernosus": {"midline": True},
    # the side drawing runs steeper than the back one (as piriformis'): the back outline took a
    # notch at its top and a bulge at its lateral end, the side a kinked band; the back decides,
    # and the side's tip on the buttock's silhouette and the back's ends are rounded off
    "short-lateral-rotators": {"vote": ["back"], "facing": "pixel", "smooth": 4},
    # across the back's midline (a notch at the top of the midline) and the back's lower edge
    # stepped along the coarse triangles below the skull, where the side and head drawings'
    # region meets the back one's
    "suboccipitals": {"midline": True, "facing": "pixel", "smooth": 16},
    "sphincter-ani": {"midline": True},
    # `round` (a larger closing and opening of the traced outline than SMOOTH) for the muscles whose
    # drawings meet in a notch, a spur or a wavy edge, or whose outline split in two; most also
    # average the lifted field (`smooth`). Where the drawings put the muscle on different parts of
    # the surface, the drawing on the view that sees the muscle squarely decides (`vote`), and a
    # view whose drawing sat on a grazing edge or on another part of the body then shows the region
    # only where it faces it, or not at all (the side of the back's strips, the teres, infraspinatus
    # and quadratus lumborum; the front of the peronei and medial pterygoid): the muscle is drawn
    # where the body shows it, the same place in every view.
    "upper-trapezius": {"midline": True, "round": 4, "smooth": 4},
    "deltoid": {"veto": ["side"], "round": 3, "smooth": 4},   # the side's V to the insertion
    "biceps-brachii": {"round": 3, "smooth": 8, "facing": "pixel"},
    "teres-minor": {"vote": ["back"], "round": 4, "smooth": 4},
    "teres-major": {"vote": ["back"], "round": 3},
    "subscapularis": {"round": 4, "smooth": 4},
    "latissimus-dorsi": {"round": 4, "smooth": 4},
    "levator-scapulae": {"round": 3},
    "scalenes": {"round": 3, "smooth": 4},
    "pectoralis-major": {"round": 3, "smooth": 8, "facing": "pixel"},
    "internal-oblique": {"round": 3, "smooth": 8, "facing": "pixel"},
    "semispinalis-capitis": {"vote": ["back"], "midline": True, "round": 3},
    "serratus-posterior-superior": {"midline": True, "round": 3},
    "longissimus-thoracis": {"vote": ["back"], "round": 3},
    "iliocostalis-thoracis": {"round": 4, "smooth": 4},
    "iliocostalis-lumborum": {"vote": ["back"], "round": 3},
    "medial-pterygoid": {"vote": ["side", "head"], "round": 3},
    "lateral-pterygoid": {"round": 4, "smooth": 4},
    "supinator": {"vote": ["front", "back"], "round": 3},
    "palmaris-longus": {"round": 3},
    "extensor-carpi-radialis-longus": {"veto": ["back"], "round": 3},
    "extensor-carpi-radialis-brevis": {"vote": ["back"], "round": 3},
    "extensor-carpi-ulnaris": {"round": 4, "smooth": 4},
    "extensor-indicis": {"round": 4, "smooth": 4},
    "biceps-femoris": {"round": 3, "smooth": 8, "facing": "pixel"},
    "extensor-digitorum-longus": {"round": 4, "smooth": 4},
    "extensor-hallucis-longus": {"vote": ["front"], "round": 3},
    "peroneus-longus": {"vote": ["side"], "round": 3},
    "peroneus-brevis": {"vote": ["side"], "round": 3},
    "peroneus-tertius": {"vote": ["front"], "round": 3},
    "abductor-digiti-minimi-foot": {"round": 3, "smooth": 8, "facing": "pixel"},
    "serratus-anterior": {"round": 3, "smooth": 2, "facing": "pixel"},
}

# The muscles whose derived outlines were reviewed beside their drawings (docs/mesh/outlines/*.png)
# and judged right on every view: smooth, where the body shows the muscle, and holding the marks
# authored there (a view may lose an outline its drawing put on a grazing edge). Only these are
# written to outlines.toml, and the app takes their outlines from there; a muscle added later keeps
# its `[[shapes]]` until it is reviewed and listed. Since 2026-12-02: every muscle.
DERIVED = {"abductor-digiti-minimi-foot", "abductor-digiti-minimi-hand", "abductor-hallucis",
           "adductor-brevis", "adductor-hallucis", "adductor-longus", "adductor-magnus",
           "adductor-pollicis", "anconeus", "biceps-brachii", "biceps-femoris", "brachialis",
           "brachioradialis", "buccinator", "bulbospongiosus-ischiocavernosus",
           "cervical-multifidi", "coccygeus", "coracobrachialis", "deltoid", "diaphragm",
           "digastric", "extensor-carpi-radialis-brevis", "extensor-carpi-radialis-longus",
           "extensor-carpi-ulnaris", "extensor-digitorum", "extensor-digitorum-brevis",
           "extensor-digitorum-longus", "extensor-hallucis-brevis", "extensor-hallucis-longus",
           "extensor-indicis", "external-oblique", "first-dorsal-interosseous",
           "flexor-carpi-radialis", "flexor-carpi-ulnaris", "flexor-digitorum-brevis",
           "flexor-digitorum-longus", "flexor-digitorum-profundus",
           "flexor-digitorum-superficialis", "flexor-hallucis-brevis", "flexor-hallucis-longus",
           "flexor-pollicis-longus", "foot-interossei", "frontalis", "gastrocnemius",
           "gluteus-maximus", "gluteus-medius", "gluteus-minimus", "gracilis", "hand-interossei",
           "iliocostalis-lumborum", "iliocostalis-thoracis", "iliopsoas", "infraspinatus",
           "intercostals", "internal-oblique", "lateral-pterygoid", "latissimus-dorsi",
           "levator-ani", "levator-scapulae", "longissimus-thoracis", "lower-trapezius",
           "masseter", "medial-pterygoid", "middle-trapezius", "obturator-internus", "occipitalis",
           "opponens-pollicis", "orbicularis-oculi", "palmaris-longus", "pectineus",
           "pectoralis-major", "pectoralis-minor", "peroneus-brevis", "peroneus-longus",
           "peroneus-tertius", "piriformis", "plantaris", "platysma", "popliteus",
           "pronator-teres", "pyramidalis", "quadratus-lumborum", "quadratus-plantae",
           "rectus-abdominis", "rectus-femoris", "rhomboids", "sartorius", "scalenes",
           "scalenus-minimus", "semimembranosus", "semispinalis-capitis", "semispinalis-cervicis",
           "semitendinosus", "serratus-anterior", "serratus-posterior-inferior",
           "serratus-posterior-superior", "short-lateral-rotators", "soleus", "sphincter-ani",
           "splenius-capitis", "splenius-cervicis", "sternalis", "sternocleidomastoid",
           "subclavius", "suboccipitals", "subscapularis", "supinator", "supraspinatus",
           "temporalis", "tensor-fasciae-latae", "teres-major", "teres-minor",
           "thoracolumbar-multifidi", "thoracolumbar-rotatores", "tibialis-anterior",
           "tibialis-posterior", "transversus-abdominis", "triceps-brachii", "upper-trapezius",
           "vastus-intermedius", "vastus-lateralis", "vastus-medialis", "zygomaticus-major"}


def view_info(view):
    """(width, height, separate_halves) of an app view: a view with separate halves (a profile,
    one foot, one hand) shows the other side as its own mirrored picture, so a drawing there is
    not mirrored within the picture."""
    v = tomllib.loads((OUT / f"{view}.toml").read_text())
    return v["width"], v["height"], bool(v.get("separate_halves", False))


class Buffer:
    """One view's z-buffer of the mesh: per pixel the front-most triangle and its depth."""

    def __init__(self, view, cam, V, tris, vnormals, fine):
        w, h, self.separate = view_info(view)
        self.cam, self.V = cam, V
        self.nx, self.ny = int(round(w / RES)), int(round(h / RES))
        towards = np.asarray(cam.towards, float)
        self.P = np.asarray(cam.to2d(V), float)
        self.depth_v = V @ towards
        self.keep_v = np.ones(len(V), bool) if cam.keep is None else np.asarray(cam.keep(V), bool)
        self.facing_v = vnormals @ towards
        self.fine = fine
        # SVG units per dm in the picture plane (the median over the mesh's edges)
        e = V[tris[:, 1]] - V[tris[:, 0]]
        e2 = self.P[tris[:, 1]] - self.P[tris[:, 0]]
        flat = np.linalg.norm(e - np.outer(e @ towards, towards), axis=1)
        ok = flat > 1e-6
        self.scale = float(np.median(np.linalg.norm(e2[ok], axis=1) / flat[ok]))
        tn = vnormals[tris].sum(1)
        tn /= np.maximum(np.linalg.norm(tn, axis=1, keepdims=True), 1e-12)
        self.tri_face = tn @ towards >= marks_mod.MIN_FACING
        self.tri_ok = self.tri_face & (self.keep_v[tris].sum(1) >= 2)
        self.tri_shown_face = tn @ towards >= OUT_FACING
        self.tri_shown = self.tri_ok & self.tri_shown_face
        cand = self.keep_v[tris].any(1)
        self.tid, self.zbuf = self._raster(tris, np.flatnonzero(cand))
        # the edge midpoints (fine.edges) after the vertices: in the picture, half-way along the
        # edge as drawn (the raster interpolates linearly in the picture), so the region's
        # field is sampled twice as densely as the mesh's grid
        e = fine.edges
        self.P = np.concatenate([self.P, self.P[e].mean(1)])
        self.depth_v = np.concatenate([self.depth_v, self.depth_v[e].mean(1)])
        self.keep_v = np.concatenate([self.keep_v, self.keep_v[e].all(1)])
        self.facing_v = fine.normals @ towards

    def _raster(self, tris, ids):
        p = self.P[tris[ids]] / RES - 0.5          # pixel-centre coordinates
        z = self.depth_v[tris[ids]]
        lo = np.ceil(p.min(1)).astype(int)
        hi = np.floor(p.max(1)).astype(int)
        lo = np.maximum(lo, 0)
        hi = np.minimum(hi, [self.nx - 1, self.ny - 1])
        nw, nh = hi[:, 0] - lo[:, 0] + 1, hi[:, 1] - lo[:, 1] + 1
        good = (nw > 0) & (nh > 0)
        pix_all, dep_all, tid_all, bar_all = [], [], [], []
        sizes = np.stack([nw, nh], 1)
        for sw, sh in sorted(set(map(tuple, sizes[good]))):
            sel = np.flatnonzero(good & (nw == sw) & (nh == sh))
            ox, oy = np.meshgrid(np.arange(sw), np.arange(sh))
            ox, oy = ox.ravel(), oy.ravel()
            X = lo[sel, 0][:, None] + ox[None]      # (k, s)
            Y = lo[sel, 1][:, None] + oy[None]
            a, b, c = p[sel, 0][:, None], p[sel, 1][:, None], p[sel, 2][:, None]
            det = (b[..., 0] - a[..., 0]) * (c[..., 1] - a[..., 1]) - (c[..., 0] - a[..., 0]) * (b[..., 1] - a[..., 1])
            ok = np.abs(det) > 1e-12
            det = np.where(ok, det, 1.0)
            l1 = ((X - a[..., 0]) * (c[..., 1] - a[..., 1]) - (c[..., 0] - a[..., 0]) * (Y - a[..., 1])) / det
            l2 = ((b[..., 0] - a[..., 0]) * (Y - a[..., 1]) - (X - a[..., 0]) * (b[..., 1] - a[..., 1])) / det
            l0 = 1 - l1 - l2
            inside = ok & (np.minimum(np.minimum(l0, l1), l2) >= -1e-9)
            zz = l0 * z[sel, 0][:, None] + l1 * z[sel, 1][:, None] + l2 * z[sel, 2][:, None]
            pix_all.append((Y * self.nx + X)[inside])
            dep_all.append(zz[inside])
            tid_all.append(np.broadcast_to(ids[sel][:, None], X.shape)[inside])
            bar_all.append(np.stack([l0[inside], l1[inside], l2[inside]], 1))
        pix, dep, tid, bar = (np.concatenate(x) for x in (pix_all, dep_all, tid_all, bar_all))
        order = np.lexsort((tid, dep, pix))
        pix, dep, tid, bar = pix[order], dep[order], tid[order], bar[order]
        last = np.r_[pix[1:] != pix[:-1], True]
        tbuf = np.full(self.nx * self.ny, -1, int)
        zbuf = np.full(self.nx * self.ny, -np.inf)
        tbuf[pix[last]] = tid[last]
        zbuf[pix[last]] = dep[last]
        self.bary = np.zeros((self.ny * self.nx, 3))
        self.bary[pix[last]] = bar[last]
        self.bary = self.bary.reshape(self.ny, self.nx, 3)
        self.tris = tris
        return tbuf.reshape(self.ny, self.nx), zbuf.reshape(self.ny, self.nx)

    def seen(self):
        """The vertices this view shows front-most, kept, turned at least MIN_FACING to it."""
        if not hasattr(self, "seen_v"):
            q = self.P
            ix = np.clip(np.floor(q[:, 0] / RES).astype(int), 0, self.nx - 1)
            iy = np.clip(np.floor(q[:, 1] / RES).astype(int), 0, self.ny - 1)
            # the front-most depth near the vertex: the max over its pixel's 3x3 neighbourhood
            zmax = ndimage.maximum_filter(self.zbuf, size=3)[iy, ix]
            front = self.depth_v >= zmax - marks_mod.DEPTH_TOL
            self.seen_v = front & self.keep_v & (self.facing_v >= marks_mod.MIN_FACING)
        return self.seen_v

    def signed(self, poly):
        """Per vertex: how far (dm on the body, clamped to CLAMP) its projection lies inside the
        drawn outline or its mirror image (negative: outside)."""
        q = self.P
        lim = CLAMP * self.scale
        x0, y0, x1, y1 = poly.bounds
        out = np.full(len(q), -CLAMP)
        for xs in (q[:, 0],) if self.separate else (q[:, 0], 2 * MID - q[:, 0]):
            near = (xs >= x0 - lim) & (xs <= x1 + lim) & (q[:, 1] >= y0 - lim) & (q[:, 1] <= y1 + lim)
            i = np.flatnonzero(near)
            if len(i) == 0:
                continue
            d = shapely.distance(poly.exterior, shapely.points(xs[i], q[i, 1]))
            d = np.where(shapely.contains_xy(poly, xs[i], q[i, 1]), d, -d) / self.scale
            out[i] = np.maximum(out[i], np.clip(d, -CLAMP, CLAMP))
        return out

    def keep_px(self):
        """Per pixel: is the front-most surface point (interpolated across its triangle) in the
        part of the body the view shows (the camera's `keep` on that point, not on the triangle's
        corners: the cut is a straight line, not the triangles' steps)."""
        if not hasattr(self, "_keep_px"):
            t = self.tid
            m = t >= 0
            if self.cam.keep is None:
                self._keep_px = m
            else:
                pos = (self.bary[m][:, :, None] * self.V[self.tris[t[m]]]).sum(1)
                k = np.zeros_like(m)
                k[m] = np.asarray(self.cam.keep(pos), bool)
                self._keep_px = k
        return self._keep_px

    def mask(self, field, pixel=False, keep_pixel=False, facing=OUT_FACING):
        """Pixels on the picture's right half whose front-most surface is in the region: the
        signed distance at the vertices and edge midpoints interpolated linearly across each of
        the triangle's four halves (its corners and middle), at least zero. `pixel`: the facing
        test per pixel (interpolated the same way) instead of per triangle; `keep_pixel`: the
        view's `keep` per pixel (keep_px) instead of per triangle; `facing`: the least cosine of
        the per-pixel test."""
        t = self.tid
        m = (t >= 0)
        val = self.fine.interpolate(field, t[m], self.bary[m])
        ok = (self.tri_face[t[m]] & self.keep_px()[m]) if keep_pixel else self.tri_ok[t[m]]
        if pixel:
            fac = self.fine.interpolate(self.facing_v, t[m], self.bary[m])
            m[m] = (val >= 0.0) & ok & (fac >= facing)
        elif keep_pixel:
            m[m] = (val >= 0.0) & ok & self.tri_shown_face[t[m]]
        else:
            m[m] = (val >= 0.0) & self.tri_shown[t[m]]
        m[:, : int(round(MID / RES))] = False
        return m

    def body(self):
        t = self.tid
        m = t >= 0
        m[m] = self.tri_ok[t[m]]
        m[:, : int(round(MID / RES))] = False
        return m


class Fine:
    """The mesh's triangles halved along every edge (each in four): the edge midpoints get
    indices after the vertices (`edges`: their end points), so a per-vertex field can be sampled
    at them too. A thin drawing whose strip passes between two vertices of a coarse triangle (the
    shin's, 18 units tall and 5 wide on the front) is then not lost between them."""

    def __init__(self, V, tris, vnormals):
        n = len(V)
        e = np.sort(np.concatenate([tris[:, [0, 1]], tris[:, [1, 2]], tris[:, [2, 0]]]), 1)
        self.edges, inv = np.unique(e, axis=0, return_inverse=True)
        inv = inv.ravel()
        f = len(tris)
        self.tri_edges = n + np.stack([inv[:f], inv[f: 2 * f], inv[2 * f:]], 1)  # m01, m12, m20
        nm = vnormals[self.edges].sum(1)
        nm /= np.maximum(np.linalg.norm(nm, axis=1, keepdims=True), 1e-12)
        self.normals = np.concatenate([vnormals, nm])
        self.n = n + len(self.edges)
        a, b, c = tris.T
        m01, m12, m20 = self.tri_edges.T
        self.tris = np.concatenate([np.stack([a, m01, m20], 1), np.stack([b, m12, m01], 1),
                                    np.stack([c, m20, m12], 1), np.stack([m01, m12, m20], 1)])
        self.orig_tris = tris

    def twins(self, twin):
        """The vertices' mirror twins extended to the midpoints (the twins' edge's midpoint)."""
        n = len(twin)
        key = {(int(a), int(b)): n + i for i, (a, b) in enumerate(self.edges)}
        tw = np.sort(twin[self.edges], 1)
        mid = np.array([key.get((int(a), int(b)), n + i) for i, (a, b) in enumerate(tw)], int)
        return np.concatenate([twin, mid])

    def extend(self, mask):
        """A per-vertex boolean extended to the midpoints (both ends)."""
        return np.concatenate([mask, mask[self.edges].all(1)])

    def interpolate(self, field, t, bary):
        """The field at barycentric `bary` of original triangles `t`, linear on their halves."""
        f = field[self.orig_tris[t]]
        g = field[self.tri_edges[t]]                     # m01, m12, m20
        l0, l1, l2 = bary[:, 0], bary[:, 1], bary[:, 2]
        return np.select(
            [l0 >= 0.5, l1 >= 0.5, l2 >= 0.5],
            [(2 * l0 - 1) * f[:, 0] + 2 * l1 * g[:, 0] + 2 * l2 * g[:, 2],
             (2 * l1 - 1) * f[:, 1] + 2 * l0 * g[:, 0] + 2 * l2 * g[:, 1],
             (2 * l2 - 1) * f[:, 2] + 2 * l0 * g[:, 2] + 2 * l1 * g[:, 1]],
            (1 - 2 * l2) * g[:, 0] + (1 - 2 * l0) * g[:, 1] + (1 - 2 * l1) * g[:, 2])


def mask_polygon(m):
    """The union of a pixel mask's cells as a shapely geometry (SVG units)."""
    boxes = []
    for y in np.flatnonzero(m.any(1)):
        row = np.r_[False, m[y], False].astype(np.int8)
        d = np.diff(row)
        starts, ends = np.flatnonzero(d == 1), np.flatnonzero(d == -1)
        boxes += [box(s * RES, y * RES, e * RES, (y + 1) * RES) for s, e in zip(starts, ends)]
    return shapely.union_all(boxes) if boxes else Polygon()


def outline_pieces(m, drawn=None, midline=False, smooth=SMOOTH):
    """A mask's outline as a few smooth simple polygons: lists of (x, y), largest first.

    Closed and opened by SMOOTH (slivers and spurs go), except where the view's drawing
    (`drawn`: shapely polygons, mirrored as the view shows them) is itself thinner than the
    opening: there the mask is kept as it is (the opening would cut the thin ends of a long
    muscle the drawing draws, the forearm's and the shin's), and only closed. `midline`: the
    mask is mirrored onto the picture's left half first and the outline cut at the midline
    after, so a muscle across the midline is not rounded off there (its two halves meet flush,
    without a notch at each end of the midline or a blunt tip where it narrows onto it).
    `smooth`: the closing and opening radius (a muscle's RULES `round`, else SMOOTH)."""
    r = max(1, int(round(smooth / RES)))
    st = ndimage.generate_binary_structure(2, 1)
    if not m.any():
        return []
    if midline:
        c = int(round(MID / RES))
        m = m.copy()
        m[:, :c] = m[:, c: 2 * c][:, ::-1]
    ys, xs = np.flatnonzero(m.any(1)), np.flatnonzero(m.any(0))
    pad = 3 * r
    y0, x0 = max(ys[0] - pad, 0), max(xs[0] - pad, 0)
    m = m[y0: ys[-1] + pad + 1, x0: xs[-1] + pad + 1]
    m = ndimage.binary_closing(m, st, iterations=r)
    thin = np.zeros_like(m)
    if drawn:
        gy, gx = np.mgrid[0: m.shape[0], 0: m.shape[1]]
        cx, cy = (gx + x0 + 0.5) * RES, (gy + y0 + 0.5) * RES
        hand = np.zeros_like(m)
        for p in drawn:
            hand |= shapely.contains_xy(p, cx, cy)
        thin = m & hand & ~ndimage.binary_opening(hand, st, iterations=r, border_value=0)
    body = ndimage.binary_fill_holes(ndimage.binary_opening(m, st, iterations=r))
    if not body.any() and not thin.any():
        return []
    g = shapely.affinity.translate(mask_polygon(body), x0 * RES, y0 * RES).buffer(smooth, quad_segs=4).buffer(-2 * smooth, quad_segs=4).buffer(smooth, quad_segs=4)
    if thin.any():
        t = shapely.affinity.translate(mask_polygon(thin), x0 * RES, y0 * RES)
        g = shapely.union(g, t).buffer(smooth / 2, quad_segs=4).buffer(-smooth / 2, quad_segs=4)
    if midline:
        g = shapely.intersection(g, box(MID, -1e6, 1e6, 1e6))
    polys = sorted((Polygon(p.exterior) for p in shapely.get_parts(g) if p.geom_type == "Polygon"),
                   key=lambda p: -p.area)
    if not polys:
        return []
    big = polys[0].area
    out = []
    for p in polys:
        if p.area < MIN_AREA or p.area < MIN_SHARE * big:
            continue
        s = p.simplify(SIMPLIFY, preserve_topology=True)
        pts = [(round(float(x), 1) + 0.0, round(float(y), 1) + 0.0) for x, y in s.exterior.coords[:-1]]
        if midline:
            # the simplification may move a corner on the midline off it by up to SIMPLIFY (a
            # small V between the halves): back onto it
            pts = [(MID if abs(x - MID) <= SIMPLIFY else x, y) for x, y in pts]
        # orient consistently (clockwise on screen: positive signed area with y down)
        if Polygon(pts).exterior.is_ccw:
            pts = pts[::-1]
        # start at the top-most (then left-most) point, for stable output
        i = min(range(len(pts)), key=lambda k: (pts[k][1], pts[k][0]))
        pts = pts[i:] + pts[:i]
        if len(pts) >= 4 and Polygon(catmull_rom(pts)).buffer(0).area >= MIN_AREA:
            out.append(pts)
    return out


def twins(V):
    """Each vertex's mirror twin (x -> -x)."""
    W = V.copy()
    W[:, 0] = -W[:, 0]
    return cKDTree(V).query(W)[1]


def shape_polygon(points):
    return Polygon(catmull_rom(points)).buffer(0)


def mesh_neighbours(tris, n):
    """Sparse vertex adjacency (triangle edges), row-normalised: one step of averaging."""
    from scipy.sparse import coo_matrix, diags
    e = np.concatenate([tris[:, [0, 1]], tris[:, [1, 2]], tris[:, [2, 0]]])
    e = np.concatenate([e, e[:, ::-1]])
    A = coo_matrix((np.ones(len(e)), (e[:, 0], e[:, 1])), shape=(n, n)).tocsr()
    A.data[:] = 1.0
    deg = np.asarray(A.sum(1)).ravel()
    return diags(1.0 / np.maximum(deg, 1)) @ A


def lift(m, bufs, avg, twin, allowed=None):
    """The muscle's region on the mesh as a per-vertex signed distance (dm, >= 0 inside).

    A vertex is decided by the drawn views (of the muscle's RULES `vote`, by default all) that see
    it at least SQUARE (front-most, kept, facing) and nearly as squarely (within DELTA) as the best
    of them: the largest of their distances. A view of the muscle's `veto` that sees it at least
    SQUARE must hold it too (the smaller distance). The drawings on the front and back hold their
    mirror images. Vertices no voting view sees squarely take their decided neighbours' distances
    (FILL_STEPS of averaging), so a grazing strip between two views is bridged but not invented.
    Vertices outside `allowed` (a boolean per vertex: the muscle's mesh segments) are out."""
    n = len(twin)
    rule = RULES.get(m["id"], {})
    vote = set(rule.get("vote", bufs))
    veto = set(rule.get("veto", ()))
    views, vetoes = [], []
    for s in m.get("shapes", []):
        if s["view"] not in bufs or s["view"] not in vote | veto:
            continue
        b = bufs[s["view"]]
        f = np.where(b.seen(), b.facing_v, -np.inf)
        f = np.maximum(f, f[twin])          # the drawing holds both sides
        sd = b.signed(shape_polygon(s["points"]))
        if s["view"] in vote:
            views.append((f, sd))
        if s["view"] in veto:
            vetoes.append((f, sd))
    best = np.max([f for f, _ in views], 0) if views else np.full(n, -np.inf)
    val = np.full(n, -CLAMP)
    for f, sd in views:
        votes = (f >= SQUARE) & (f >= best - DELTA)
        val = np.where(votes, np.maximum(val, sd), val)
    for f, sd in vetoes:
        val = np.where(f >= SQUARE, np.minimum(val, sd), val)
    decided = best >= SQUARE
    if allowed is not None:
        val = np.where(allowed, val, -CLAMP)
        decided = decided | ~allowed
    if not (val >= 0).any():
        return val
    v, k = np.where(decided, val, 0.0), decided.astype(float)
    for _ in range(2 * FILL_STEPS):       # the halved mesh: the same distance
        v = np.where(decided, val, avg @ v)
        k = np.where(decided, 1.0, avg @ k)
    fill = np.where(k >= 0.05, v / np.maximum(k, 1e-6), -CLAMP)
    return np.where(decided, val, fill)


def segment_mask(names, seg_names, vertex_segment):
    """Per vertex: is its skin segment one of `names` (a name without .L/.R means both sides)."""
    ok = [i for i, s in enumerate(seg_names) if s in names or s.split(".")[0] in names]
    return np.isin(vertex_segment, ok)


def build(cams, V, tris, ids=None, log=print):
    """(muscle-id -> [(view, points), ...] in view order, the per-view buffers): every muscle's
    derived outline, whether or not it is in DERIVED (the review PNGs show them all)."""
    normals = marks_mod.vertex_normals(V, tris)
    fine = Fine(V, tris, normals)
    bufs = {v: Buffer(v, c, V, tris, normals, fine) for v, c in cams.items()}
    twin = fine.twins(twins(V))
    avg = mesh_neighbours(fine.tris, fine.n)
    segs = json.loads(SEGMENTS.read_text())
    vertex_segment = np.asarray(segs["vertex_segment"])
    out = {}
    dropped = 0
    for m in marks_mod.muscles():
        if ids is not None and m["id"] not in ids:
            continue
        rule = RULES.get(m["id"], {})
        allowed = (fine.extend(segment_mask(rule["segments"], segs["segments"], vertex_segment))
                   if "segments" in rule else None)
        region = lift(m, bufs, avg, twin, allowed)   # signed distance, dm
        for _ in range(rule.get("smooth", 0)):
            region = 0.5 * region + 0.5 * (avg @ region)
        if not (region >= 0).any():
            continue
        drawn = {s["view"] for s in m.get("shapes", [])} | set(rule.get("extra_views", ()))
        shapes = []
        for view, b in bufs.items():
            drawn_here = [shape_polygon(s["points"]) for s in m.get("shapes", []) if s["view"] == view]
            if not b.separate:
                drawn_here += [shapely.affinity.scale(p, -1, 1, origin=(MID, 0)) for p in drawn_here]
            mask = b.mask(region, rule.get("facing") == "pixel", rule.get("keep") == "pixel",
                          rule.get("shown", OUT_FACING))
            for pts in outline_pieces(mask, drawn_here, rule.get("midline", False) and not b.separate,
                                      rule.get("round", SMOOTH)):
                # a view nobody drew the muscle on shows it only where it is large there
                if view not in drawn and (rule.get("undrawn") is False or
                                          Polygon(catmull_rom(pts)).area / b.scale ** 2 < UNDRAWN_AREA):
                    dropped += 1
                    continue
                shapes.append((view, pts))
        if shapes:
            out[m["id"]] = shapes
    n = sum(len(s) for s in out.values())
    log(f"outlines: {len(out)} muscles, {n} outlines derived from the body surface "
        f"({dropped} small pieces on views the muscle is not drawn on dropped); "
        f"{len(DERIVED)} muscles take theirs from here (DERIVED)")
    return out, bufs


def effective(derived):
    """muscle-id -> {view: points}: what the app draws for the DERIVED muscles (the largest piece
    on each view; the app holds one outline per view)."""
    out = {}
    for mid in sorted(DERIVED):
        views = {}
        for v, pts in derived.get(mid, []):
            views.setdefault(v, pts)         # pieces come largest first
        out[mid] = views
    return out


def compare(derived, bufs, log=print):
    """Per view: IoU of the derived and the hand-kept outline (both within the body)."""
    rows = {}
    for m in marks_mod.muscles():
        hand = {s["view"]: s["points"] for s in m.get("shapes", [])}
        new = {}
        for v, pts in derived.get(m["id"], []):
            new.setdefault(v, []).append(pts)
        for v in sorted(set(hand) | set(new), key=list(bufs).index):
            if v not in bufs:
                continue
            b = bufs[v]
            body = b.body()
            ys, xs = np.mgrid[0:b.ny, 0:b.nx]
            cx, cy = (xs + 0.5) * RES, (ys + 0.5) * RES

            def raster(polys):
                r = np.zeros_like(body)
                for p in polys:
                    r |= shapely.contains_xy(shape_polygon(p), cx, cy)
                return r & body
            a = raster([hand[v]]) if v in hand else None
            d = raster(new[v]) if v in new else None
            if a is None or d is None:
                rows[(m["id"], v)] = (None, "derived only" if a is None else "hand only")
                continue
            u = (a | d).sum()
            rows[(m["id"], v)] = ((a & d).sum() / u if u else 0.0, "")
    by_view = {}
    for (mid, v), (iou, kind) in rows.items():
        by_view.setdefault(v, []).append((iou, kind))
    for v in bufs:
        r = by_view.get(v, [])
        ious = [i for i, _ in r if i is not None]
        log(f"compare {v}: {len(ious)} both, IoU median {np.median(ious) if ious else 0:.2f} "
            f"mean {np.mean(ious) if ious else 0:.2f}, <0.3: {sum(i < 0.3 for i in ious)}; "
            f"derived only {sum(k == 'derived only' for _, k in r)}, hand only {sum(k == 'hand only' for _, k in r)}")
    return rows


def toml_text(shapes):
    lines = ["# GENERATED by scripts/mesh/generate.py (scripts/mesh/outlines.py) from the body mesh and",
             "# the authored outlines of data/muscles/*.toml: do not edit by hand; change a muscle's",
             "# `[[shapes]]` and rerun the generator.",
             "# Each muscle's drawn outlines are lifted to one region of the body surface; this is that",
             "# region as seen on every view where it shows (the picture's right half, mirrored by the",
             "# app). Only the muscles of outlines.DERIVED are here: the loader (src/authoring.rs) takes",
             "# their shapes from this file instead of their `[[shapes]]`; the others keep those.",
             "", "[outlines]"]
    for mid in sorted(shapes):
        items = []
        for v, pts in shapes[mid].items():
            ps = ", ".join(f"[{x:.1f}, {y:.1f}]" for x, y in pts)
            items.append(f'  {{ view = "{v}", points = [{ps}] }},')
        lines.append(f'"{mid}" = [')
        lines += items
        lines.append("]")
    return "\n".join(lines) + "\n"


def write(derived):
    """Writes the DERIVED muscles' outlines (see effective)."""
    PATH.write_text(toml_text(effective(derived)))


def load():
    """muscle-id -> [{view, points}, ...] as written."""
    if not PATH.exists():
        return {}
    return tomllib.loads(PATH.read_text()).get("outlines", {})
