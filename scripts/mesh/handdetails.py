"""Relief lines of the palm and hand-back views (the `details` of data/figure/palm.toml and
hand-back.toml): the creases and knuckles a clinician's hand chart draws, so a hand reads as a
hand and not as a flat silhouette.

Why these, and how: the skin has no creases, but the rig has the joints they lie over. Each
finger's joint cubes (joint-r-finger-N-1..4: the metacarpophalangeal joint, the two
interphalangeal joints, the tip; for the thumb N = 1 the carpometacarpal joint, the MCP joint,
the interphalangeal joint, the tip) are moved with the hand as pose.py moves it (the rigid
motion of the skin the hand's bones alone carry, fitted exactly) and projected with the view's
camera. At a joint the finger's axis runs from its proximal to its distal neighbour; the line is
drawn across the finger, perpendicular to that axis, as wide as the finger there (the outline's
chord through the joint, shortened to keep off the outline, never wider than the finger at its
middle joint: a knuckle on the back or a crease where the finger meets the palm would otherwise
run on across the hand).

- palm: a crease at each interphalangeal joint (thumb: one, and one at its MCP joint), one where
  each finger leaves the palm (walking from the middle joint towards the knuckle, the last place
  the chord is still no wider than the finger: the level of the web), and the wrist crease across
  the wrist joint, perpendicular to the forearm (vertical in the picture).
- hand-back: a knuckle at each MCP joint, drawn as a short arc bowed towards the fingertip, and a
  line at each interphalangeal joint.
"""

import numpy as np
from shapely.geometry import LineString, Point, Polygon

import pose

FINGERS = ["thumb", "index", "middle", "ring", "little"]
INSET = 1.0        # SVG units kept clear of the outline
SPAN = 0.8         # a line is at most this share of the finger's width at its middle joint
WEB = 1.3          # the chord is "still the finger" while no wider than this times its width there
BOW = 0.25         # a knuckle arc's sag towards the fingertip, as a share of its half length


def hand_motion(rest, verts, rigid):
    """(R, t) with verts = R rest + t on the rigid vertices (Kabsch fit; exact for a rigid move)."""
    p, q = rest[rigid], verts[rigid]
    pc, qc = p.mean(0), q.mean(0)
    u, _, vt = np.linalg.svd((p - pc).T @ (q - qc))
    d = np.diag([1, 1, np.sign(np.linalg.det(vt.T @ u.T))])
    r = vt.T @ d @ u.T
    return r, qc - r @ pc


def chord(body, c, n, half):
    """The part of the line c +- half * n inside `body` that holds c (or lies nearest it)."""
    g = LineString([c - half * n, c + half * n]).intersection(body)
    parts = [p for p in getattr(g, "geoms", [g]) if p.geom_type == "LineString" and not p.is_empty]
    if not parts:
        return None
    return min(parts, key=lambda p: p.distance(Point(c)))


def across(body, c, axis, half):
    n = np.array([-axis[1], axis[0]]) / np.linalg.norm(axis)
    return chord(body, np.asarray(c, float), n, half)


def details(view, cam, verts, helpers, outline):
    hand = helpers.get("hand.R")
    if hand is None or view not in ("palm", "hand-back"):
        return []
    r, t = hand_motion(hand["rest"], verts, hand["rigid"])
    J = {k: cam(r @ p + t)[0] for k, p in hand["joints"].items()}
    inner = Polygon(outline).buffer(-INSET)
    whole = Polygon(outline).buffer(0)
    out = []

    def add(name, line, bow=None):
        """bow: the finger's axis, for a knuckle's arc (sagging towards the fingertip)."""
        if line is None or line.length < 1.0:
            return
        a, b = np.asarray(line.coords[0]), np.asarray(line.coords[-1])
        pts = sorted([a, b], key=lambda p: (p[0], p[1]))
        if bow is not None:                # a parabola through the ends, its vertex sagged
            sag = BOW * line.length / 2 * bow / np.linalg.norm(bow)
            pts = [pts[0] + f * (pts[1] - pts[0]) + 4 * f * (1 - f) * sag
                   for f in np.linspace(0, 1, 5)]
        out.append({"name": name, "points": np.round(np.array(pts), 1), "closed": False})

    for i, finger in enumerate(FINGERS, 1):
        j = [J[f"finger-{i}-{k}"] for k in range(1, 5)]
        mid = 2 if i == 1 else 1               # the joint whose width bounds the finger's lines
        width = across(whole, j[mid], j[mid + 1] - j[mid - 1], 1e3).length
        half = SPAN * width / 2
        names = ["CMC", "MCP", "IP"] if i == 1 else ["MCP", "PIP", "DIP"]
        first = 1 if i == 1 else 0             # the thumb's CMC joint gets no line
        for k in range(first, 3):
            axis = j[k + 1] - j[max(k - 1, 0)]
            if view == "hand-back":
                knuckle = k == first
                add(f"{finger} {names[k]} knuckle", across(inner, j[k], axis, half),
                    axis if knuckle else None)
            elif i == 1 or k > 0:
                add(f"{finger} {names[k]} crease", across(inner, j[k], axis, half))
        if view == "palm" and i > 1:
            axis = j[1] - j[0]
            base = j[1]
            for s in np.linspace(0, 1, 41):
                c = j[1] + s * (j[0] - j[1])
                if across(whole, c, axis, 1e3).length > WEB * width:
                    break
                base = c
            add(f"{finger} base crease", across(inner, base, axis, half))
    if view == "palm":
        wrist = J["hand"]
        line = chord(inner, wrist, np.array([1.0, 0.0]), 1e3)
        add("wrist crease", across(inner, line.centroid.coords[0], [0.0, 1.0], SPAN * line.length / 2))
    return out


def load_helpers(body):
    """The right hand's joint cubes at rest, the rest skin, and which vertices only the hand's
    bones move (so the hand's rigid motion in the figure pose can be fitted)."""
    idx = {b: j for j, b in enumerate(body.bones)}
    w = body.weights[:, [idx[b] for b in sorted(pose.descendants(body, "wrist.R"))]].sum(1)
    joints = {k[len("joint-r-"):]: np.asarray(p, float) for k, p in body.cubes.items()
              if k.startswith("joint-r-finger-") or k == "joint-r-hand"}
    return {"rest": body.verts, "rigid": w > 1 - 1e-9, "joints": joints}
