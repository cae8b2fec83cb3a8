"""Review aid for the one-time muscle migration (warp.py): per view, how much of each muscle
outline lies outside the silhouette, before (old figure at commit b99ed11, old drawings) and
after (new figure, warped drawings), worst first. Outlines that leave the body show up here.
Run: .venv/bin/python scripts/mesh/warpcheck.py [view ...]
"""

import sys
import tomllib

import shapely
from shapely.geometry import Polygon

import warp
import warpfit
from appcover import catmull_rom
from source import ROOT


def outside(views=("front", "back", "side"), top=15, log=print):
    for view in views:
        old_fig = tomllib.loads(warp.old_text(f"data/figure/{view}.toml"))
        new_fig = tomllib.loads((ROOT / "data" / "figure" / f"{view}.toml").read_text())
        bo, bn = warpfit.body(old_fig), warpfit.body(new_fig)
        rows = []
        for path in sorted((ROOT / "data" / "muscles").glob("*.toml")):
            old = tomllib.loads(warp.old_text(path.relative_to(ROOT).as_posix()))
            new = tomllib.loads(path.read_text())
            so = {s["view"]: s["points"] for s in old.get("shapes", [])}
            sn = {s["view"]: s["points"] for s in new.get("shapes", [])}
            if view not in sn:
                continue
            po = Polygon(catmull_rom(so[view])).buffer(0)
            pn = Polygon(catmull_rom(sn[view])).buffer(0)
            fo = po.difference(bo).area / max(po.area, 1e-9)
            fn = pn.difference(bn).area / max(pn.area, 1e-9)
            rows.append((fn - fo, path.stem, round(fo, 2), round(fn, 2)))
        rows.sort(reverse=True)
        log(f"{view}: outside fraction old -> new, worst increase first")
        for d, name, fo, fn in rows[:top]:
            log(f"  {name}: {fo} -> {fn}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "scripts" / "mesh"))
    outside(sys.argv[1:] or ("front", "back", "side"))
