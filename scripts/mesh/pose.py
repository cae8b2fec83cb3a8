"""Segments of the skin and the figure's pose.

The source mesh stands in an A-pose (arms ~50 degrees below horizontal, elbows bent ~45
degrees, palms turned down). The atlas draws the anatomical position: arms hanging at the
side, a little out and forward, elbows nearly straight, palms forward. We get there by
linear-blend skinning with the rig's own weights: one rotation about the shoulder joint for the
whole arm, one about the elbow joint for the forearm and hand, and a twist of the forearm and
hand about the forearm axis (supination). Joint centres are the mesh's own joint cubes.
"""

import re

import numpy as np

# Strongest bone -> segment. Limb segments get a side suffix (.L = the person's left, +x).
TRUNK = {
    "spine05": "pelvis", "pelvis": "pelvis", "root": "pelvis",
    "spine04": "abdomen_lower", "spine03": "abdomen_upper",
    "spine02": "chest_lower", "breast": "chest_lower",
    "spine01": "chest_upper", "clavicle": "chest_upper", "shoulder01": "chest_upper",
    "neck01": "neck", "neck02": "neck", "neck03": "neck",
}
LIMB = {
    "upperarm": "upper_arm", "lowerarm": "forearm", "wrist": "hand", "metacarpal": "hand",
    "finger": "hand", "upperleg": "thigh", "lowerleg": "shin", "foot": "foot", "toe": "foot",
}
SEGMENTS = ["head", "neck", "chest_upper", "chest_lower", "abdomen_upper", "abdomen_lower",
            "pelvis"] + [f"{s}.{side}" for s in
                         ["upper_arm", "forearm", "hand", "thigh", "shin", "foot"]
                         for side in "LR"]


def bone_segment(bone):
    base, _, side = bone.partition(".")
    stem = re.match(r"[a-z]*", base).group(0)
    if base in TRUNK:
        return TRUNK[base]
    if stem in LIMB:
        return f"{LIMB[stem]}.{side}"
    return "head"  # head, jaw, eyes, tongue and the facial expression bones


def segments(body):
    """Per-vertex segment index into SEGMENTS (strongest bone wins; ties go to the lower
    bone index, which is stable because bones are sorted)."""
    seg_of_bone = np.array([SEGMENTS.index(bone_segment(b)) for b in body.bones])
    return seg_of_bone[body.weights.argmax(1)]


def descendants(body, root):
    out, frontier = {root}, [root]
    while frontier:
        p = frontier.pop()
        kids = sorted(b for b, q in body.parents.items() if q == p)
        out.update(kids)
        frontier.extend(kids)
    return out


def rotation(axis, angle):
    axis = np.asarray(axis, float) / np.linalg.norm(axis)
    x, y, z = axis
    c, s, t = np.cos(angle), np.sin(angle), 1 - np.cos(angle)
    return np.array([[t * x * x + c, t * x * y - s * z, t * x * z + s * y],
                     [t * x * y + s * z, t * y * y + c, t * y * z - s * x],
                     [t * x * z - s * y, t * y * z + s * x, t * z * z + c]])


def align(a, b):
    """The smallest rotation taking direction a to direction b."""
    a, b = a / np.linalg.norm(a), b / np.linalg.norm(b)
    axis = np.cross(a, b)
    if np.linalg.norm(axis) < 1e-12:
        return np.eye(3)
    return rotation(axis, np.arccos(np.clip(a @ b, -1, 1)))


def unit(v):
    return v / np.linalg.norm(v)


def about(R, centre):
    """The affine map rotating by R about centre, as (R, t) with x -> R x + t."""
    return R, centre - R @ centre


def then(a, b):
    """Compose: first b, then a."""
    return a[0] @ b[0], a[0] @ b[1] + a[1]


def apply(a, v):
    return v @ a[0].T + a[1]


def arm_pose(body, side, abduction, flexion, elbow_flex, supination, wrist_flex):
    """Posed positions for one arm's skin (other vertices unchanged) and the posed joints.

    abduction: degrees out from the trunk in the frontal plane; flexion: degrees forward;
    elbow_flex: degrees left bent at the elbow; supination: degrees the forearm and hand turn
    about the forearm axis (outwards, so the palm comes to face forward); wrist_flex: degrees
    left between the forearm and the hand (the source hand is cocked back ~40 degrees)."""
    sx = 1 if side == "L" else -1
    c, lo = body.cubes, side.lower()
    S, E, H, K = (c[f"joint-{lo}-{n}"] for n in ["shoulder", "elbow", "hand", "hand-3"])
    idx = {b: j for j, b in enumerate(body.bones)}
    w = body.weights

    def weight(bones):
        return w[:, [idx[b] for b in sorted(bones)]].sum(1)

    w_arm = weight(descendants(body, f"upperarm01.{side}"))
    w_hand = weight(descendants(body, f"wrist.{side}"))
    w_fore1 = weight({f"lowerarm01.{side}"})
    w_fore2 = weight({f"lowerarm02.{side}"})
    w_upper = w_arm - w_hand - w_fore1 - w_fore2

    # wrist: bring the hand in line with the forearm, keeping wrist_flex degrees
    u, f, h = unit(E - S), unit(H - E), unit(K - H)
    ang = lambda a, b: np.degrees(np.arccos(np.clip(a @ b, -1, 1)))
    Rw = about(rotation(np.cross(h, f), np.radians(ang(h, f) - wrist_flex)), H)
    # elbow: straighten the forearm towards the upper arm's line, keeping elbow_flex degrees
    Re = rotation(np.cross(f, u), np.radians(ang(f, u) - elbow_flex))
    # supination about the forearm axis; positive turns the thumb outwards
    Rt = rotation(f, np.radians(-sx * supination))
    # shoulder: swing the upper arm to hang down, out and forward
    a, b = np.radians(abduction), np.radians(flexion)
    target = unit(np.array([sx * np.sin(a), -np.cos(a) * np.cos(b), np.sin(b)]))
    A_up = about(align(u, target), S)
    A_twist = then(A_up, about(Re @ Rt, E))
    A_half = then(A_up, about(Re @ rotation(f, np.radians(-sx * supination / 2)), E))
    A_hand = then(A_twist, Rw)

    v = body.verts
    out = (v * (1 - w_arm)[:, None] + apply(A_up, v) * w_upper[:, None]
           + apply(A_half, v) * w_fore1[:, None] + apply(A_twist, v) * w_fore2[:, None]
           + apply(A_hand, v) * w_hand[:, None])
    joints = {"shoulder": S, "elbow": apply(A_up, E), "wrist": apply(A_twist, H)}
    return out, w_arm > 0, joints


def figure_pose(body, abduction=9.0, flexion=10.0, elbow_flex=8.0, supination=80.0,
                wrist_flex=5.0):
    """The whole body in the atlas pose, plus joint centres in that pose (name.L / name.R)."""
    verts = body.verts.copy()
    joints = {}
    for side in "LR":
        posed, moved, j = arm_pose(body, side, abduction, flexion, elbow_flex, supination,
                                    wrist_flex)
        verts[moved] = posed[moved]
        joints.update({f"{k}.{side}": p for k, p in j.items()})
    for name in ["upper-leg", "knee", "ankle", "clavicle", "scapula"]:
        for side in "LR":
            key = {"upper-leg": "hip"}.get(name, name)
            joints[f"{key}.{side}"] = body.cubes[f"joint-{side.lower()}-{name}"]
    for name in ["neck", "head", "pelvis", "spine-1", "spine-2", "spine-3", "spine-4", "ground"]:
        joints[name] = body.cubes[f"joint-{name}"]
    return verts, joints
