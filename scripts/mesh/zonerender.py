"""Preview PNGs of the zone map (docs/mesh/zones-*.png), for review by eye. Not used by the app.

Each zone a distinct colour with a thin dark border and its id as a tiny label; one more
picture draws a few referral patterns as the union of their zones, in red, on the three views.
"""

import colorsys
import hashlib

import numpy as np
import shapely

import render
from views import WIDTH, HEIGHT

# pattern name -> (side, zones); drawn on the person's right side
PATTERNS = {
    "upper trapezius (essential)": ("right", ["neck.side", "head.mastoid", "head.temple",
                                              "neck.upper-back"]),
    "infraspinatus": ("right", ["shoulder.front", "arm.front"]),
}


def colour(zone, side):
    h = int(hashlib.sha256(zone.encode()).hexdigest()[:8], 16)
    hue = (h % 360) / 360.0
    light = 0.62 + 0.12 * ((h >> 9) % 3) / 2 - (0.06 if side == "right" else 0.0)
    r, g, b = colorsys.hls_to_rgb(hue, light, 0.55 + 0.2 * ((h >> 13) % 2))
    return f"rgb({int(r * 255)},{int(g * 255)},{int(b * 255)})"


def ring_path(rings):
    return " ".join(render.path(r, True) for r in rings)


def zones_svg(view, shapes, outlines, labels=True):
    parts = []
    for s in shapes:
        parts.append(f'<path d="{ring_path(s["rings"])}" fill="{colour(s["zone"], s["side"])}" '
                     f'fill-rule="evenodd" stroke="#2b2320" stroke-width="0.25" '
                     f'stroke-linejoin="round"/>')
    parts.append(f'<path d="{ring_path(outlines)}" fill="none" stroke="#1a1410" '
                 f'stroke-width="0.6" stroke-linejoin="round"/>')
    if labels:
        for s in shapes:
            g = shapely.union_all([shapely.make_valid(shapely.Polygon(r)) for r in s["rings"]])
            big = max(shapely.get_parts(g), key=lambda p: p.area)
            if big.area < 2.0:
                continue
            p = big.buffer(-0.6).representative_point() if not big.buffer(-0.6).is_empty \
                else big.representative_point()
            name = s["zone"].split(".")[-1] if "." in s["zone"] else s["zone"]
            size = 1.5 if big.area > 30 else 1.1
            parts.append(f'<text x="{p.x:.1f}" y="{p.y + 0.4:.1f}" font-size="{size}" '
                         f'text-anchor="middle" font-family="sans-serif" fill="#111">'
                         f'{s["zone"] if big.area > 60 else name}</text>')
    return render.svg_doc("".join(parts))


def pattern_svg(views_data, figure_views, patterns=PATTERNS):
    """Rows: patterns; columns: front, back, side. Zone borders faint, the pattern in red."""
    names = ["front", "back", "side"]
    cells = []
    for row, (title, (side, zones)) in enumerate(patterns.items()):
        for col, view in enumerate(names):
            ox, oy = col * WIDTH, row * (HEIGHT + 20) + 20
            body = [f'<path d="{ring_path(figure_views[view]["outlines"])}" fill="#f3dfc6" '
                    f'stroke="#3b2f2a" stroke-width="0.8" fill-rule="evenodd"/>']
            for s in views_data[view]:
                body.append(f'<path d="{ring_path(s["rings"])}" fill="none" stroke="#c9b7a6" '
                            f'stroke-width="0.25" fill-rule="evenodd"/>')
            hit = [s for s in views_data[view] if s["zone"] in zones and s["side"] in (side, "midline")]
            if hit:
                geom = shapely.union_all([shapely.make_valid(shapely.Polygon(r))
                                          for s in hit for r in s["rings"]])
                geom = geom.buffer(0.05).buffer(-0.05)
                rings = [np.asarray(r.coords).tolist() for p in shapely.get_parts(geom)
                         for r in [p.exterior, *p.interiors]]
                body.append(f'<path d="{ring_path(rings)}" fill="#d62828" fill-opacity="0.85" '
                            f'stroke="#7a0c0c" stroke-width="0.5" fill-rule="evenodd"/>')
            cells.append(f'<g transform="translate({ox},{oy})">{"".join(body)}</g>')
        cells.append(f'<text x="4" y="{row * (HEIGHT + 20) + 14}" font-size="9" '
                     f'font-family="sans-serif">{title} ({side} side): '
                     f'{", ".join(zones)}</text>')
    w, h = 3 * WIDTH, len(patterns) * (HEIGHT + 20)
    return render.svg_doc("".join(cells), w, h)


def write(doc, figure_views, out_dir):
    for view in ["front", "back", "side"]:
        render.png(zones_svg(view, doc["views"][view], figure_views[view]["outlines"]),
                   out_dir / f"zones-{view}.png")
    import cairosvg
    cairosvg.svg2png(bytestring=pattern_svg(doc["views"], figure_views).encode(),
                     write_to=str(out_dir / "zones-patterns.png"), output_width=900)
