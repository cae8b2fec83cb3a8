"""Vocabulary for the zone seed rules in zones.py: named places on the posed body surface.

Why: seeds should be placed by readable rules ("the most lateral thigh vertices from 20 % to
80 % of the way from hip to knee") rather than by raw vertex ids, so that they survive a change
of mesh or pose and can be reviewed by a clinician. Every helper returns vertex ids on the
person's LEFT side (x >= 0) or on the midline; zones.py mirrors them to the right.

Frames (posed figure, decimetres): y up, +z front, +x the person's left. Limb helpers use
cylinder coordinates about a joint-to-joint axis: t = fraction of the way along it, azimuth
theta in degrees with 0 = front, 90 = lateral (away from the midline), 180 = back, -90 = medial.
"""

import numpy as np

from pose import SEGMENTS

TRUNK = ["neck", "chest_upper", "chest_lower", "abdomen_upper", "abdomen_lower", "pelvis"]
LIMBS = {  # part -> (start joint, end joint or point, segments searched)
    "upper_arm": ("shoulder.L", "elbow.L", ["upper_arm.L", "chest_upper", "forearm.L"]),
    "forearm": ("elbow.L", "wrist.L", ["forearm.L", "upper_arm.L", "hand.L"]),
    "hand": ("wrist.L", "hand_tip.L", ["hand.L", "forearm.L"]),
    "thigh": ("hip.L", "knee.L", ["thigh.L", "pelvis", "abdomen_lower", "shin.L"]),
    "shin": ("knee.L", "ankle.L", ["shin.L", "thigh.L", "foot.L"]),
}


class Geo:
    def __init__(self, verts, seg, bones, weights, joints, landmarks):
        self.v = verts
        self.segname = np.array(SEGMENTS)[seg]
        self.bones, self.w = bones, weights
        self.J = dict(joints)
        self.lm = {k: v for k, (v, _) in landmarks.items()}
        self.ids = np.arange(len(verts))
        self.left = verts[:, 0] >= -1e-9
        hand = self.seg("hand.L")
        far = np.linalg.norm(verts - self.J["wrist.L"], axis=1) * hand
        self.J["hand_tip.L"] = verts[int(np.argmax(far))]

    # --- basic sets -------------------------------------------------------------------------
    def seg(self, *names):
        return np.isin(self.segname, names) & self.left

    def P(self, name):
        """A landmark's or joint's 3D position."""
        return self.v[self.lm[name]] if name in self.lm else np.asarray(self.J[name])

    def lerp(self, a, b, t):
        return (1 - t) * self.P(a) + t * self.P(b)

    def bone_core(self, prefixes, share=0.75):
        """Left vertices whose skin weight on bones starting with any prefix is >= share."""
        cols = [j for j, b in enumerate(self.bones)
                if b.endswith(".L") and b.startswith(tuple(prefixes))]
        return self.ids[(self.w[:, cols].sum(1) >= share) & self.left].tolist()

    @staticmethod
    def pick(cands, score):
        """Highest score; ties to the lowest id."""
        cands = np.asarray(cands)
        assert len(cands), "a seed rule matched no vertex"
        s = score[cands] if len(score) != len(cands) else score
        return int(cands[np.flatnonzero(s >= s.max() - 1e-9)].min())

    # --- trunk, head and neck -------------------------------------------------------------
    def surface(self, x, y, direction, parts=None, radius=0.3):
        """The skin vertex over the point (x, y) seen from the front (direction +1) or back
        (-1): among vertices within radius of the line through (x, y) along z, the one furthest
        towards the viewer, less twice its distance from the line."""
        v = self.v
        mask = self.left if parts is None else self.seg(*parts)
        for r in (radius, 2 * radius, 4 * radius):
            dist = np.hypot(v[:, 0] - x, v[:, 1] - y)
            near = mask & (dist < r)
            if near.any():
                return self.pick(self.ids[near], direction * v[:, 2] - 2 * dist)
        raise AssertionError(f"no surface at x={x:.2f} y={y:.2f}")

    def front(self, x, y, parts=None):
        return self.surface(x, y, +1, parts)

    def back(self, x, y, parts=None):
        return self.surface(x, y, -1, parts)

    def around(self, y, theta, centre_z=None, parts=TRUNK, tol=0.06):
        """At height y, the vertex at azimuth theta about a vertical axis through the body's
        middle (0 front, 90 the person's left, 180 back), outermost on ties."""
        v = self.v
        band = self.seg(*parts) & (np.abs(v[:, 1] - y) < tol)
        if not band.any():
            band = self.seg(*parts) & (np.abs(v[:, 1] - y) < 3 * tol)
        zc = (v[band, 2].max() + v[band, 2].min()) / 2 if centre_z is None else centre_z
        ang = np.degrees(np.arctan2(v[:, 0], v[:, 2] - zc))
        r = np.hypot(v[:, 0], v[:, 2] - zc)
        score = -np.abs(ang - theta) * r * np.pi / 180 + 0.3 * r
        return self.pick(self.ids[band], score)

    def head(self, theta, elevation, centre=(0.0, 7.35, 0.6)):
        """Head or neck vertex in the direction (theta about the vertical, elevation above
        the horizontal) from a point in the middle of the skull."""
        c = np.asarray(centre)
        t, e = np.radians(theta), np.radians(elevation)
        d = np.array([np.sin(t) * np.cos(e), np.sin(e), np.cos(t) * np.cos(e)])
        rel = self.v - c
        r = np.linalg.norm(rel, axis=1)
        cosang = rel @ d / np.maximum(r, 1e-9)
        mask = self.seg("head", "neck")
        return self.pick(self.ids[mask], cosang + 0.02 * r)

    def midline(self, y0, y1, side, parts=None):
        """Midline vertices from height y0 to y1 on the front (side=+1) or back (-1) half of
        the body's depth there (0: both)."""
        v = self.v
        mid = np.abs(v[:, 0]) < 1e-9
        band = mid & (v[:, 1] >= min(y0, y1)) & (v[:, 1] <= max(y0, y1))
        if parts is not None:
            band &= self.seg(*parts)
        out = []
        for i in self.ids[band]:
            row = (np.abs(v[:, 0]) < 0.5) & (np.abs(v[:, 1] - v[i, 1]) < 0.1)
            zc = (v[row, 2].max() + v[row, 2].min()) / 2
            if side == 0 or side * (v[i, 2] - zc) > 0:
                out.append(int(i))
        return out

    # --- limbs ------------------------------------------------------------------------------
    def frame(self, part):
        a, b, parts = LIMBS[part]
        A, B = self.P(a), self.P(b)
        axis = (B - A) / np.linalg.norm(B - A)
        f = np.array([0, 0, 1.0]) - axis[2] * axis
        f /= np.linalg.norm(f)
        lat = np.cross(axis, f)
        if lat[0] < 0:
            lat = -lat
        return A, axis, np.linalg.norm(B - A), f, lat, self.seg(*parts)

    def limb(self, part, t, theta, tol=0.08):
        """The vertex of a limb at fraction t along its axis and azimuth theta: within tol of
        that station on the part's own segment (its neighbours only if that is empty), the
        least angular error, ties to the outermost."""
        A, axis, length, f, lat, mask = self.frame(part)
        own = self.seg(LIMBS[part][2][0])
        rel = self.v - A
        s = rel @ axis
        radial = rel - s[:, None] * axis
        r = np.linalg.norm(radial, axis=1)
        ang = np.degrees(np.arctan2(radial @ lat, radial @ f))
        for width in (tol, 2 * tol, 3 * tol):
            band = own & (np.abs(s - t * length) < width)
            if band.sum() >= 24:
                break
        else:
            band = mask & (np.abs(s - t * length) < 3 * tol)
        rmed = np.median(r[band])
        dang = np.abs((ang - theta + 180) % 360 - 180)
        score = -np.radians(dang) * rmed - 0.5 * np.abs(s - t * length) + 0.1 * (r - rmed)
        return self.pick(self.ids[band], score)

    def strip(self, part, t0, t1, theta, n=4):
        return sorted({self.limb(part, t, theta) for t in np.linspace(t0, t1, n)})

    # --- hand and foot --------------------------------------------------------------------
    def foot(self, u, w, direction):
        """Foot vertex at fraction u from heel to toe tip and w across the foot (-1 inner edge,
        +1 outer edge), furthest along direction (a 3-vector, e.g. down = (0,-1,0))."""
        v, mask = self.v, self.seg("foot.L")
        z0, z1 = v[mask, 2].min(), v[mask, 2].max()
        z = z0 + u * (z1 - z0)
        row = mask & (np.abs(v[:, 2] - z) < 0.06)
        x0, x1 = v[row, 0].min(), v[row, 0].max()
        x = (x0 + x1) / 2 + w * (x1 - x0) / 2
        near = row & (np.abs(v[:, 0] - x) < max(0.06, 0.2 * (x1 - x0)))
        return self.pick(self.ids[near], v @ np.asarray(direction, float))

    def ball(self, centre, radius, mask=None):
        """All left vertices within radius of a 3D point."""
        m = self.left if mask is None else mask
        d = np.linalg.norm(self.v - np.asarray(centre), axis=1)
        return self.ids[m & (d < radius)].tolist()
