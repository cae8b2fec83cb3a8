"""Seed rules of the pain zones: zone id -> where its cell starts on the body surface.

Why one table: tuning seeds is the main authoring cost of the zone map, so every rule lives
here, in words (written to zones.json) and as code (helpers of seedgeo.Geo). A bilateral zone is
seeded on the person's LEFT side and mirrored to the right with hm08.mirror; a midline zone is
seeded on (or symmetrically about) the midline. Each zone's cell is then the part of the skin
geodesically nearer to its seeds than to any other zone's (geodesic.py). `grow` (decimetres)
widens a zone against its neighbours (an additive weight: its distances are reduced by it).

Heights come from landmarks.json and the rig's joint centres (y up, decimetres): head top 8.5,
eyes 7.3, chin 6.2, C7 5.9, jugular notch 5.25, scapula tip 3.66, navel 1.84, ASIS 1.27,
hip joint 0.49, greater trochanter -0.67, knee joint -3.7, ankle joint -7.45, sole -8.17.
"""

import numpy as np

DOWN, UP, BACK, FWD = (0, -1, 0), (0, 1, 0), (0, 0, -1), (0, 0, 1)
OUT, IN = (1, 0, 0), (-1, 0, 0)


def _y(g, a, b, t):
    return float(g.lerp(a, b, t)[1])


def _crease(g):
    """Inguinal crease: front skin on the line from 3/4 of the way from the pubis to the ASIS
    down-and-in to the pubic tubercle."""
    a = g.P("asis.L")
    return [g.front(a[0] * f, a[1] - 0.15 - (1 - f) * 0.9, ["pelvis", "abdomen_lower", "thigh.L"])
            for f in (0.8, 0.6, 0.45)]


# zone -> (rule in words, rule as code, grow in dm)
RULES = {
    # --- head ---------------------------------------------------------------------------------
    "head.vertex": ("the highest midline vertex (crown)", lambda g: [g.lm["head_top"]], 0.0),
    "head.forehead": ("front of the head 3 cm left of the midline, 6 cm above the eyes",
                      lambda g: [g.front(0.3, 7.9, ["head"])], 0.0),
    "face.eyebrow": ("front of the head above the eye joint, 2.2 cm higher",
                     lambda g: [g.front(g.J["eye.L"][0] + 0.05, g.J["eye.L"][1] + 0.22,
                                        ["head"])], 0.0),
    "face.eye": ("front of the head at the eye joint (the eyeball)",
                 lambda g: [g.front(g.J["eye.L"][0], g.J["eye.L"][1], ["head"])], 0.0),
    "head.temple": ("head vertex 62 deg round from the front, 8 deg above the skull centre",
                    lambda g: [g.head(62, 8)], 0.0),
    "head.side": ("head vertex straight out to the side, 38 deg above the skull centre",
                  lambda g: [g.head(90, 38)], 0.0),
    "head.ear": ("the outermost head vertices (the ear's rim) and the point 1 cm in front",
                 lambda g: g.ball(g.v[g.pick(g.ids[g.seg("head")], g.v[:, 0])], 0.12,
                                  g.seg("head")), 0.0),
    "head.occiput": ("back of the head 2.5 cm left of the midline, 3 cm above the skull centre",
                     lambda g: [g.back(0.25, 7.6, ["head"])], 0.0),
    "head.mastoid": ("head vertex 122 deg round from the front, 22 deg below the skull centre",
                     lambda g: [g.head(122, -22)], 0.0),
    "neck.upper-back": ("back of the neck 2 cm left of the midline, 1/5 of the way down from "
                        "mouth height to C7", lambda g: [g.back(0.2, 6.7, ["head", "neck"])], 0.0),
    "face.nose-mouth": ("front midline vertices from the nose root down to the lower lip",
                        lambda g: g.midline(6.55, 7.2, +1, ["head"]), 0.0),
    "face.nose-side": ("front of the face 1.4 cm left of the midline at the nostril",
                       lambda g: [g.front(0.14, 7.0, ["head"])], 0.0),
    "face.cheek": ("front of the face under the eye, 4.5 cm left of the midline",
                   lambda g: [g.front(0.45, 7.02, ["head"])], 0.0),
    "face.upper-teeth": ("face 3.5 cm left of the midline at the upper lip's height",
                         lambda g: [g.front(0.35, 6.82, ["head"])], 0.0),
    "face.lower-teeth": ("face 3.3 cm left of the midline at the lower lip's height",
                         lambda g: [g.front(0.33, 6.6, ["head"])], 0.0),
    "face.tmj": ("head vertex 75 deg round from the front, 4 deg below the skull centre "
                 "(just in front of the ear)", lambda g: [g.head(75, -5)], 0.0),
    "face.jaw": ("head vertex 100 deg round, 38 deg below the skull centre (angle of the jaw)",
                 lambda g: [g.head(100, -38)], 0.0),
    "face.lower-jaw": ("head vertex 52 deg round, 48 deg below the skull centre (the jaw's body)",
                       lambda g: [g.head(52, -48)], 0.0),
    "face.chin": ("front midline vertices from the chin landmark up 2.5 cm",
                  lambda g: g.midline(6.2, 6.45, +1, ["head"]), 0.0),
    # --- neck and shoulder --------------------------------------------------------------------
    "neck.front": ("front midline of the neck from 3 cm above the jugular notch to 3 cm below "
                   "the chin", lambda g: g.midline(5.55, 5.95, +1, ["neck", "head"]), 0.0),
    "neck.side": ("side of the neck (90 deg round the trunk) at the neck joint's height +- 1 cm",
                  lambda g: [g.around(y, 90, parts=["neck"]) for y in (5.95, 6.15)], 0.0),
    "neck.back": ("back of the neck, 135 deg round, between C7 + 2 cm and C7 + 5 cm",
                  lambda g: [g.around(y, 140, parts=["neck"]) for y in (6.1, 6.35)], 0.0),
    "neck.base": ("top of the trunk 5.5 cm left of the midline, half-way between front and back",
                  lambda g: [g.around(5.6, 120, parts=["neck", "chest_upper"])], 0.0),
    "shoulder.top": ("highest vertex 11 cm from the midline (the trapezius ridge)",
                     lambda g: [g.pick(g.ids[g.left & (np.abs(g.v[:, 0] - 1.1) < 0.06)
                                              & (g.v[:, 2] < 0.4)], g.v[:, 1])], 0.0),
    "shoulder.acromion": ("the acromion landmark", lambda g: [g.lm["acromion.L"]], 0.0),
    "shoulder.front": ("upper arm, 12 % down from the shoulder joint, 15 deg to the front",
                       lambda g: [g.limb("upper_arm", 0.12, 10)], 0.0),
    "shoulder.outer": ("upper arm, 18 % down, straight out (deltoid)",
                       lambda g: [g.limb("upper_arm", 0.18, 90)], 0.0),
    "shoulder.back": ("upper arm, 12 % down, 165 deg round (back of the deltoid)",
                      lambda g: [g.limb("upper_arm", 0.12, 165)], 0.0),
    # --- upper limb ---------------------------------------------------------------------------
    "arm.front": ("upper arm, front line, 40-70 % down", lambda g: g.strip("upper_arm", .4, .7, 0, 3),
                  0.0),
    "arm.outer": ("upper arm, lateral line, 40-70 % down",
                  lambda g: g.strip("upper_arm", .4, .7, 90, 3), 0.0),
    "arm.back": ("upper arm, back line, 35-75 % down", lambda g: g.strip("upper_arm", .35, .75, 180, 3),
                 0.0),
    "arm.inner": ("upper arm, medial line, 35-70 % down",
                  lambda g: g.strip("upper_arm", .35, .7, -90, 3), 0.0),
    "elbow.front": ("forearm at the elbow joint, front (the crease)",
                    lambda g: [g.limb("forearm", 0.0, 0)], 0.0),
    "elbow.back": ("the olecranon landmark", lambda g: [g.lm["olecranon.L"]], 0.0),
    "elbow.outer": ("the lateral epicondyle landmark", lambda g: [g.lm["lateral_epicondyle.L"]], 0.0),
    "elbow.inner": ("the medial epicondyle landmark", lambda g: [g.lm["medial_epicondyle.L"]], 0.0),
    "forearm.thumb-side": ("forearm, 60 deg towards the thumb side, 25-75 % down",
                           lambda g: g.strip("forearm", .25, .75, 60, 3), 0.0),
    "forearm.little-finger-side": ("forearm, 60 deg towards the little-finger side, 25-75 % down",
                                   lambda g: g.strip("forearm", .25, .75, -60, 3), 0.0),
    "forearm.back": ("forearm, back line, 25-75 % down", lambda g: g.strip("forearm", .25, .75, 180, 3),
                     0.0),
    "wrist.front": ("forearm at 97 % down, front", lambda g: [g.limb("forearm", .97, 0)], 0.0),
    "wrist.back": ("the wrist landmark (back of the wrist)", lambda g: [g.lm["wrist.L"]], 0.0),
    "hand.palm": ("palm line of the hand, 35-50 % from wrist to fingertip",
                  lambda g: g.strip("hand", .35, .5, -15, 2), 0.0),
    "hand.back": ("back of the hand, 25-50 % from wrist to fingertip, 15 deg either side of its "
                  "middle line (over the metacarpals, so the web of the thumb stays at the web)",
                  lambda g: g.strip("hand", .25, .5, 165, 2) + g.strip("hand", .25, .5, -165, 2), 0.0),
    "hand.thenar": ("hand 20 % from the wrist, 45 deg towards the thumb on the palm side",
                    lambda g: [g.limb("hand", .2, 45)], 0.0),
    "hand.thumb-web": ("hand 30 % from the wrist, 110 deg round towards the back on the thumb side",
                       lambda g: [g.limb("hand", .3, 110)], -0.05),
    "hand.thumb": ("vertices weighted >= 75 % to the thumb's two distal bones (finger1-2, -3)",
                   lambda g: g.bone_core(["finger1-2", "finger1-3"]), 0.0),
    "hand.index": ("vertices weighted >= 75 % to the index finger's bones (finger2-*)",
                   lambda g: g.bone_core(["finger2-"]), 0.0),
    "hand.middle": ("vertices weighted >= 75 % to the middle finger's bones (finger3-*)",
                    lambda g: g.bone_core(["finger3-"]), 0.0),
    "hand.ring": ("vertices weighted >= 75 % to the ring finger's bones (finger4-*)",
                  lambda g: g.bone_core(["finger4-"]), 0.0),
    "hand.little": ("vertices weighted >= 75 % to the little finger's bones (finger5-*)",
                    lambda g: g.bone_core(["finger5-"]), 0.0),
    # --- chest and abdomen --------------------------------------------------------------------
    "chest.sternum-top": ("front midline from the jugular notch down 3 cm",
                          lambda g: g.midline(4.95, 5.25, +1), -0.1),
    "chest.sternum": ("front midline from 6 to 14 cm below the jugular notch (sternal body)",
                      lambda g: g.midline(3.8, 4.65, +1), 0.0),
    "chest.collarbone": ("front skin along the clavicle, 4-12 cm from the midline, at the "
                         "sternoclavicular joint's height",
                         lambda g: [g.front(x, 5.12 + 0.05 * x, ["chest_upper", "neck"])
                                    for x in (0.4, 0.8, 1.2)], 0.0),
    "chest.upper": ("front of the chest 8 cm left of the midline, 6 cm below the collarbone",
                    lambda g: [g.front(0.8, 4.7, ["chest_upper", "chest_lower"])], 0.1),
    "chest.nipple": ("the most forward vertex weighted mostly to the breast bone",
                     lambda g: [g.pick(g.bone_core(["breast"], 0.5), g.v[:, 2])], 0.0),
    "chest.lower": ("front of the chest 9 cm left of the midline, at the scapula tip's height",
                    lambda g: [g.front(0.9, 3.55, ["chest_lower", "abdomen_upper"])], 0.0),
    "chest.side": ("side of the trunk (90 deg round) from 5 to 12 cm below the armpit",
                   lambda g: [g.around(y, 90) for y in (4.1, 4.45)], 0.0),
    "flank": ("side of the trunk (95 deg round) at navel height and 7 cm higher",
              lambda g: [g.around(y, 95) for y in (2.2, 2.7)], 0.0),
    "abdomen.upper": ("front 5 cm left of the midline, 10-14 cm above the navel",
                      lambda g: [g.front(0.5, y) for y in (2.85, 3.25)], 0.0),
    "abdomen.navel": ("front 1.5 cm left of the midline at the navel's height",
                      lambda g: [g.front(0.15, 1.84)], 0.0),
    "abdomen.lower": ("front 5.5 cm left of the midline, 4 and 8 cm below the navel",
                      lambda g: [g.front(0.55, y) for y in (1.05, 1.45)], 0.0),
    "groin": ("front skin along the inguinal crease (ASIS to pubic tubercle)", _crease, -0.2),
    "pelvis.pubic": ("front midline from 3 to 8 cm above the crotch",
                     lambda g: g.midline(0.05, 0.45, +1, ["pelvis", "abdomen_lower"]), 0.0),
    "pelvis.perineum": ("the lowest midline vertices (between the legs)",
                        lambda g: g.midline(-0.6, -0.25, -1, ["pelvis"]) or [], 0.0),
    # --- back ---------------------------------------------------------------------------------
    "back.scapula-top": ("back skin 8 cm left of the midline, 2 cm below C7's height",
                         lambda g: [g.back(0.8, 5.55, ["chest_upper", "neck"])], 0.0),
    "back.interscapular": ("back skin 3.5 cm left of the midline, 6-12 cm below C7",
                           lambda g: [g.back(0.35, y) for y in (4.8, 5.3)], 0.0),
    "back.scapula": ("back skin 9 cm left of the midline, 12 cm below C7",
                     lambda g: [g.back(0.9, 4.6)], 0.0),
    "back.scapula-tip": ("the scapula's inferior angle landmark",
                         lambda g: [g.lm["scapula_inferior_angle.L"]], 0.0),
    "back.mid": ("back skin 5 cm left of the midline, from the scapula tip's height down 6 cm",
                 lambda g: [g.back(0.5, y) for y in (3.05, 3.55)], 0.0),
    "back.thoracolumbar": ("back skin 4 cm left of the midline, 1/3 of the way from the "
                           "mid-spine joint down to the navel's height",
                           lambda g: [g.back(0.4, 2.5)], 0.0),
    "back.low": ("back skin 5 cm left of the midline, 2-6 cm above the PSIS",
                 lambda g: [g.back(0.5, y) for y in (1.6, 2.0)], 0.0),
    "hip.iliac-crest": ("back-side skin at 130 deg round, 3 cm above the ASIS",
                        lambda g: [g.around(1.6, a) for a in (110, 135)], -0.15),
    "back.sacroiliac": ("the PSIS landmark", lambda g: [g.lm["psis.L"]], 0.0),
    "back.sacrum": ("back midline from 4 cm below to 2 cm above the PSIS",
                    lambda g: g.midline(0.95, 1.4, -1), 0.1),
    "back.coccyx": ("back midline 6-8 cm below the sacrum seeds (top of the buttock cleft)",
                    lambda g: g.midline(0.45, 0.7, -1), -0.15),
    "buttock.upper": ("back skin 9 cm left of the midline, 4 cm below the PSIS",
                      lambda g: [g.back(0.9, 1.0)], 0.0),
    "buttock.lower": ("back skin 8 cm left of the midline, half-way from hip joint to trochanter",
                      lambda g: [g.back(0.8, 0.2)], 0.0),
    "buttock.sit-bone": ("back skin 5 cm left of the midline, 8 cm below the hip joint's "
                         "height (above the gluteal fold)",
                         lambda g: [g.back(0.5, g.J["hip.L"][1] - 0.8, ["pelvis", "thigh.L"])],
                         0.0),
    "hip.outer": ("the greater trochanter landmark and the side of the hip 5 cm above it",
                  lambda g: [g.lm["greater_trochanter.L"],
                             g.around(float(g.P("greater_trochanter.L")[1]) + 0.5, 92,
                                      parts=["pelvis", "thigh.L"])], 0.1),
    # --- thigh and knee -----------------------------------------------------------------------
    "thigh.front": ("thigh front line, 15-55 % from hip to knee",
                    lambda g: g.strip("thigh", .15, .55, 5, 3), 0.0),
    "thigh.front-lower": ("thigh front line, 72-82 % from hip to knee",
                          lambda g: g.strip("thigh", .72, .82, 5, 2), 0.0),
    "thigh.inner": ("thigh, 70 deg medial, 30-75 % from hip to knee",
                    lambda g: g.strip("thigh", .3, .75, -70, 3), 0.0),
    "thigh.outer": ("thigh lateral line, 30-80 % from hip to knee",
                    lambda g: g.strip("thigh", .3, .8, 95, 3), 0.0),
    "thigh.back": ("thigh back line, 20-50 % from hip to knee",
                   lambda g: g.strip("thigh", .2, .5, 180, 2), 0.0),
    "thigh.back-lower": ("thigh back line, 65-78 % from hip to knee",
                         lambda g: g.strip("thigh", .65, .78, 180, 2), 0.0),
    "knee.kneecap": ("the kneecap landmark", lambda g: [g.lm["kneecap.L"]], 0.0),
    "knee.front": ("shin 7 % below the knee joint, front (the patellar tendon)",
                   lambda g: [g.limb("shin", .07, 0)], 0.0),
    "knee.inner": ("knee joint level, medial", lambda g: [g.limb("shin", .0, -95)], 0.0),
    "knee.outer": ("knee joint level, lateral", lambda g: [g.limb("shin", .0, 95)], 0.0),
    "knee.back": ("knee joint level, back (the hollow)", lambda g: [g.limb("shin", 0.0, 180)], 0.0),
    # --- lower leg and ankle ------------------------------------------------------------------
    "leg.shin": ("shin front line (15 deg lateral), 20-75 % from knee to ankle",
                 lambda g: g.strip("shin", .2, .75, 15, 3), 0.0),
    "leg.shin-inner": ("shin, 60 deg medial, 20-75 % from knee to ankle",
                       lambda g: g.strip("shin", .2, .75, -60, 3), 0.0),
    "leg.outer": ("shin lateral line, 20-75 % from knee to ankle",
                  lambda g: g.strip("shin", .2, .75, 85, 3), 0.0),
    "calf.upper": ("calf back line, 15-35 % from knee to ankle",
                   lambda g: g.strip("shin", .15, .35, 180, 2), 0.0),
    "calf.lower": ("calf back line, 50-68 % from knee to ankle",
                   lambda g: g.strip("shin", .5, .68, 180, 2), 0.0),
    "calf.inner": ("calf, 130 deg medial, 20-60 % from knee to ankle",
                   lambda g: g.strip("shin", .2, .6, -130, 3), 0.0),
    "calf.outer": ("calf, 135 deg lateral, 20-60 % from knee to ankle",
                   lambda g: g.strip("shin", .2, .6, 135, 3), 0.0),
    "ankle.front": ("shin 95 % down, front", lambda g: [g.limb("shin", .95, 0)], 0.0),
    "ankle.inner": ("the medial malleolus landmark", lambda g: [g.lm["medial_malleolus.L"]], 0.0),
    "ankle.outer": ("the lateral malleolus landmark", lambda g: [g.lm["lateral_malleolus.L"]], 0.0),
    "ankle.back": ("shin back line 82-92 % down (the Achilles tendon)",
                   lambda g: g.strip("shin", .82, .92, 180, 2), 0.0),
    # --- foot ---------------------------------------------------------------------------------
    "foot.heel": ("the heel landmark (most backward foot vertex)", lambda g: [g.lm["heel.L"]], 0.0),
    "foot.heel-inner": ("inner side of the heel, 12 % from heel to toe", lambda g: [g.foot(.12, -1, IN)],
                        0.0),
    "foot.sole-heel": ("lowest foot vertex 15 % from heel to toe",
                       lambda g: [g.foot(.15, 0, DOWN)], 0.0),
    "foot.instep": ("inner edge of the foot, 40 % from heel to toe (the arch)",
                    lambda g: [g.foot(.4, -1, IN)], 0.0),
    "foot.outer": ("outer edge of the foot, 45 % from heel to toe", lambda g: [g.foot(.45, 1, OUT)],
                   0.0),
    "foot.sole-outer": ("lowest vertex of the outer half, 50 % from heel to toe (at 45 % the "
                        "coarse mesh has no sole vertex in the outer half)",
                        lambda g: [g.foot(.5, .5, DOWN)], 0.0),
    "foot.top": ("highest foot vertex mid-width, 50 % from heel to toe",
                 lambda g: [g.foot(.5, 0, UP)], 0.0),
    "foot.ball": ("lowest vertex of the outer forefoot, 75 % from heel to toe",
                  lambda g: [g.foot(.75, .35, DOWN)], 0.0),
    "foot.ball-big-toe": ("lowest vertex of the inner forefoot, 75 % from heel to toe",
                          lambda g: [g.foot(.75, -.6, DOWN)], 0.0),
    "foot.big-toe": ("vertices weighted >= 75 % to the big toe's bones (toe1-*)",
                     lambda g: g.bone_core(["toe1-"]), 0.0),
    "foot.toes": ("vertices weighted >= 75 % to the small toes' bones (toe2- to toe5-)",
                  lambda g: g.bone_core(["toe2-", "toe3-", "toe4-", "toe5-"]), 0.0),
}


def seeds(geo, zone_ids, midline_ids, mirror):
    """zone -> sorted seed vertex ids (left side, or symmetric for midline zones)."""
    missing = sorted(set(zone_ids) - set(RULES))
    assert not missing, f"zones without a seed rule: {missing}"
    out = {}
    for zone in zone_ids:
        ids = sorted({int(i) for i in RULES[zone][1](geo)})
        assert ids, f"{zone}: seed rule matched no vertex"
        if zone in midline_ids:
            ids = sorted(set(ids) | {int(mirror[i]) for i in ids})
        out[zone] = ids
    return out
