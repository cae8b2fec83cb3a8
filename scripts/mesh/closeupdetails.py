"""Relief lines of the head view (the `details` of data/figure/head.toml): the face's features
as the mesh shows them, a handful of thin lines that make the profile read as a face.

Why these: in profile an artist draws the occluding contours inside the silhouette, the lines
where the skin turns away from the viewer: the ear's rim, the eyelids, the wing of the nose, the
line between the lips. Here they are found exactly so: mesh edges between a triangle facing the
camera and one facing away, kept if seen (ray test towards the camera) and not on the outline,
chained, and named by the zone cell they run through (ear, eye, nose, mouth). The skin has no
eyebrow, so the eyebrow is the line on the skin 2 cm above the eye joint's centre, from 1.5 cm
in from it to 2.5 cm out, dropping a little at its outer end (the brow's arch), projected.
The sole view has no details; the palm's and the hand-back's are handdetails.py's.
"""

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon

import views

# zone-id prefix of the cell a contour runs through -> the feature's name
FEATURES = [("head.ear", "ear"), ("face.eye", "eye"), ("face.nose", "nose"),
            ("face.upper-teeth", "mouth"), ("face.lower-teeth", "mouth"), ("face.cheek", "nose")]
MIN_LENGTH = 1.5     # SVG units: shorter contour pieces are noise
OFF_OUTLINE = 0.8    # contours nearer the outline than this are the outline itself
BROW = dict(above=0.2, inner=-0.15, outer=0.25, drop=0.08, n=9)   # dm


def contour_edges(cam, V, tris):
    """Visible occluding-contour edges of the kept part: (vertex a, vertex b) pairs."""
    p = V[tris]
    facing = np.cross(p[:, 1] - p[:, 0], p[:, 2] - p[:, 0]) @ cam.towards
    e = np.concatenate([tris[:, [0, 1]], tris[:, [1, 2]], tris[:, [2, 0]]])
    f = np.tile(np.arange(len(tris)), 3)
    key = np.sort(e, 1)
    order = np.lexsort((key[:, 1], key[:, 0]))
    key, f = key[order], f[order]
    same = np.all(key[1:] == key[:-1], 1)
    a, b, k = f[:-1][same], f[1:][same], key[:-1][same]
    cont = k[np.sign(facing[a]) != np.sign(facing[b])]
    out = []
    for i, j in cont:
        m = (V[i] + V[j]) / 2 + cam.towards * 0.005
        if views.visible(V, tris, m, _view(cam), eps=0.01):
            out.append((int(i), int(j)))
    return out


def _view(cam):
    views.TOWARDS_VIEWER.setdefault("closeup-" + cam.name, tuple(cam.towards))
    return "closeup-" + cam.name


def frontmost(V, tris, x, y):
    """The largest z where the vertical-free line (x, y, z) meets the skin, or None."""
    p = V[tris]
    a, b, c = p[:, 0], p[:, 1], p[:, 2]
    det = (b[:, 0] - a[:, 0]) * (c[:, 1] - a[:, 1]) - (c[:, 0] - a[:, 0]) * (b[:, 1] - a[:, 1])
    ok = np.abs(det) > 1e-12
    det = np.where(ok, det, 1)
    l1 = ((x - a[:, 0]) * (c[:, 1] - a[:, 1]) - (c[:, 0] - a[:, 0]) * (y - a[:, 1])) / det
    l2 = ((b[:, 0] - a[:, 0]) * (y - a[:, 1]) - (x - a[:, 0]) * (b[:, 1] - a[:, 1])) / det
    l0 = 1 - l1 - l2
    hit = ok & (l0 >= 0) & (l1 >= 0) & (l2 >= 0)
    if not hit.any():
        return None
    z = l0 * a[:, 2] + l1 * b[:, 2] + l2 * c[:, 2]
    return float(z[hit].max())


def eyebrow(cam, V, tris, eye):
    """The brow line on the skin above the right eye (eye: the eye joint's centre, x < 0)."""
    pts = []
    for t in np.linspace(BROW["inner"], BROW["outer"], BROW["n"]):
        x = eye[0] - t                       # the right eye: outward is -x
        y = eye[1] + BROW["above"] - BROW["drop"] * max(t, 0) / BROW["outer"]
        z = frontmost(V, tris, x, y)
        if z is not None:
            pts.append((x, y, z))
    return cam(np.array(pts))


def details(view, cam, verts, cells, lms, helpers, outline):
    if view != "head":
        return []
    import closeup
    V, labels, D = cells["V"], cells["labels"], cells["D"]
    tris = closeup.kept_tris(cam, V, cells["tris"])
    P = cam(V)
    edges = contour_edges(cam, V, tris)
    body = Polygon(outline).buffer(-OFF_OUTLINE)
    segs = [LineString(P[[i, j]]) for i, j in edges]
    merged = shapely.line_merge(shapely.union_all(segs))
    name_of = {}
    for (i, j), s in zip(edges, segs):
        z = labels[int(np.argmin(D[i] + D[j]))][0]
        name_of[s.centroid.coords[0]] = next((n for pre, n in FEATURES if z.startswith(pre)), None)
    mids = np.array(list(name_of))
    names = list(name_of.values())
    out = []
    for line in shapely.get_parts(merged):
        line = line.intersection(body)
        for piece in shapely.get_parts(line):
            if piece.geom_type != "LineString" or piece.length < MIN_LENGTH:
                continue
            c = np.asarray(piece.interpolate(0.5, normalized=True).coords[0])
            name = names[int(np.argmin(np.hypot(*(mids - c).T)))]
            if name is None:
                continue
            pts = np.round(np.asarray(piece.simplify(0.15).coords), 1)
            out.append({"name": name, "points": pts, "closed": False})
    out = _fewest(out)
    eye = helpers.get("eye.R")
    if eye is not None:
        brow = eyebrow(cam, V, tris, eye)
        line = LineString(brow).simplify(0.15)
        out.append({"name": "eyebrow", "points": np.round(np.asarray(line.coords), 1),
                    "closed": False})
    order = {"ear": 0, "eyebrow": 1, "eye": 2, "nose": 3, "mouth": 4}
    out.sort(key=lambda d: (order.get(d["name"], 9), d["points"][0][0], d["points"][0][1]))
    return out


def _fewest(lines, share=0.4, per_name=2):
    """Per feature the longest line and at most one more at least `share` as long; a line
    running within 0.8 units of one kept already is dropped."""
    kept = []
    for name in sorted({d["name"] for d in lines}):
        mine = sorted((d for d in lines if d["name"] == name),
                      key=lambda d: (-LineString(d["points"]).length, d["points"][0].tolist()))
        top = LineString(mine[0]["points"]).length
        for d in mine[:per_name]:
            g = LineString(d["points"])
            if g.length >= share * top and not any(
                    g.buffer(0.8).contains(LineString(k["points"]).interpolate(0.5, normalized=True))
                    for k in kept):
                kept.append(d)
    return kept


def load_helpers(body):
    """Mesh points the details need besides the skin: the right eye joint's centre."""
    return {"eye.R": np.asarray(body.cubes["joint-r-eye"], float)}
