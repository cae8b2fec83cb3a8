"""Review PNGs of the derived muscle outlines (data/figure/outlines.toml) beside the hand-kept
ones (data/muscles/*.toml), with the trigger point marks: docs/mesh/outlines/<muscle>.png, one
column pair per view (left: hand-kept, right: derived), cropped round the muscle. Not used by
the app. Written by generate.py (with its PNGs); alone, from the cameras' view of the mesh that
`OUTLINES_DEV=/tmp/outl_dev.npz .venv/bin/python scripts/mesh/generate.py` caches:
OUTLINES_DEV=/tmp/outl_dev.npz .venv/bin/python scripts/mesh/outlinereview.py [muscle-id ...]
"""

import copy
import io
import re
import sys
import tomllib

import cairosvg
from PIL import Image, ImageDraw

import apprender
import outlines
from source import ROOT

OUTDIR = ROOT / "docs" / "mesh" / "outlines"
VIEWS = ["front", "back", "side", "head", "sole", "palm", "hand-back"]
# Every muscle whose outline is derived (outlines.DERIVED, now all of them): its drawn
# `[[shapes]]` beside what the body surface gives.
MUSCLES = sorted(outlines.DERIVED)
H = 420  # pixel height of each panel
MAX_BYTES = 60_000  # a review PNG with more is written with fewer colours (palette_png)
# colours kept exact in a reduced palette: marks, outline stroke, body outline, label, background
KEEP = [(0x10, 0x30, 0xa0), (0xa0, 0x00, 0x00), (0x3b, 0x2f, 0x2a), (0, 0, 0), (255, 255, 255)]


def crop_svg(svg, box):
    x0, y0, x1, y1 = box
    return re.sub(r'viewBox="[^"]*" width="[^"]*" height="[^"]*"',
                  f'viewBox="{x0:g} {y0:g} {x1 - x0:g} {y1 - y0:g}" width="{x1 - x0:g}" height="{y1 - y0:g}"',
                  svg, count=1)


def panel(view, v, ms, mid, box, label):
    svg = crop_svg(apprender.view_svg(view, v, ms, {mid}), box)
    w = int(round(H * (box[2] - box[0]) / (box[3] - box[1])))
    img = Image.open(io.BytesIO(cairosvg.svg2png(bytestring=svg.encode(), output_width=w,
                                                 output_height=H))).convert("RGB")
    ImageDraw.Draw(img).text((4, 4), label, fill=(0, 0, 0))
    return img


def palette_png(img):
    """The picture as a palette PNG of about MAX_BYTES at most where it can be (modest committed
    bytes): 256 colours, else 128 or 64 keeping the marks', outlines' and labels' own colours
    exact (a small palette would otherwise merge a mark's few blue pixels into grey)."""
    for colours in (256, 128, 64):
        q = img.quantize(colours)
        if colours < 256:
            pal = q.getpalette()[: 3 * (colours - len(KEEP))] + [c for rgb in KEEP for c in rgb]
            p = Image.new("P", (1, 1))
            p.putpalette(pal)
            q = img.quantize(palette=p, dither=Image.Dither.NONE)
        buf = io.BytesIO()
        q.save(buf, "PNG", optimize=True)
        data = buf.getvalue()
        if len(data) <= MAX_BYTES:
            break
    return data


def write(derived, ids=MUSCLES):
    """derived: outlines.build's muscle-id -> [(view, points), ...] (every piece, wired or not)."""
    OUTDIR.mkdir(parents=True, exist_ok=True)
    old = apprender.muscles()
    new = copy.deepcopy(old)
    for m in new:
        # only the derived pieces: a view without one shows none (not the hand-kept one)
        m["shapes"] = [{"view": v, "points": pts} for v, pts in derived.get(m["id"], [])]
    by_id_old = {m["id"]: m for m in old}
    by_id_new = {m["id"]: m for m in new}
    paths = []
    for mid in ids:
        panels = []
        for view in VIEWS:
            pts = [p for m in (by_id_old[mid], by_id_new[mid]) for s in m.get("shapes", [])
                   if s["view"] == view for p in s["points"]]
            if not pts:
                continue
            v = tomllib.loads((ROOT / "data" / "figure" / f"{view}.toml").read_text())
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]
            span = max(max(xs) - min(xs), max(ys) - min(ys))
            pad = max(15.0, 0.5 * span)
            cy = (min(ys) + max(ys)) / 2
            half = (max(ys) - min(ys)) / 2 + pad
            box = (max(min(xs) - pad, 0), max(cy - half, 0), min(max(xs) + pad, v["width"]),
                   min(cy + half, v["height"]))
            panels.append(panel(view, v, old, mid, box, f"{view}: hand-kept"))
            has = any(s["view"] == view for s in by_id_new[mid]["shapes"])
            panels.append(panel(view, v, new, mid, box, f"{view}: derived" + ("" if has else " (none)")))
        w = sum(p.width for p in panels) + 6 * len(panels)
        out = Image.new("RGB", (w, H), "white")
        x = 0
        for i, p in enumerate(panels):
            out.paste(p, (x, 0))
            x += p.width + (12 if i % 2 else 3)
        path = OUTDIR / f"{mid}.png"
        path.write_bytes(palette_png(out))
        paths.append(path)
    return paths


def cached_cameras(path):
    """(cams, V, tris) from the cache generate.py writes with OUTLINES_DEV set."""
    import numpy as np
    import marks
    from scipy.spatial import cKDTree
    d = np.load(path)
    tree = cKDTree(d["V"])
    cams = {}
    for v in [str(x) for x in d["views"]]:
        P, K, T = d[f"P_{v}"], d[f"K_{v}"], d[f"T_{v}"]

        def keep(p, K=K, T=T, C=(d[f"C_{v}"] if f"C_{v}" in d.files else None),
                 hand=v in ("palm", "hand-back")):
            # the mesh's vertices: as cached; other points (per pixel, outlines.Buffer.keep_px):
            # the cut plane (through the cut line and the line of sight), on the arm for the
            # hand views, else the nearest vertex's
            if len(p) == len(K) and np.array_equal(p, d["V"]):
                return K
            near = tree.query(p)[1]
            if C is None:
                return K[near]
            n = np.cross(C[1] - C[0], T)
            side = np.sign(np.median((d["V"][K] - C[0]) @ n))
            out = side * ((p - C[0]) @ n) > 0
            return out & d["A"][near] if hand else out
        cams[v] = marks.Cam(lambda p, P=P: P, tuple(T), keep,
                            "left" if v == "front" else "right")
    return cams, d["V"], d["tris"]


if __name__ == "__main__":
    import os
    cams, V, tris = cached_cameras(os.environ["OUTLINES_DEV"])
    ids = sys.argv[1:] or MUSCLES
    derived, _ = outlines.build(cams, V, tris, ids=set(ids))
    for p in write(derived, ids):
        print(p)
