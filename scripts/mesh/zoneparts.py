"""Seed rules of the parts of divided zones: part id -> where its piece of the whole starts.

Why: a zone that the figure divides more finely (data/zones.toml, `parts`) keeps its id for
data and links, so its parts must add up to exactly the cell it had. Each whole is therefore
grown first, as in zones.py, and then split among its parts by geodesic distance within it
(split.py): a part's seeds only say where, inside the whole, that part lies. Two seeds facing
each other across the whole put the border about half-way between them. Same conventions as
zones.py: left side, y up, decimetres; limb azimuths 0 front, 90 lateral, 180 back, -90 medial.
"""

import numpy as np

from zones import DOWN, FWD, UP


def _limb(part, t, theta):
    return lambda g: [g.limb(part, t, theta)]


def _facing(bones, direction, share=0.25):
    """The vertices of a digit (bone_core) that face furthest along direction: its top or
    underside, its palm side or back. Scored per phalanx (each vertex's strongest bone of the
    digit), against that phalanx's own centre: the fingers are curled a little, so a score on
    the whole digit picks its tip rather than its palm side."""
    def rule(g):
        ids = np.asarray(g.bone_core(bones))
        cols = [j for j, b in enumerate(g.bones) if b.endswith(".L") and b.startswith(tuple(bones))]
        own = np.asarray(cols)[g.w[np.ix_(ids, cols)].argmax(1)]
        out = []
        for c in np.unique(own):
            mine = ids[own == c]
            score = (g.v[mine] - g.v[mine].mean(0)) @ np.asarray(direction, float)
            out += mine[score >= np.quantile(score, 1 - share)].tolist()
        return sorted(out)
    return rule


def _ridge(x):
    """The highest vertex of the shoulder's top at x (the trapezius ridge), as zones.py."""
    return lambda g: [g.pick(g.ids[g.left & (np.abs(g.v[:, 0] - x) < 0.06) & (g.v[:, 2] < 0.4)],
                             g.v[:, 1])]


BACK_OF_HAND = tuple(-c for c in FWD)
THUMB_PAD = (-0.7071, 0.0, 0.7071)   # left hand: forward and in (-x)

# part -> (rule in words, rule as code)
RULES = {
    # --- shoulder and upper arm: near the shoulder / near the elbow ------------------------
    "shoulder.front-upper": ("upper arm at the shoulder joint, 10 deg to the front", _limb("upper_arm", .02, 10)),
    "shoulder.front-lower": ("upper arm 22 % down, 10 deg to the front", _limb("upper_arm", .22, 10)),
    "shoulder.back-upper": ("upper arm at the shoulder joint, 165 deg round", _limb("upper_arm", .02, 165)),
    "shoulder.back-lower": ("upper arm 22 % down, 165 deg round", _limb("upper_arm", .22, 165)),
    "shoulder.outer-upper": ("upper arm 8 % down, straight out", _limb("upper_arm", .08, 90)),
    "shoulder.outer-lower": ("upper arm 30 % down, straight out", _limb("upper_arm", .30, 90)),
    "arm.front-upper": ("upper arm front line, 35 % down", _limb("upper_arm", .35, 0)),
    "arm.front-lower": ("upper arm front line, 78 % down", _limb("upper_arm", .78, 0)),
    "arm.back-upper": ("upper arm back line, 35 % down", _limb("upper_arm", .35, 180)),
    "arm.back-lower": ("upper arm back line, 78 % down", _limb("upper_arm", .78, 180)),
    "arm.outer-upper": ("upper arm lateral line, 35 % down", _limb("upper_arm", .35, 90)),
    "arm.outer-lower": ("upper arm lateral line, 78 % down", _limb("upper_arm", .78, 90)),
    "arm.inner-upper": ("upper arm medial line, 35 % down", _limb("upper_arm", .35, -90)),
    "arm.inner-lower": ("upper arm medial line, 78 % down", _limb("upper_arm", .78, -90)),
    # --- forearm, wrist and hand ------------------------------------------------------------
    "forearm.thumb-side-upper": ("forearm 25 % down, 60 deg to the thumb side", _limb("forearm", .25, 60)),
    "forearm.thumb-side-lower": ("forearm 75 % down, 60 deg to the thumb side", _limb("forearm", .75, 60)),
    "forearm.little-finger-side-upper": ("forearm 25 % down, 60 deg to the little-finger side",
                                         _limb("forearm", .25, -60)),
    "forearm.little-finger-side-lower": ("forearm 75 % down, 60 deg to the little-finger side",
                                         _limb("forearm", .75, -60)),
    "forearm.back-upper": ("forearm back line, 25 % down", _limb("forearm", .25, 180)),
    "forearm.back-lower": ("forearm back line, 75 % down", _limb("forearm", .75, 180)),
    "wrist.front-thumb-side": ("forearm 97 % down, 45 deg to the thumb side", _limb("forearm", .97, 45)),
    "wrist.front-little-finger-side": ("forearm 97 % down, 45 deg to the little-finger side",
                                       _limb("forearm", .97, -45)),
    "wrist.back-thumb-side": ("forearm 97 % down, 135 deg round on the thumb side", _limb("forearm", .97, 135)),
    "wrist.back-little-finger-side": ("forearm 97 % down, 135 deg round on the little-finger side",
                                      _limb("forearm", .97, -135)),
    "hand.palm-middle": ("hand 40 % from the wrist, palm side, 10 deg towards the thumb", _limb("hand", .40, 10)),
    "hand.hypothenar": ("hand 25 % from the wrist, 55 deg towards the little finger on the palm side",
                        _limb("hand", .25, -55)),
    "hand.back-thumb-side": ("hand 30 % from the wrist, back, 25 deg towards the thumb", _limb("hand", .30, 155)),
    "hand.back-little-finger-side": ("hand 30 % from the wrist, back, 25 deg towards the little finger",
                                     _limb("hand", .30, -155)),
    "hand.thumb-palm": ("per phalanx, the quarter of the thumb's vertices facing most forward and in "
                        "towards the palm (its pad faces the index finger)", _facing(["finger1-2", "finger1-3"], THUMB_PAD)),
    "hand.thumb-back": ("per phalanx, the quarter of the thumb's vertices facing most backward and out (its nail)",
                        _facing(["finger1-2", "finger1-3"], tuple(-c for c in THUMB_PAD))),
    **{f"hand.{d}-palm": (f"per phalanx, the quarter of the {d}'s vertices facing most forward (palms face forward)",
                          _facing(b, FWD)) for d, b in
       [("index", ["finger2-"]), ("middle", ["finger3-"]),
        ("ring", ["finger4-"]), ("little", ["finger5-"])]},
    **{f"hand.{d}-back": (f"per phalanx, the quarter of the {d}'s vertices facing most backward",
                          _facing(b, BACK_OF_HAND)) for d, b in
       [("index", ["finger2-"]), ("middle", ["finger3-"]),
        ("ring", ["finger4-"]), ("little", ["finger5-"])]},
    # --- chest, abdomen and flank: near the midline / further out -------------------------
    "shoulder.top-inner": ("highest vertex 8 cm from the midline", _ridge(0.8)),
    "shoulder.top-outer": ("highest vertex 14 cm from the midline", _ridge(1.4)),
    "chest.collarbone-inner": ("front skin 3.5 cm left of the midline at the collarbone",
                               lambda g: [g.front(0.35, 5.14, ["chest_upper", "neck"])]),
    "chest.collarbone-outer": ("front skin 13 cm left of the midline at the collarbone",
                               lambda g: [g.front(1.3, 5.19, ["chest_upper", "neck"])]),
    "chest.upper-inner": ("front of the chest 4.5 cm left of the midline, 7 cm below the collarbone",
                          lambda g: [g.front(0.45, 4.6, ["chest_upper", "chest_lower"])]),
    "chest.upper-outer": ("front of the chest 12.5 cm left of the midline, 7 cm below the collarbone",
                          lambda g: [g.front(1.25, 4.6, ["chest_upper", "chest_lower"])]),
    "chest.lower-inner": ("front of the chest 5 cm left of the midline, scapula tip's height",
                          lambda g: [g.front(0.5, 3.5, ["chest_lower", "abdomen_upper"])]),
    "chest.lower-outer": ("front of the chest 12 cm left of the midline, scapula tip's height",
                          lambda g: [g.front(1.2, 3.5, ["chest_lower", "abdomen_upper"])]),
    "chest.side-upper": ("side of the trunk 8 cm below the armpit", lambda g: [g.around(4.5, 90)]),
    "chest.side-lower": ("side of the trunk 15 cm below the armpit", lambda g: [g.around(3.8, 90)]),
    "abdomen.upper-inner": ("front 2.5 cm left of the midline, 12 cm above the navel",
                            lambda g: [g.front(0.25, 3.0)]),
    "abdomen.upper-outer": ("front 9.5 cm left of the midline, 12 cm above the navel",
                            lambda g: [g.front(0.95, 3.0)]),
    "abdomen.lower-inner": ("front 2.5 cm left of the midline, 6 cm below the navel",
                            lambda g: [g.front(0.25, 1.2)]),
    "abdomen.lower-outer": ("front 9.5 cm left of the midline, 6 cm below the navel",
                            lambda g: [g.front(0.95, 1.2)]),
    "flank-upper": ("side of the trunk 10 cm above the navel", lambda g: [g.around(2.8, 95)]),
    "flank-lower": ("side of the trunk 2 cm above the navel", lambda g: [g.around(2.0, 95)]),
    # --- back: beside the spine / further out; upper / lower --------------------------------
    "back.scapula-top-inner": ("back skin 6 cm left of the midline, 3.5 cm below C7",
                               lambda g: [g.back(0.6, 5.55, ["chest_upper", "neck"])]),
    "back.scapula-top-outer": ("back skin 11.5 cm left of the midline, 4.5 cm below C7",
                               lambda g: [g.back(1.15, 5.45, ["chest_upper", "neck"])]),
    "back.interscapular-upper": ("back skin 3.5 cm left of the midline, 6.5 cm below C7",
                                 lambda g: [g.back(0.35, 5.25)]),
    "back.interscapular-lower": ("back skin 3.5 cm left of the midline, 13.5 cm below C7",
                                 lambda g: [g.back(0.35, 4.55)]),
    "back.scapula-inner": ("back skin 7.5 cm left of the midline, 14 cm below C7",
                           lambda g: [g.back(0.75, 4.5)]),
    "back.scapula-outer": ("back skin 13 cm left of the midline, 14 cm below C7",
                           lambda g: [g.back(1.3, 4.5)]),
    "back.mid-spine": ("back skin 2 cm left of the midline, 3 cm below the scapula tip",
                       lambda g: [g.back(0.2, 3.3)]),
    "back.mid-outer": ("back skin 10 cm left of the midline, 3 cm below the scapula tip",
                       lambda g: [g.back(1.0, 3.3)]),
    "back.thoracolumbar-spine": ("back skin 2 cm left of the midline at the thoracolumbar seed's height",
                                 lambda g: [g.back(0.2, 2.5)]),
    "back.thoracolumbar-outer": ("back skin 9 cm left of the midline at the thoracolumbar seed's height",
                                 lambda g: [g.back(0.9, 2.5)]),
    "back.low-spine": ("back skin 2 cm left of the midline, 4 cm above the PSIS",
                       lambda g: [g.back(0.2, 1.8)]),
    "back.low-outer": ("back skin 10 cm left of the midline, 4 cm above the PSIS",
                       lambda g: [g.back(1.0, 1.8)]),
    # --- hip and buttock --------------------------------------------------------------------
    "hip.iliac-crest-side": ("side of the trunk 105 deg round, 3 cm above the ASIS",
                             lambda g: [g.around(1.6, 105)]),
    "hip.iliac-crest-back": ("back of the trunk 140 deg round, 3 cm above the ASIS",
                             lambda g: [g.around(1.6, 140)]),
    "hip.trochanter": ("the greater trochanter landmark", lambda g: [g.lm["greater_trochanter.L"]]),
    "hip.outer-upper": ("side of the hip 6 cm above the greater trochanter",
                        lambda g: [g.around(float(g.P("greater_trochanter.L")[1]) + 0.6, 92,
                                            parts=["pelvis", "thigh.L"])]),
    "buttock.upper-inner": ("back skin 5 cm left of the midline, 4 cm below the PSIS",
                            lambda g: [g.back(0.5, 1.0)]),
    "buttock.upper-outer": ("back skin 13.5 cm left of the midline, 4 cm below the PSIS",
                            lambda g: [g.back(1.35, 1.0)]),
    "buttock.lower-inner": ("back skin 5 cm left of the midline, between hip joint and trochanter",
                            lambda g: [g.back(0.5, 0.2)]),
    "buttock.lower-outer": ("back skin 12.5 cm left of the midline, between hip joint and trochanter",
                            lambda g: [g.back(1.25, 0.2)]),
    # --- thigh, knee and lower leg -----------------------------------------------------------
    "thigh.front-upper": ("thigh front line, 12 % from hip to knee", _limb("thigh", .12, 5)),
    "thigh.front-middle": ("thigh front line, 55 % from hip to knee", _limb("thigh", .55, 5)),
    "thigh.front-lower-inner": ("thigh 77 % from hip to knee, 35 deg medial", _limb("thigh", .77, -35)),
    "thigh.front-lower-outer": ("thigh 77 % from hip to knee, 45 deg lateral", _limb("thigh", .77, 45)),
    "thigh.inner-upper": ("thigh 20 % from hip to knee, 70 deg medial", _limb("thigh", .20, -70)),
    "thigh.inner-lower": ("thigh 75 % from hip to knee, 70 deg medial", _limb("thigh", .75, -70)),
    "thigh.outer-upper": ("thigh lateral line, 28 % from hip to knee", _limb("thigh", .28, 95)),
    "thigh.outer-lower": ("thigh lateral line, 78 % from hip to knee", _limb("thigh", .78, 95)),
    "thigh.back-inner": ("thigh 35 % from hip to knee, 150 deg medial", _limb("thigh", .35, -150)),
    "thigh.back-outer": ("thigh 35 % from hip to knee, 150 deg lateral", _limb("thigh", .35, 150)),
    "thigh.back-lower-inner": ("thigh 72 % from hip to knee, 150 deg medial", _limb("thigh", .72, -150)),
    "thigh.back-lower-outer": ("thigh 72 % from hip to knee, 150 deg lateral", _limb("thigh", .72, 150)),
    "knee.inner-joint": ("medial, 2 % above the knee joint", _limb("shin", -.02, -95)),
    "knee.inner-below": ("shin 12 % below the knee joint, 70 deg medial (the pes anserinus)",
                         _limb("shin", .12, -70)),
    "leg.shin-upper": ("shin front line, 25 % from knee to ankle", _limb("shin", .25, 15)),
    "leg.shin-lower": ("shin front line, 70 % from knee to ankle", _limb("shin", .70, 15)),
    "leg.shin-inner-upper": ("shin 25 % down, 60 deg medial", _limb("shin", .25, -60)),
    "leg.shin-inner-lower": ("shin 70 % down, 60 deg medial", _limb("shin", .70, -60)),
    "leg.outer-upper": ("shin lateral line, 25 % down", _limb("shin", .25, 85)),
    "leg.outer-lower": ("shin lateral line, 70 % down", _limb("shin", .70, 85)),
    # --- foot -------------------------------------------------------------------------------
    "foot.top-inner": ("highest foot vertex of the inner half, 55 % from heel to toe",
                       lambda g: [g.foot(.55, -.5, UP)]),
    "foot.top-outer": ("highest foot vertex of the outer half, 55 % from heel to toe",
                       lambda g: [g.foot(.55, .5, UP)]),
    "foot.big-toe-top": ("the quarter of the big toe's vertices facing most upward", _facing(["toe1-"], UP)),
    "foot.big-toe-sole": ("the quarter of the big toe's vertices facing most downward", _facing(["toe1-"], DOWN)),
    "foot.toes-top": ("the quarter of the small toes' vertices facing most upward",
                      _facing(["toe2-", "toe3-", "toe4-", "toe5-"], UP)),
    "foot.toes-sole": ("the quarter of the small toes' vertices facing most downward",
                       _facing(["toe2-", "toe3-", "toe4-", "toe5-"], DOWN)),
}


def seeds(geo, parts):
    """part -> sorted seed vertex ids (left side), for the parts named in parts (whole -> parts)."""
    out = {}
    for whole, names in parts.items():
        for p in names:
            assert p in RULES, f"{whole}: part {p} has no seed rule"
            ids = sorted({int(i) for i in RULES[p][1](geo)})
            assert ids, f"{p}: seed rule matched no vertex"
            out[p] = ids
    return out
