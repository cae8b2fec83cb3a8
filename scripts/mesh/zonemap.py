"""Step 2 of Figure v2: the pain zones described once on the body surface, and their shapes in
the front, back and side views (data/mesh/zones.json).

Why: the app's zones were hand-drawn boxes per view on a different body. Here every zone id of
data/zones.toml gets seeds by a rule (zones.py), a geodesic Voronoi cell on the mesh with smooth
borders (geodesic.py), and per view the shape of its visible part (zoneviews.py), cleaned into a
gap-free, overlap-free cover of that view's silhouette (coverage.py).
"""

import time
import tomllib

import numpy as np
import shapely

import coverage
import geodesic
import seedgeo
import zoneparts
import zones as rules
import zoneviews
from source import ROOT

SIDE = {"L": "left", "R": "right", "M": "midline"}


def zone_table():
    """(zones grown from seeds, midline ids, divided zone -> its parts)."""
    defs = tomllib.loads((ROOT / "data" / "zones.toml").read_text())["zone"]
    parts = {d["id"]: d["parts"] for d in defs if d.get("parts")}
    part_ids = {p for ps in parts.values() for p in ps}
    ids = [d["id"] for d in defs if d["id"] not in part_ids]
    midline = {d["id"] for d in defs if d["laterality"] == "midline"}
    return ids, midline, parts


def build(body, seg, verts, joints, found, proj, figure_views, log=print):
    t0 = time.time()
    ids, midline, parts = zone_table()
    V = geodesic.symmetrise(verts, body.mirror)
    tris = geodesic.split_quads(body.quads, body.mirror)
    g = geodesic.graph(V, body.quads)
    J = dict(joints, **{"eye.L": body.cubes["joint-l-eye"]})
    geo = seedgeo.Geo(V, seg, body.bones, body.weights, J, found)
    seeds = rules.seeds(geo, ids, midline, body.mirror)
    labels = []
    for z in sorted(ids):
        labels += [(z, "M")] if z in midline else [(z, "L"), (z, "R")]
    D = geodesic.distances(g, labels, seeds, body.mirror)
    D = D - np.array([rules.RULES[z][2] for z, _ in labels])[None, :]
    part_seeds = zoneparts.seeds(geo, parts)
    D, labels = geodesic.split(g, V, D, labels, parts, part_seeds, body.mirror)
    seeds.update(part_seeds)
    index = {l: i for i, l in enumerate(labels)}
    twin = {i: index[(z, {"L": "R", "R": "L", "M": "M"}[s])] for i, (z, s) in enumerate(labels)}
    lab, tri_ids, polys = geodesic.cut(V, tris, D)
    stats = geodesic.check(V, tris, lab, tri_ids, polys, labels, body.mirror)
    log(f"zones: {len(labels)} cells, {len(polys)} pieces, surface {stats['surface_dm2']:.2f} dm2,"
        f" tile error {stats['tile_error_dm2']:.1e}, L/R area error "
        f"{stats['lr_area_error_dm2']:.1e}, empty {stats['empty']} ({time.time() - t0:.1f} s)")

    out_views, report = {}, {}
    for view in ["front", "back", "side"]:
        S = zoneviews.silhouette(figure_views[view]["outlines"])
        depth = zoneviews.DepthTest(view, proj, V, tris, D)
        half = zoneviews.LEFT_HALF.get(view)
        region = S if half is None else S.intersection(half)
        shadow = zoneviews.shadows(view, proj, lab, polys, len(labels), half)
        seen = zoneviews.visible(view, shadow, depth)
        cov = coverage.smooth(coverage.fit(seen, region), region)
        if half is not None:
            cov = coverage.mirror(coverage.fit(cov, region), twin)
        cov = coverage.fit(cov, S)
        shapes = []
        for l in sorted(cov, key=lambda l: labels[l]):
            z, s = labels[l]
            shapes.append({"zone": z, "side": SIDE[s], "rings": coverage.rings(cov[l])})
        out_views[view] = shapes
        rebuilt = [even_odd(s["rings"]) for s in shapes]
        report[view] = dict(coverage.tiling_check(rebuilt, S), shapes=len(shapes),
                            max_points=max(sum(len(r) for r in s["rings"]) for s in shapes))
        log(f"zones {view}: {report[view]} ({time.time() - t0:.1f} s)")

    def area(z):
        if z in parts:
            return sum(area(p) for p in parts[z])
        return round(float(stats["area"][index[(z, "M" if z in midline else "L")]]) * 100, 1)

    zone_info = {}
    for z in sorted(ids):
        text, _, grow = rules.RULES[z]
        zone_info[z] = {"laterality": "midline" if z in midline else "bilateral",
                        "rule": text, "grow_dm": grow, "area_cm2": round(area(z), 1)}
        if z in parts:
            zone_info[z]["parts"] = parts[z]
        else:
            zone_info[z]["seeds"] = seeds[z]
    for whole, names in parts.items():
        for p in names:
            zone_info[p] = {"laterality": "bilateral", "part_of": whole, "rule": zoneparts.RULES[p][0],
                            "seeds": seeds[p], "area_cm2": area(p)}
    doc = {"views": out_views, "zones": zone_info, "check": report,
           "notes": "seeds: left-side (or symmetric midline) vertex ids of the body mesh; the "
                    "right zone's seeds are their hm08.mirror twins. rings: closed point lists "
                    "(last point not repeated), exteriors clockwise on screen, holes "
                    "anticlockwise; fill with even-odd or nonzero."}
    return doc, {"labels": labels, "D": D, "V": V, "tris": tris}


def even_odd(rings):
    g = shapely.Polygon()
    for r in rings:
        g = g.symmetric_difference(shapely.make_valid(shapely.Polygon(r)))
    return g
