"""Step 3 of Figure v2: write the app's front, back and side views (data/figure/*.toml) from the
mesh figure (figure.json) and its zones (zones.json).

Why: the app reads its figure only from data/figure/ (schema `src/model/figure.rs`, `View`).
Front and back are written as the RIGHT half of the picture (the app mirrors it): the half
outline runs from the top of the head on the midline clockwise to the crotch on the midline, and
is taken from the mesh silhouette's right half, so the figure is exactly symmetric. The side
view is the right profile moved into the right half (`separate_halves`). Zones come from
appcover.py (a coverage that overhangs the app's smoothed silhouette); bilateral zones are
written once, on the right half; midline zones whole and symmetric (front, back) or twice, the
second copy mirrored (side). Deterministic: rounded coordinates, sorted order.
"""

import json
import tomllib

import numpy as np
import shapely
from shapely.geometry import LineString, Polygon, box

import appcover
from source import ROOT

OUT = ROOT / "data" / "figure"
MID = 100.0
SIDE_SHIFT = 50.0           # the mesh profile spans x 57..143: move it into the right half
OUTLINE_TOL = 0.3           # Douglas-Peucker tolerance for the outline points
META = {
    "front": ("Front", "left", "left",
              "Front view: the patient faces us, palms forward, so the right half of the picture is their\n"
              "# LEFT side."),
    "back": ("Back", "right", "right",
             "Back view: we stand behind the patient, so the right half of the picture is their RIGHT side."),
    "side": ("Side", "right", "right",
             "The whole body from the side, on the scale of the front and back views: the patient's right\n"
             "# side on the right half (facing right), their left mirrored on the left half (facing left)."),
}
DETAILS = {"front": ["collarbone.L", "kneecap.L", "navel"],
           "back": ["scapular_spine.R", "shoulder_blade.R", "spine"],
           "side": ["arm.R.0", "arm.R.1"]}
MIDLINE_DETAILS = {"navel", "spine"}


def midline_ids():
    defs = tomllib.loads((ROOT / "data" / "zones.toml").read_text())["zone"]
    return {d["id"] for d in defs if d["laterality"] == "midline"}


def half_outline(ring):
    """Right half of a front/back silhouette: top of the head on the midline, clockwise, to the
    crotch on the midline."""
    R = Polygon(ring).buffer(0).intersection(box(MID, -50, 300, 550))
    R = max(appcover.parts(R), key=lambda p: p.area)
    R = shapely.geometry.polygon.orient(R, sign=1.0)
    c = np.asarray(R.exterior.coords)[:-1]
    on = np.abs(c[:, 0] - MID) < 1e-9
    top = int(np.flatnonzero(on)[np.argmin(c[on, 1])])
    c = np.roll(c, -top, 0)
    if c[1, 0] - MID < 1e-9:          # walk away from the midline first
        c = np.vstack([c[:1], c[:0:-1]])
    on = np.abs(c[:, 0] - MID) < 1e-9
    end = int(np.flatnonzero(on[1:])[0]) + 1
    chain = LineString(c[: end + 1]).simplify(OUTLINE_TOL)
    pts = np.round(np.asarray(chain.coords), 1)
    pts[0, 0] = pts[-1, 0] = MID
    return pts


def side_outline(ring):
    p = Polygon(np.asarray(ring) + [SIDE_SHIFT, 0]).buffer(0).simplify(OUTLINE_TOL)
    p = shapely.geometry.polygon.orient(p, sign=1.0)
    c = np.round(np.asarray(p.exterior.coords)[:-1], 1)
    i = min(range(len(c)), key=lambda j: (c[j][1], c[j][0]))
    return np.roll(c, -i, 0)


def joined(half):
    """The app's `View::joined_silhouette`."""
    m = np.stack([2 * MID - half[::-1, 0], half[::-1, 1]], 1)
    return np.vstack([half, m[1:-1]])


def even_odd(rings, shift):
    g = Polygon()
    for r in rings:
        g = g.symmetric_difference(shapely.make_valid(Polygon(np.asarray(r) + [shift, 0])))
    return g


def zone_geoms(view, shapes):
    """label (zone, midline?) -> geometry on the picture's right half."""
    keep = {"front": "left", "back": "right", "side": "right"}[view]
    shift = SIDE_SHIFT if view == "side" else 0.0
    right = box(MID, -100, 400, 600)
    out = {}
    for s in shapes:
        if s["side"] not in (keep, "midline"):
            continue
        g = even_odd(s["rings"], shift).intersection(right)
        key = (s["zone"], s["side"] == "midline")
        out[key] = shapely.union_all([out.get(key, Polygon()), g])
    return {k: g for k, g in out.items() if g.area > 1e-6}


def mirror(ring):
    return [(round(2 * MID - x, 2) + 0.0, y) for x, y in ring]


def symmetric(ring):
    """A right-half midline piece as one ring symmetric about x = 100, or None if it does not
    meet the midline in one run."""
    n = len(ring)
    on = [abs(x - MID) < 1e-9 for x, _ in ring]
    if sum(on) < 2:
        return None
    starts = [i for i in range(n) if on[i] and not on[i - 1]]
    if len(starts) != 1:
        return None
    s = starts[0]
    e = s
    while on[(e + 1) % n]:
        e = (e + 1) % n
    chain = [ring[(e + k) % n] for k in range((s - e) % n + 1)]  # run end -> off -> run start
    full = chain + [(round(2 * MID - x, 2) + 0.0, y) for x, y in reversed(chain[1:-1])]
    i = min(range(len(full)), key=lambda j: (full[j][1], full[j][0]))
    return full[i:] + full[:i]


def zones_for(view, shapes, outline):
    sils = [joined(outline)] if view != "side" else [outline]
    pieces, body, region = appcover.build(zone_geoms(view, shapes), sils)
    out = []
    for (zone, mid), ring in pieces:
        if not mid:
            out.append((zone, False, ring))
        elif view != "side" and (full := symmetric(ring)) is not None:
            out.append((zone, True, full))
        else:
            out += [(zone, True, ring), (zone, True, mirror(ring[::-1]))]
    return out, sils


def details_for(view, relief):
    shift = SIDE_SHIFT if view == "side" else 0.0
    out = []
    for r in relief:
        if r["name"] not in DETAILS[view]:
            continue
        pts = np.asarray(r["points"]) + [shift, 0]
        if r["name"] in MIDLINE_DETAILS and not r["closed"]:
            pts[:, 0] = MID
        if len(pts) > 6:
            line = LineString(np.vstack([pts, pts[:1]]) if r["closed"] else pts).simplify(0.25)
            pts = np.asarray(line.coords)[:-1 if r["closed"] else None]
        out.append((np.round(pts, 1), r["closed"], r["name"] in MIDLINE_DETAILS))
    return out


def fmt(v):
    s = f"{v:.2f}".rstrip("0").rstrip(".")
    return "0" if s == "-0" else s


def pts_text(pts, per_line=None):
    items = [f"[{fmt(x)}, {fmt(y)}]" for x, y in pts]
    if per_line is None:
        return "[" + ", ".join(items) + "]"
    rows = [", ".join(items[i:i + per_line]) for i in range(0, len(items), per_line)]
    return "[\n" + "".join(f"  {r},\n" for r in rows) + "]"


def toml_text(view, outline, zones, details):
    label, right_half, _, about = META[view]
    lines = ["# GENERATED by scripts/mesh/generate.py (scripts/mesh/appfigure.py) from the mesh figure",
             "# (data/mesh/figure.json, zones.json): do not edit by hand; change the generator and rerun.",
             f"# {about}",
             "# Coordinates are SVG user units (200 x 500, y down, midline x = 100). Bilateral shapes are",
             "# drawn on the right half only and mirrored; midline zones are drawn whole"
             + (" (twice on this view, once per profile)." if view == "side" else "."),
             "# Zones overhang the silhouette by about 3 units (the app clips them to it) and never overlap.",
             f'id = "{view}"', f'label = "{label}"', "width = 200.0", "height = 500.0",
             f'right_half = "{right_half}"']
    if view == "side":
        lines.append("separate_halves = true")
        lines += ["", "# The right profile, clockwise from the top of the head, facing right. Drawn smooth."]
    else:
        lines += ["", "# Right half of the silhouette: top of the head, round the shoulder, arm and hand, down the",
                  "# side and leg, round the foot and up the inner leg to the crotch. Drawn smooth."]
    lines.append("outline = " + pts_text(outline, 8))
    for zone, mid, ring in zones:
        lines += ["", "[[zones]]", f'zone = "{zone}"']
        if mid:
            lines.append("midline = true")
        lines.append("points = " + pts_text(ring))
    for pts, closed, mid in details:
        lines += ["", "[[details]]"]
        if closed:
            lines.append("closed = true")
        if mid:
            lines.append("midline = true")
        lines.append("points = " + pts_text(pts))
    return "\n".join(lines) + "\n"


def write(figure_views, zone_doc, log=print):
    """Write front/back/side.toml; returns per view (outline, zones, silhouettes) for checks."""
    result = {}
    for view in ["front", "back", "side"]:
        fv = figure_views[view]
        ring = fv["outlines"][0]
        outline = side_outline(ring) if view == "side" else half_outline(ring)
        zones, sils = zones_for(view, zone_doc["views"][view], outline)
        details = details_for(view, fv["relief"])
        (OUT / f"{view}.toml").write_text(toml_text(view, outline, zones, details))
        result[view] = (outline, zones, sils)
        log(f"app {view}: outline {len(outline)} points, {len(zones)} zone shapes, "
            f"{len({z for z, _, _ in zones})} ids, max {max(len(r) for _, _, r in zones)} points")
    return result
