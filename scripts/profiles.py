#!/usr/bin/env python3
"""Writes the two profile views from the geometry below: data/figure/head.toml, the head and
neck larger than on the whole-body views, for the face, ear, jaw and scalp patterns; and
data/figure/side.toml, the whole body from the side, whose head is the same profile scaled.

The right profile is authored (face to the right); bilateral zones are mirrored by the app, and
midline zones, which a profile shows once per side, are written twice here (the second copy
mirrored), so that both profiles tile. The side view's zones are carved from overlapping boxes
in priority order with shapely, so they cannot overlap:
    pip install shapely==2.0.6 && python3 scripts/profiles.py"""

import math

W = 200.0

# The right profile, clockwise from the top of the head: face to the right.
OUTLINE = [
    (140, 12), (156, 15), (168, 24), (174, 36), (175.5, 45), (173.5, 50.5), (177.5, 58), (183.5, 67),
    (179.5, 71), (179, 75), (177, 78.5), (178.5, 83), (175.5, 87.5), (177.5, 93), (173, 98.5),
    (160, 101), (155.5, 110), (155, 121), (155.5, 132), (119.5, 132), (120.5, 121), (121, 110), (117, 98),
    (111, 86), (107.5, 70), (109, 50), (115, 32), (126, 18),
]

# (zone, midline?, polygon on the right profile). Zones may overhang the outline: they are clipped.
ZONES = [
    ("head.vertex", True, [(100, 0), (200, 0), (200, 22), (100, 22)]),
    ("head.forehead", False, [(160, 22), (200, 22), (200, 44), (160, 44)]),
    ("head.side", False, [(118, 22), (138, 22), (138, 52), (118, 52)]),
    ("head.temple", False, [(138, 22), (160, 22), (160, 44), (162, 44), (162, 50), (160, 50), (160, 58), (146, 58), (146, 56), (138, 56), (138, 52)]),
    ("head.occiput", False, [(100, 22), (118, 22), (118, 66), (100, 66)]),
    ("head.ear", False, [(126, 52), (138, 52), (138, 56), (138, 72), (126, 72)]),
    ("head.mastoid", False, [(118, 52), (126, 52), (126, 72), (128, 72), (128, 86), (118, 86), (118, 66)]),
    ("face.eyebrow", False, [(162, 44), (200, 44), (200, 50), (162, 50)]),
    ("face.eye", False, [(160, 50), (174, 50), (174, 58), (160, 58)]),
    ("face.nose-mouth", True, [(174, 50), (200, 50), (200, 87), (174, 87), (174, 72)]),
    ("face.cheek", False, [(146, 58), (174, 58), (174, 66), (160, 66), (160, 72), (146, 72)]),
    ("face.upper-teeth", False, [(160, 66), (174, 66), (174, 72), (160, 72)]),
    ("face.lower-teeth", False, [(160, 72), (174, 72), (174, 80), (160, 80)]),
    ("face.tmj", False, [(138, 56), (146, 56), (146, 72), (138, 72)]),
    ("face.jaw", False, [(128, 72), (150, 72), (150, 98), (136, 98), (128, 86)]),
    ("face.lower-jaw", False, [(150, 72), (160, 72), (160, 80), (174, 80), (174, 87), (172, 87), (172, 98), (150, 98)]),
    ("face.chin", True, [(172, 87), (200, 87), (200, 104), (172, 104), (172, 98)]),
    ("neck.back", False, [(100, 66), (118, 66), (118, 86), (128, 86), (136, 98), (132, 150), (100, 150)]),
    ("neck.side", False, [(136, 98), (150, 98), (150, 150), (132, 150)]),
    ("neck.front", True, [(150, 98), (172, 98), (172, 104), (200, 104), (200, 150), (150, 150)]),
]


# Lines that make the profile read as a head (ear, eye, jaw line, nostril, lips).
DETAILS = [
    ([(129, 55), (133.5, 52), (137.5, 55.5), (138, 63), (135.5, 69.5), (131, 72), (129, 68), (130.5, 62)], True),
    ([(165.5, 54.5), (170, 53), (174, 54.5)], False),
    ([(131, 79), (136.5, 91.5), (147, 97), (164, 98.5)], False),
    ([(176.5, 69), (179.5, 70.5)], False),
    ([(172.5, 78.8), (178, 78.8)], False),
]




# ---------------------------------------------------------------------------------------------
# The whole body from the side, on the same scale as the front and back views (200 x 500).
# The right profile faces right; the head is the head view's profile scaled down, so the two
# views agree. The right arm hangs a little forward of the trunk (10 degrees), as a relaxed
# stander's does, so that the side of the hip and thigh stay in view.

S = 0.62  # head view units to side view units
GRID = 0.01  # the precision of the side view's coordinates


def head_to_side(p):
    x, y = p
    return (round(138 + (x - 132) * S, 2), round(7 + (y - 12) * S, 2))


# The front of the body below the chin and the back below the head, top to bottom / bottom to top.
BODY_FRONT = [
    (152.3, 67.8), (152.5, 74.6), (154, 80), (157, 86), (162, 94), (166, 104), (168, 116),
    (167.5, 128), (165, 140), (162, 152), (160.5, 165), (161, 180), (163, 196), (164.5, 212),
    (164, 228), (161.5, 244), (159, 256), (160.5, 270), (161, 286), (160, 305), (157.5, 325),
    (155, 342), (153.5, 354), (155.5, 364), (155, 376), (152, 388), (151, 400), (151, 418),
    (149.5, 436), (147.5, 450), (148, 460), (154, 466), (166, 472), (180, 479), (191, 484),
    (196, 487.5), (195.5, 491.5), (188, 493), (160, 493), (135, 493), (127, 491), (124.5, 485),
]
BODY_BACK = [
    (125.5, 476), (127.5, 466), (128.5, 454), (128, 442), (124.5, 428), (120, 414), (118.5, 402),
    (121, 388), (121.5, 372), (120, 356), (118.5, 338), (117, 320), (116, 302), (113.5, 290),
    (110, 280), (108.5, 266), (109.5, 252), (113, 240), (118, 228), (121, 214), (121, 200),
    (119.5, 186), (117.5, 170), (115.5, 152), (114.5, 136), (115.5, 120), (119, 106), (124, 95),
    (128.5, 86), (130.5, 76),
]

# The right arm hanging straight, clockwise from the top of the shoulder; turned forward below.
ARM = [
    (131, 88), (135, 85.5), (140, 84.5), (145, 85.5), (149, 88), (152, 94), (153.5, 102), (153, 114),
    (152, 130), (151, 150), (150.5, 170), (150.5, 186), (151.5, 198), (153, 210), (152.5, 224),
    (150.5, 240), (148, 254), (149.5, 260), (152, 266), (153, 274), (151.5, 284), (149, 296),
    (147, 308), (144, 316), (139.5, 319), (135, 317), (132.5, 310), (131.5, 298), (131, 284),
    (131.5, 270), (132.5, 258), (132, 246), (130, 232), (128, 218), (126.5, 207), (127, 196),
    (126.5, 180), (125.5, 160), (125.5, 140), (126, 122), (127, 106), (128.5, 95),
]
# The clefts between the fingers, on the hanging arm.
FINGER_CLEFTS = [[(135.5, 303), (135.6, 312)], [(139, 303), (139, 315)], [(142.5, 303), (142.3, 312)]]
SHOULDER = (139, 94)
SWING = 10  # degrees forward


def swing(p):
    a = math.radians(SWING)
    dx, dy = p[0] - SHOULDER[0], p[1] - SHOULDER[1]
    return (SHOULDER[0] + dx * math.cos(a) + dy * math.sin(a), SHOULDER[1] - dx * math.sin(a) + dy * math.cos(a))


# The leg is drawn on its own landmarks, then its height is matched to the front and back views
# (the knee and the back of the knee at the same height): y is mapped piecewise linearly.
LEG_WARP = [(300, 300), (340, 328), (368, 354), (392, 374), (422, 410), (455, 455)]


def warp_y(y):
    for (a, fa), (b, fb) in zip(LEG_WARP, LEG_WARP[1:]):
        if a <= y <= b:
            return fa + (y - a) * (fb - fa) / (b - a)
    return y


def warp(points):
    return [(x, round(warp_y(y), 2)) for x, y in points]


def box(x0, y0, x1, y1):
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


# Zones on the arm, drawn on the hanging arm (then turned with it); earlier entries win.
ARM_ZONES = [
    ("shoulder.acromion", box(100, 70, 200, 92)),
    ("shoulder.front", box(146, 92, 200, 124)),
    ("shoulder.outer", box(133, 92, 146, 124)),
    ("shoulder.back", box(100, 92, 133, 124)),
    ("arm.front", box(146, 124, 200, 181)),
    ("arm.outer", box(133, 124, 146, 181)),
    ("arm.back", box(100, 124, 133, 181)),
    ("elbow.front", box(146, 181, 200, 203)),
    ("elbow.outer", box(133, 181, 146, 203)),
    ("elbow.back", box(100, 181, 133, 203)),
    ("forearm.thumb-side", box(145, 203, 200, 254)),
    ("forearm.back", box(134, 203, 145, 254)),
    ("forearm.little-finger-side", box(100, 203, 134, 254)),
    ("wrist.back", box(100, 254, 200, 266)),
    ("hand.thumb", box(146, 266, 200, 302)),
    ("hand.back", box(100, 266, 146, 300)),
    ("hand.index", box(142.5, 300, 200, 330)),
    ("hand.middle", box(139, 300, 142.5, 330)),
    ("hand.ring", box(135.5, 300, 139, 330)),
    ("hand.little", box(100, 300, 135.5, 330)),
]

# Zones on the rest of the body, below the head (whose zones come from the head view); earlier
# entries win, and the arm wins over all of them. Boxes overhang the outline: they are clipped.
BACK, FRONT = 100, 200
BODY_ZONES = [
    ("neck.base", box(BACK, 80, 128, 100)),
    ("shoulder.top", box(128, 80, 150, 96)),
    ("chest.collarbone", box(150, 80, FRONT, 96)),
    ("chest.upper", box(150, 96, FRONT, 126)),
    ("chest.nipple", box(150, 126, FRONT, 146)),
    ("chest.lower", box(150, 146, FRONT, 164)),
    ("abdomen.upper", box(150, 164, FRONT, 196)),
    ("abdomen.lower", box(150, 196, FRONT, 240)),
    ("back.scapula-top", box(BACK, 100, 126, 114)),
    ("back.scapula", box(BACK, 114, 126, 140)),
    ("back.scapula-tip", box(BACK, 140, 126, 156)),
    ("back.mid", box(BACK, 156, 126, 186)),
    ("back.thoracolumbar", box(BACK, 186, 126, 200)),
    ("back.low", box(BACK, 200, 126, 214)),
    ("chest.side", box(126, 96, 150, 168)),
    ("flank", box(126, 168, 150, 214)),
    ("hip.iliac-crest", box(BACK, 214, 150, 232)),
    ("buttock.upper", box(BACK, 232, 128, 262)),
    ("buttock.lower", [(BACK, 262), (128, 262), (128, 284), (126, 292), (BACK, 292)]),
    ("hip.outer", box(128, 232, 150, 268)),
    ("groin", box(150, 240, FRONT, 268)),
    ("thigh.front", box(145, 268, FRONT, 338)),
    ("thigh.outer", [(128, 268), (145, 268), (145, 346), (126, 346), (126, 292), (128, 284)]),
    ("thigh.back", box(BACK, 292, 126, 340)),
    ("thigh.back-lower", box(BACK, 340, 126, 366)),
    ("thigh.front-lower", box(145, 338, FRONT, 356)),
    ("knee.kneecap", box(150, 356, FRONT, 380)),
    ("knee.outer", [(126, 346), (145, 346), (145, 356), (150, 356), (150, 392), (126, 392)]),
    ("knee.back", box(BACK, 366, 126, 392)),
    ("knee.front", box(150, 380, FRONT, 396)),
    ("leg.shin", box(144, 396, FRONT, 450)),
    ("leg.outer", [(132, 392), (150, 392), (150, 396), (144, 396), (144, 448), (132, 448)]),
    ("calf.outer", box(124, 392, 132, 448)),
    ("calf.upper", box(BACK, 392, 124, 422)),
    ("calf.lower", box(BACK, 422, 124, 450)),
    ("ankle.front", [(144, 450), (FRONT, 450), (FRONT, 466), (146, 466)]),
    ("ankle.outer", [(131, 448), (144, 448), (144, 450), (146, 466), (146, 472), (131, 472)]),
    ("ankle.back", [(BACK, 450), (124, 450), (124, 448), (131, 448), (131, 472), (BACK, 472)]),
    ("foot.heel", box(BACK, 472, 138, 500)),
    ("foot.top", [(146, 466), (FRONT, 466), (FRONT, 478), (184, 483.5), (146, 474)]),
    ("foot.toes", [(184, 483.5), (FRONT, 478), (FRONT, 500), (184, 500)]),
    ("foot.outer", [(138, 472), (146, 472), (146, 474), (184, 483.5), (184, 500), (138, 500)]),
]

# Lines that make the side view read as a body: the ear, eye, jaw line and mouth (from the head
# view), the kneecap, the ankle bone, the fold of the buttock and the crest of the hip bone.
SIDE_DETAILS = [
    ([(150, 357), (154, 359), (155.5, 367), (154, 376), (150, 378), (148, 368)], True),
    ([(137, 458), (140.5, 456), (143, 460), (140, 464), (136.5, 462)], True),
    ([(113.5, 290), (120, 294), (126, 293)], False),
    ([(120, 214), (127, 210), (134, 212)], False),
]


def side_view():
    import shapely
    from shapely.geometry import Polygon, box as sbox
    from shapely.ops import unary_union

    # One precision grid for every operation, so neighbours share their edges exactly.
    arm = shapely.set_precision(Polygon([swing(p) for p in ARM]), GRID)
    head_outline = [head_to_side(p) for p in OUTLINE]
    # The head outline runs clockwise from the crown round the face to the throat (index of
    # (160, 101)), then down the back of the neck from (121, 110); splice the body in between.
    throat = OUTLINE.index((160, 101))
    nape = OUTLINE.index((121, 110))
    body_pts = head_outline[: throat + 1] + warp(BODY_FRONT) + warp(BODY_BACK) + head_outline[nape:]
    body = Polygon(body_pts)
    silhouette = unary_union([body, arm]).simplify(0.05)
    assert silhouette.geom_type == "Polygon", silhouette.geom_type
    outline = list(silhouette.exterior.coords)[:-1]

    shapes = []
    # Arm zones: carved from the arm in order.
    pieces = []
    for zone, cell in ARM_ZONES:
        g = Polygon([swing(p) for p in cell]).intersection(arm, grid_size=GRID)
        if pieces:
            g = g.difference(unary_union(pieces), grid_size=GRID)
        pieces.append(g)
        shapes.append((zone, False, g))
    # Head zones: the head view's, scaled, above the base of the neck.
    above_neck = sbox(0, -10, 200, 80)
    for zone, midline, poly in ZONES:
        g = Polygon([head_to_side(p) for p in poly]).intersection(above_neck, grid_size=GRID).difference(arm, grid_size=GRID)
        shapes.append((zone, midline, g))
        pieces.append(g)
    for zone, cell in BODY_ZONES:
        g = Polygon(warp(cell)).difference(unary_union(pieces), grid_size=GRID)
        pieces.append(g)
        shapes.append((zone, False, g))

    # Every point of the right profile's silhouette, with a margin, lies in a zone.
    covered = unary_union(pieces)
    missing = silhouette.buffer(1.5).intersection(sbox(100, 0, 200, 500)).difference(covered)
    assert missing.area < 0.01, f"side view: {missing.area:.2f} square units in no zone, near {missing.representative_point()}"
    return outline, shapes


def share_vertices(zones):
    """Where one zone's corner lies on another's edge (a T-junction), adds it to that edge too,
    so that the two borders are the same line and no sliver is left between or under them."""
    corners = {p for _, _, poly in zones for p in poly}
    out = []
    for zone, midline, poly in zones:
        ring = []
        for a, b in zip(poly, poly[1:] + poly[:1]):
            ring.append(a)
            on_edge = [c for c in corners if c not in (a, b) and near_segment(c, a, b)]
            ring += sorted(on_edge, key=lambda c: (c[0] - a[0]) ** 2 + (c[1] - a[1]) ** 2)
        out.append((zone, midline, ring))
    return out


def near_segment(c, a, b, tolerance=0.02):
    (ax, ay), (bx, by), (cx, cy) = a, b, c
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    if length2 == 0:
        return False
    t = ((cx - ax) * dx + (cy - ay) * dy) / length2
    if t <= 0 or t >= 1:
        return False
    px, py = ax + t * dx, ay + t * dy
    return (cx - px) ** 2 + (cy - py) ** 2 < tolerance * tolerance


def polygons(g):
    """The rings of a shape, one per piece (a zone the arm cuts in two), leaving out crumbs
    under half a square unit; a hole is refused, as the app draws each piece as one ring."""
    if g.is_empty:
        return []
    parts = list(g.geoms) if g.geom_type == "MultiPolygon" else [g]
    out = []
    for p in parts:
        if p.area < 0.5:
            continue
        assert not p.interiors, "a zone with a hole"
        out.append([(round(x, 2), round(y, 2)) for x, y in p.exterior.coords[:-1]])
    return out


def fmt(points):
    return "[" + ", ".join(f"[{x:g}, {y:g}]" for x, y in points) + "]"


def mirror(points):
    return [(W - x, y) for x, y in reversed(points)]


def write(path, header, outline, zones, details):
    out = [f"# GENERATED by scripts/profiles.py from the geometry written there: edit that, then run it."]
    out += header + ["", f"outline = {fmt(outline)}"]
    for zone, midline, poly in zones:
        copies = [poly, mirror(poly)] if midline else [poly]
        for p in copies:
            out += ["", "[[zones]]", f'zone = "{zone}"'] + (["midline = true"] if midline else []) + [f"points = {fmt(p)}"]
    for points, closed in details:
        out += ["", "[[details]]"] + (["closed = true"] if closed else []) + [f"points = {fmt(points)}"]
    open(path, "w").write("\n".join(out) + "\n")
    print("wrote", path)


write(
    "data/figure/head.toml",
    [
        "# The head and neck in profile, at a larger scale: the patient's right side on the right half",
        "# (face to the right), their left side mirrored on the left half (face to the left).",
        'id = "head"',
        'label = "Head, side"',
        "width = 200.0",
        "height = 150.0",
        'right_half = "right"',
        "separate_halves = true",
    ],
    OUTLINE,
    ZONES,
    DETAILS,
)

side_outline, side_shapes = side_view()
side_zones = share_vertices([(zone, midline, poly) for zone, midline, g in side_shapes for poly in polygons(g)])
arm_line = [swing(p) for p in ARM]
write(
    "data/figure/side.toml",
    [
        "# The whole body from the side, on the scale of the front and back views: the patient's right",
        "# side on the right half (facing right), their left mirrored on the left half (facing left).",
        "# The arm hangs a little forward, so the side of the hip and thigh stay in view.",
        'id = "side"',
        'label = "Side"',
        "width = 200.0",
        "height = 500.0",
        'right_half = "right"',
        "separate_halves = true",
    ],
    [(round(x, 2), round(y, 2)) for x, y in side_outline],
    side_zones,
    [([(round(x, 2), round(y, 2)) for x, y in arm_line], True)]
    + [([tuple(round(c, 2) for c in swing(p)) for p in cleft], False) for cleft in FINGER_CLEFTS]
    + [([head_to_side(p) for p in pts], closed) for pts, closed in DETAILS]
    + [(warp(points), closed) for points, closed in SIDE_DETAILS],
)
