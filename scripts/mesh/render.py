"""Preview PNGs of the generated figure, for review by eye (docs/mesh/). Not used by the app.

Each view: silhouette in light beige with a dark outline, relief lines, landmarks as dots with
tiny labels. One more picture colours the front view's faces by skin segment (painter's order,
lightly shaded by the face normal) to check the segmentation.
"""

import colorsys

import numpy as np

from views import WIDTH, HEIGHT, TOWARDS_VIEWER

PX = 400  # output width in pixels


def path(points, closed):
    d = "M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in points)
    return d + (" Z" if closed else "")


def svg_doc(body, w=WIDTH, h=HEIGHT):
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w:g} {h:g}" '
            f'width="{w:g}" height="{h:g}"><rect width="{w:g}" height="{h:g}" fill="white"/>'
            + body + "</svg>")


def view_svg(view, data, landmarks):
    parts = []
    outline = " ".join(path(o, True) for o in data["outlines"])
    parts.append(f'<path d="{outline}" fill="#f3dfc6" stroke="#3b2f2a" stroke-width="0.8" '
                 f'fill-rule="evenodd" stroke-linejoin="round"/>')
    for line in data["relief"]:
        parts.append(f'<path d="{path(line["points"], line.get("closed", False))}" fill="none" '
                     f'stroke="#9a7b66" stroke-width="0.6" stroke-linecap="round"/>')
    for name, lm in sorted(landmarks.items()):
        if view not in lm["views"]:
            continue
        x, y = lm["views"][view]
        parts.append(f'<circle cx="{x}" cy="{y}" r="1.3" fill="#c0392b"/>')
        parts.append(f'<text x="{x + 1.8:.1f}" y="{y + 1.0:.1f}" font-size="3.2" '
                     f'font-family="sans-serif" fill="#1f3a93">{name}</text>')
    return svg_doc("".join(parts))


def segment_svg(verts2d, verts3d, quads, face_segment, names, view="front"):
    d = np.array(TOWARDS_VIEWER[view], float)
    p = verts3d[quads]
    n = np.cross(p[:, 2] - p[:, 0], p[:, 3] - p[:, 1])
    n /= np.linalg.norm(n, axis=1, keepdims=True) + 1e-12
    facing = n @ d
    depth = p.mean(1) @ d
    order = np.lexsort((np.arange(len(quads)), depth))
    hues = {i: (i * 0.61803) % 1.0 for i in range(len(names))}
    parts = []
    for f in order:
        if facing[f] <= 0:
            continue
        light = 0.45 + 0.35 * facing[f]
        r, g, b = colorsys.hls_to_rgb(hues[face_segment[f]], light, 0.55)
        pts = verts2d[quads[f]]
        parts.append(f'<path d="{path(pts, True)}" fill="rgb({int(r*255)},{int(g*255)},'
                     f'{int(b*255)})" stroke="none"/>')
    return svg_doc("".join(parts))


def png(svg, out):
    import cairosvg  # only for previews: checking the generator (--no-png) needs no cairo

    cairosvg.svg2png(bytestring=svg.encode(), write_to=str(out), output_width=PX)
