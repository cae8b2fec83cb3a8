"""Preview PNGs of the app-format views (data/figure/*.toml) with the muscles' outlines and
trigger point marks (data/muscles/*.toml, and on other views data/figure/marks.toml), for review
by eye: docs/mesh/app-*.png.

Why: after the figure is regenerated and the muscle drawings are warped onto it, the only way to
see whether an outline sits on the right anatomy is to look. Drawn the way the app places
shapes: bilateral outlines on the right half and mirrored, the silhouette as the Catmull-Rom
spline the app draws, zones clipped to it with thin borders. Not used by the app.
Run alone: .venv/bin/python scripts/mesh/apprender.py [muscle-id ...]  (highlights them)
With APPRENDER_OUT=DIR set, the pictures go to DIR instead (for reviewing one region at a time).
"""

import os
import pathlib
import sys
import tomllib

import numpy as np

from appcheck import instances, silhouettes
from appcover import catmull_rom
import marks as marks_on_views
from render import png, svg_doc
from source import ROOT
from zonerender import colour

DOCS = pathlib.Path(os.environ["APPRENDER_OUT"]) if os.environ.get("APPRENDER_OUT") else ROOT / "docs" / "mesh"
MID = 100.0


def d(points, closed=True):
    return "M" + " L".join(f"{x:.2f},{y:.2f}" for x, y in points) + (" Z" if closed else "")


def muscles():
    out = []
    for p in sorted((ROOT / "data" / "muscles").glob("*.toml")):
        out.append(tomllib.loads(p.read_text()))
    return out


def marks(m, view):
    derived = marks_on_views.load()
    for tp in m.get("trigger_points", []):
        for mk in [tp["mark"]] + derived.get(f"{m['id']}/{tp['id']}", []):
            if mk["view"] == view:
                yield mk["x"], mk["y"]


def mirror(pts):
    return [(2 * MID - x, y) for x, y in pts]


def view_svg(view, v, ms, highlight=()):
    sil = [catmull_rom(s) for s in silhouettes(v)]
    body = " ".join(d(s) for s in sil)
    parts = ['<defs><clipPath id="b"><path d="' + body + '" clip-rule="evenodd"/></clipPath></defs>',
             f'<path d="{body}" fill="#f3dfc6"/>', '<g clip-path="url(#b)">']
    for zone, side, p in instances(v):
        s = {"M": "midline", "R": "right", "L": "left"}[side]
        parts.append(f'<path d="{d(p)}" fill="{colour(zone, s)}" fill-opacity="0.35" '
                     'stroke="#555" stroke-width="0.15"/>')
    parts.append("</g>")
    parts.append(f'<path d="{body}" fill="none" stroke="#3b2f2a" stroke-width="0.6"/>')
    for det in v.get("details", []):
        for pts in [det["points"]] + ([] if det.get("midline") else [mirror(det["points"])]):
            parts.append(f'<path d="{d(pts, det.get("closed", False))}" fill="none" '
                         'stroke="#9a7b66" stroke-width="0.5"/>')
    for m in ms:
        hot = m["id"] in highlight
        if highlight and not hot:
            style = 'fill="none" stroke="#c03030" stroke-opacity="0.12" stroke-width="0.3"'
        elif hot:
            style = 'fill="#d02020" fill-opacity="0.35" stroke="#a00000" stroke-width="0.6"'
        else:
            style = 'fill="none" stroke="#c03030" stroke-opacity="0.45" stroke-width="0.3"'
        for sh in m.get("shapes", []):
            if sh["view"] == view:
                for pts in (sh["points"], mirror(sh["points"])):
                    parts.append(f'<path d="{d(pts)}" {style}/>')
        if highlight and not hot:
            continue
        for x, y in marks(m, view):
            r = 1.4 if hot else 0.9
            parts.append(f'<path d="M{x - r},{y - r} L{x + r},{y + r} M{x - r},{y + r} L{x + r},{y - r}" '
                         f'stroke="#1030a0" stroke-width="{0.5 if hot else 0.3}"/>')
    return svg_doc("".join(parts), v["width"], v["height"])


CLOSEUP_HIGHLIGHTS = {"head": ("masseter", "temporalis", "sternocleidomastoid", "splenius-capitis"),
                      "sole": ("abductor-hallucis", "quadratus-plantae", "abductor-digiti-minimi-foot"),
                      "palm": ("opponens-pollicis", "abductor-digiti-minimi-hand"),
                      "hand-back": ("hand-interossei",)}


def write(highlights=(("upper-trapezius", "infraspinatus", "gluteus-minimus", "soleus"),)):
    ms = muscles()
    DOCS.mkdir(parents=True, exist_ok=True)
    for view in CLOSEUP_HIGHLIGHTS:
        v = tomllib.loads((ROOT / "data" / "figure" / f"{view}.toml").read_text())
        png(view_svg(view, v, ms), DOCS / f"app-{view}.png")
        png(view_svg(view, v, ms, set(CLOSEUP_HIGHLIGHTS[view])), DOCS / f"app-{view}-muscles.png")
    for view in ["front", "back", "side"]:
        v = tomllib.loads((ROOT / "data" / "figure" / f"{view}.toml").read_text())
        png(view_svg(view, v, ms), DOCS / f"app-{view}.png")
        for i, hl in enumerate(highlights):
            png(view_svg(view, v, ms, set(hl)), DOCS / f"app-{view}-muscles{'' if i == 0 else i}.png")


if __name__ == "__main__":
    write((tuple(sys.argv[1:]),) if len(sys.argv) > 1 else
          (("upper-trapezius", "infraspinatus", "gluteus-minimus", "soleus"),))
