"""Named anatomical landmarks, each a body vertex found by a written rule, and the relief lines
drawn from them.

Rules work on the posed figure (anatomical position: arms down, palms forward), so "front" is
+z, "up" is +y and the person's left is +x. Bilateral landmarks are found on the left (.L) and
mirrored to the right (.R) with hm08.mirror, so both sides are exactly symmetric. Where the
skin has no feature to find (the scapula's inferior angle, the iliac spines) the rule places
the point by proportions of the rig's joint centres and takes the nearest skin vertex on the
right side of the body; those rules say so in their text.
"""

import numpy as np

from pose import SEGMENTS


def _pick(cands, score):
    """The candidate with the highest score; ties go to the lowest vertex id."""
    cands = np.asarray(cands)
    assert len(cands), "a landmark rule matched no vertex"
    s = score[cands]
    best = s.max()
    return int(cands[np.flatnonzero(s >= best - 1e-9)].min())


def _axis_dirs(axis, toward):
    d = toward - (toward @ axis) * axis
    return d / np.linalg.norm(d)


def find(body, verts, seg, joints):
    v = verts
    x, y, z = v[:, 0], v[:, 1], v[:, 2]
    ids = np.arange(len(v))
    mid = body.mirror == ids
    segname = np.array(SEGMENTS)[seg]
    left = x > 1e-6

    def in_seg(*names):
        return np.isin(segname, [n for n in names])

    J = joints
    out = {}

    def near_surface(tx, ty, mask, direction):
        """The vertex of mask nearest the vertical line at (tx, ty) (within 0.12 dm),
        furthest along direction (+1 front, -1 back)."""
        d2 = (x - tx) ** 2 + (y - ty) ** 2
        cands = ids[mask & (d2 < 0.12 ** 2) & (direction * z > 0)]
        return _pick(cands, direction * z)

    # --- midline --------------------------------------------------------------------------
    out["head_top"] = (_pick(ids[mid], y), "highest midline vertex")
    mouth_y = body.cubes["joint-mouth"][1]
    out["chin"] = (_pick(ids[mid & in_seg("head") & (y < mouth_y) & (z > 0.5)], z - y),
                   "midline head vertex below the mouth, furthest down-and-forward (z - y)")
    yc = J["clavicle.L"][1]
    out["jugular_notch"] = (_pick(ids[mid & (z > J["neck"][2])], -np.abs(y - yc)),
                            "front midline vertex at the height of the sternoclavicular joints")
    out["c7"] = (_pick(ids[mid & (z < J["neck"][2])], -np.abs(y - J["neck"][1])),
                 "back midline vertex at the height of the neck joint (base of the neck)")
    band = mid & (z > 0.5) & (y > J["hip.L"][1]) & (y < J["spine-2"][1])
    cand = ids[band]
    depth = np.array([z[(band) & (np.abs(y - y[i]) < 0.3)].mean() - z[i] for i in cand])
    score = np.full(len(v), -np.inf)
    score[cand] = depth
    out["navel"] = (_pick(cand, score),
                    "front midline vertex between hip and mid-spine that sits deepest below "
                    "the mean of the front midline within 3 cm above and below")

    # --- left side, then mirrored ---------------------------------------------------------
    arm = in_seg("upper_arm.L", "forearm.L", "hand.L")
    S, E, W = J["shoulder.L"], J["elbow.L"], J["wrist.L"]
    near_s = np.linalg.norm(v - S, axis=1) < 1.0
    upout = np.array([0.5, 0.866, 0.0])
    out["acromion.L"] = (_pick(ids[left & near_s & in_seg("chest_upper", "upper_arm.L")],
                               v @ upout),
                         "within 10 cm of the shoulder joint, furthest up-and-out "
                         "(30 degrees from vertical)")
    ax = (W - E) / np.linalg.norm(W - E)
    near_e = (np.linalg.norm(v - E, axis=1) < 0.6) & arm & (np.abs((v - E) @ ax) < 0.25)
    out["olecranon.L"] = (_pick(ids[near_e], v @ _axis_dirs(ax, np.array([0, 0, -1.0]))),
                          "arm vertex within 2.5 cm of the elbow joint along the forearm, "
                          "furthest back (perpendicular to the forearm)")
    out["lateral_epicondyle.L"] = (
        _pick(ids[near_e], v @ _axis_dirs(ax, np.array([1.0, 0, 0]))),
        "as the olecranon, furthest out")
    out["medial_epicondyle.L"] = (
        _pick(ids[near_e], v @ _axis_dirs(ax, np.array([-1.0, 0, 0]))),
        "as the olecranon, furthest in")
    near_w = arm & (np.abs((v - W) @ ax) < 0.1) & (np.linalg.norm(v - W, axis=1) < 0.6)
    out["wrist.L"] = (_pick(ids[near_w], v @ _axis_dirs(ax, np.array([0, 0, -1.0]))),
                      "arm vertex within 1 cm of the wrist joint along the forearm, furthest "
                      "back: the middle of the back of the wrist")
    hip, knee, ankle = J["hip.L"], J["knee.L"], J["ankle.L"]
    legs = in_seg("pelvis", "abdomen_lower", "thigh.L")
    out["asis.L"] = (near_surface(hip[0] + 0.1, hip[1] + 0.7, left & legs, +1),
                     "proportional: front skin vertex 1 cm outside and 7 cm above the hip joint")
    out["psis.L"] = (near_surface(0.5, hip[1] + 0.8, left & legs, -1),
                     "proportional: back skin vertex 5 cm from the midline, 8 cm above the hip "
                     "joint")
    band = left & in_seg("pelvis", "thigh.L") & (y > hip[1] - 1.2) & (y < hip[1] + 0.2)
    out["greater_trochanter.L"] = (_pick(ids[band], x),
                                   "outermost thigh/pelvis vertex from 12 cm below to 2 cm "
                                   "above the hip joint")
    band = in_seg("thigh.L", "shin.L") & (np.abs(y - knee[1]) < 0.35)
    out["kneecap.L"] = (_pick(ids[band], z),
                        "most forward leg vertex within 3.5 cm of the knee joint's height")
    band = (in_seg("shin.L", "foot.L") & (np.abs(y - ankle[1]) < 0.15)
            & (np.abs(z - ankle[2]) < 0.3))
    out["lateral_malleolus.L"] = (_pick(ids[band], x),
                                  ("outermost leg vertex within 1.5 cm of the ankle joint's "
                                   "height and 3 cm of its depth"))
    out["medial_malleolus.L"] = (_pick(ids[band], -x),
                                 ("innermost leg vertex within 1.5 cm of the ankle joint's "
                                  "height and 3 cm of its depth"))
    out["heel.L"] = (_pick(ids[in_seg("foot.L")], -z), "most backward foot vertex")
    ys = S[1] - 0.34 * (S[1] - hip[1])
    out["scapula_inferior_angle.L"] = (
        near_surface(0.5 * S[0], ys, left & in_seg("chest_upper", "chest_lower"), -1),
        "proportional: back skin vertex at half the shoulder joint's distance from the "
        "midline, a third of the way down from shoulder joint to hip joint")

    for name in sorted(out):
        if name.endswith(".L"):
            vid, rule = out[name]
            out[name[:-2] + ".R"] = (int(body.mirror[vid]), "mirror of " + name)
    return out


def ellipse(cx, cy, rx, ry, n=16):
    t = np.linspace(0, 2 * np.pi, n, endpoint=False)
    return np.stack([cx + rx * np.cos(t), cy + ry * np.sin(t)], 1)


def bezier(a, c, b, n=10):
    t = np.linspace(0, 1, n)[:, None]
    return (1 - t) ** 2 * a + 2 * (1 - t) * t * c + t ** 2 * b


def relief(view, lm2d):
    """A few relief lines for one view from the landmarks' 2D positions (SVG units)."""
    P = {k: np.array(p) for k, p in lm2d.items()}
    lines = []
    if view == "front":
        for side in "LR":
            a = P[f"acromion.{side}"]
            n = P["jugular_notch"]
            s = np.sign(a[0] - n[0])
            start = n + [s * 3.0, -0.5]
            end = a + [-s * 4.0, 3.0]
            ctrl = (start + end) / 2 + [0, 2.5]
            lines.append({"name": f"collarbone.{side}", "points": bezier(start, ctrl, end)})
            k = P[f"kneecap.{side}"]
            lines.append({"name": f"kneecap.{side}", "closed": True,
                          "points": ellipse(k[0], k[1] - 1.0, 5.0, 6.0)})
        nv = P["navel"]
        lines.append({"name": "navel", "closed": True, "points": ellipse(nv[0], nv[1], 1.2, 1.6, 10)})
    elif view == "back":
        c7 = P["c7"]
        bottom = (P["psis.L"][1] + P["psis.R"][1]) / 2 + 6.0
        lines.append({"name": "spine", "points": np.array([[c7[0], c7[1]], [c7[0], bottom]])})
        for side in "LR":
            ia, a = P[f"scapula_inferior_angle.{side}"], P[f"acromion.{side}"]
            s = np.sign(a[0] - c7[0])
            dx_i, dx_a = abs(ia[0] - c7[0]), abs(a[0] - c7[0])
            h = ia[1] - a[1]
            medial = c7[0] + s * 0.8 * dx_i
            sup = np.array([medial, a[1] + 0.08 * h])
            mb = np.array([medial - s * 0.8, a[1] + 0.55 * h])
            lat = np.array([ia[0] + s * 0.45 * (dx_a - dx_i), a[1] + 0.5 * h])
            axilla = np.array([a[0] - s * 7.0, a[1] + 0.35 * h])
            border = np.concatenate([bezier(sup, mb, ia, 8)[:-1], bezier(ia, lat, axilla, 7)])
            lines.append({"name": f"shoulder_blade.{side}", "points": border})
            spine_start = np.array([medial, a[1] + 0.3 * h])
            lines.append({"name": f"scapular_spine.{side}",
                          "points": bezier(spine_start, (spine_start + a) / 2 + [0, 1.0],
                                           a + [-s * 2.0, 1.5], 6)})
    for line in lines:
        line["points"] = np.round(np.asarray(line["points"]), 1).tolist()
        line.setdefault("closed", False)
    return sorted(lines, key=lambda l: l["name"])
