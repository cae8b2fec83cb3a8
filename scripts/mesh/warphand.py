"""One-time migration: the muscles' outlines on the hands, carried from the front view (palm
side) and the back view (back of the hand) onto the close-up views palm and hand-back
(closeup.hand_cameras). Appends `[[shapes]]` entries to data/muscles/*.toml; changes nothing else.

Why exact: palm looks along +z like front, hand-back along -z like back, so a front or back
point (x, y) in SVG units is a mesh point (X, Y) (its depth does not matter) and the close-up
camera is a rotation and scale of the same plane: the map is affine, computed from the two
cameras (views.Projector and the close-up's origin, scale, u, v), not fitted. Bilateral shapes
are authored on the picture's right half: on the front view that is the patient's left hand, so
front shapes are taken mirrored (the body is symmetric). Each carried shape is clipped to the
hand's outline; pieces under MIN_AREA square units are dropped, and so are pieces that do not
reach ON_HAND past the wrist joint towards the fingers: the forearm muscles' bellies, drawn down
to the wrist on the front and back views, would show only as stubs at the cut (they are on the
whole-body views). Run once: .venv/bin/python scripts/mesh/warphand.py [--dry-run]
"""

import sys
import tomllib

import numpy as np
import shapely
from shapely.geometry import Polygon

import closeup
import pose
import source
import views
from appcover import catmull_rom
from source import ROOT

FROM = {"palm": "front", "hand-back": "back"}
MIN_AREA = 12.0        # square units of the close-up (about 3 x 4 mm on the hand)
ON_HAND = 0.1          # dm past the wrist joint towards the fingers


def affine(proj, cam, src):
    """2x3 matrix A: close-up point = A @ (x, y, 1) for a right-half point (x, y) of view src
    that lies on the patient's right hand (front points mirrored first)."""
    def to_mesh(x, y):
        X = -(x - 100.0) / proj.scale           # the right hand: x < 0 in the mesh
        Y = proj.ytop - (y - views.TOP) / proj.scale
        return np.array([X, Y, 0.0])
    base = np.array([[100.0, 0.0], [110.0, 0.0], [100.0, 10.0]])
    src_pts = np.c_[base, np.ones(3)]
    dst = cam(np.array([to_mesh(*p) for p in base]))
    return np.linalg.solve(src_pts, dst).T


def carried(points, A, hand, reach):
    p = np.asarray(points, float)
    if p[:, 0].mean() < 100:
        p[:, 0] = 200 - p[:, 0]
    q = np.c_[p, np.ones(len(p))] @ A.T
    g = shapely.make_valid(Polygon(q)).intersection(hand)
    parts = [g for g in shapely.get_parts(g)
             if g.geom_type == "Polygon" and g.area >= MIN_AREA and g.bounds[1] < reach]
    out = []
    for part in sorted(parts, key=lambda g: -g.area):
        ring = shapely.geometry.polygon.orient(part.simplify(0.2), -1.0).exterior.coords[:-1]
        out.append(np.round(np.asarray(ring), 1))
    return out


def text(view, ring):
    pts = ", ".join(f"[{x:g}, {y:g}]" for x, y in ring)
    return f'\n[[shapes]]\nview = "{view}"\npoints = [{pts}]\n'


def main(dry=False):
    body = source.load()
    seg = pose.segments(body)
    verts, joints = pose.figure_pose(body)
    proj = views.Projector(verts)
    arm = np.isin(seg, [pose.SEGMENTS.index(s) for s in ("forearm.R", "hand.R")])
    cams = closeup.hand_cameras(verts, joints, arm)
    hands = {}
    for view in FROM:
        doc = tomllib.loads((ROOT / "data" / "figure" / f"{view}.toml").read_text())
        hands[view] = Polygon(catmull_rom(np.asarray(doc["outline"]))).buffer(0)
    for path in sorted((ROOT / "data" / "muscles").glob("*.toml")):
        m = tomllib.loads(path.read_text())
        if any(s["view"] in FROM for s in m.get("shapes", [])):
            continue                              # already carried
        add = []
        for view, src in FROM.items():
            A = affine(proj, cams[view], src)
            cam = cams[view]
            reach = cam(joints["wrist.R"])[0, 1] - ON_HAND * cam.scale   # fingers are up
            for s in m.get("shapes", []):
                if s["view"] == src:
                    add += [(view, r) for r in carried(s["points"], A, hands[view], reach)]
        if add:
            print(f"{m['id']}: " + ", ".join(f"{v} ({len(r)} points)" for v, r in add))
            if not dry:
                t = path.read_text()
                path.write_text(t.rstrip("\n") + "\n" + "".join(text(v, r) for v, r in add))


if __name__ == "__main__":
    main("--dry-run" in sys.argv)
