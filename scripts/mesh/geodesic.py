"""Geodesic Voronoi cells of the pain zones on the body surface, cut with smooth borders.

Why this way: the body mesh is very uneven (head and hands hold most vertices, a thigh quad is
~2 cm across), so cells are grown by geodesic distance along edge LENGTHS (quad sides and both
diagonals, multi-source Dijkstra per zone), never by hop count. Labelling whole vertices or
faces would give staircase borders along mesh edges; instead each triangle is cut along the
level sets where the (linearly interpolated) distances to two zones are equal, so a border runs
through the faces as a piecewise-linear curve and the pieces of every triangle tile it exactly.

Exact left/right symmetry: vertex positions are symmetrised with hm08.mirror, each quad is split
along a diagonal chosen by a mirror-invariant rule, distances are computed for left and midline
zones only and the right zones' distances are the left ones read through the mirror.
"""

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import dijkstra

EPS = 1e-9


def symmetrise(verts, mirror):
    v = (verts + verts[mirror] * [-1.0, 1.0, 1.0]) / 2
    v[mirror == np.arange(len(v)), 0] = 0.0
    return v


def split_quads(quads, mirror):
    """Two triangles per quad, along the diagonal whose mirror-invariant vertex key is smaller,
    so that a quad and its mirror image are split the same way."""
    key = np.minimum(np.arange(len(mirror)), mirror)
    ac = np.sort(key[quads[:, [0, 2]]], 1)
    bd = np.sort(key[quads[:, [1, 3]]], 1)
    use_ac = (ac[:, 0] < bd[:, 0]) | ((ac[:, 0] == bd[:, 0]) & (ac[:, 1] <= bd[:, 1]))
    t1 = np.where(use_ac[:, None], quads[:, [0, 1, 2]], quads[:, [1, 2, 3]])
    t2 = np.where(use_ac[:, None], quads[:, [0, 2, 3]], quads[:, [1, 3, 0]])
    return np.concatenate([t1, t2])


def graph(verts, quads):
    """Undirected edge-length graph: quad sides and both diagonals."""
    pairs = np.concatenate([quads[:, [0, 1]], quads[:, [1, 2]], quads[:, [2, 3]],
                            quads[:, [3, 0]], quads[:, [0, 2]], quads[:, [1, 3]]])
    pairs = np.unique(np.sort(pairs, 1), axis=0)
    w = np.linalg.norm(verts[pairs[:, 0]] - verts[pairs[:, 1]], axis=1)
    n = len(verts)
    return coo_matrix((w, (pairs[:, 0], pairs[:, 1])), shape=(n, n)).tocsr()


def distances(g, labels, seeds, mirror, allowed=None):
    """(N, len(labels)) geodesic distance from each vertex to each label's seeds.

    labels: list of (zone, side) with side "L", "R" or "M"; seeds: zone -> vertex ids (left
    side or midline); a right label reads its left twin through the mirror. allowed: optional
    zone -> boolean vertex mask; the zone then grows only inside it (its distance is infinite
    elsewhere)."""
    n = g.shape[0]
    D = np.full((n, len(labels)), np.inf)
    done = {}
    for j, (zone, side) in enumerate(labels):
        if side == "R":
            D[:, j] = D[mirror, done[zone]]
            continue
        src = np.asarray(sorted(seeds[zone]))
        gz = g
        if allowed is not None and zone in allowed:
            keep = allowed[zone].astype(float)
            gz = g.multiply(keep[:, None]).multiply(keep[None, :]).tocsr()
            gz.eliminate_zeros()
        d = dijkstra(gz, directed=False, indices=src, min_only=True)
        if side == "M":
            d = np.minimum(d, d[mirror])
        D[:, j] = d
        done[zone] = j
    return D


def _clip(poly, coef):
    """Clip a convex polygon (list of barycentric points) by coef . b <= 0."""
    out = []
    n = len(poly)
    for i in range(n):
        p, q = poly[i], poly[(i + 1) % n]
        fp, fq = coef @ p, coef @ q
        if fp <= 0:
            out.append(p)
        if (fp < 0 < fq) or (fq < 0 < fp):
            t = fp / (fp - fq)
            out.append(p + t * (q - p))
    return out


def cut(verts, tris, D):
    """Split every triangle among the labels whose cells cross it.

    Returns (label, tri, polygon) lists: label index, triangle index and the piece as an (k, 3)
    array of 3D points. Uniform triangles come back whole."""
    dt = D[tris]                                   # (T, 3, L)
    best = dt.min(2)                               # (T, 3)
    near = dt <= best[:, :, None] + EPS            # labels tied for nearest at a corner
    arg = np.argmax(near, 2)
    uniform = (arg == arg[:, :1]).all(1) & (near.sum(2) == 1).all(1)
    labels, tri_ids, polys = [], [], []
    for t in np.flatnonzero(uniform):
        labels.append(int(arg[t, 0]))
        tri_ids.append(int(t))
        polys.append(verts[tris[t]])
    eye = np.eye(3)
    for t in np.flatnonzero(~uniform):
        cands = sorted(set(np.flatnonzero(near[t].any(0)).tolist()))
        d = dt[t][:, cands]                        # (3, C)
        for a, k in enumerate(cands):
            poly = [eye[0], eye[1], eye[2]]
            for b in range(len(cands)):
                if b == a or not poly:
                    continue
                coef = d[:, a] - d[:, b]
                if b < a:                          # ties go to the lower label, once
                    coef = coef + 1e-12
                poly = _clip(poly, coef)
            if len(poly) >= 3:
                pts = np.array(poly) @ verts[tris[t]]
                if _area3(pts) > 1e-12:
                    labels.append(int(k))
                    tri_ids.append(int(t))
                    polys.append(pts)
    return np.array(labels), np.array(tri_ids), polys


def _area3(pts):
    c = np.cross(pts[1:-1] - pts[0], pts[2:] - pts[0])
    return 0.5 * np.linalg.norm(c.sum(0))


def check(verts, tris, labels, tri_ids, polys, label_names, mirror):
    """Pieces tile every triangle (areas add up) and mirror-twin labels cover equal areas."""
    tri_area = np.array([_area3(verts[t]) for t in tris])
    piece = np.array([_area3(p) for p in polys])
    per_tri = np.bincount(tri_ids, piece, len(tris))
    err = np.abs(per_tri - tri_area).max()
    assert err < 1e-9, f"zone pieces do not tile the triangles (max area error {err:.2e})"
    area = np.bincount(labels, piece, len(label_names))
    index = {n: i for i, n in enumerate(label_names)}
    asym = max(abs(area[i] - area[index[(z, "R")]])
               for i, (z, s) in enumerate(label_names) if s == "L")
    assert asym < 1e-9, f"left/right zone areas differ by {asym:.2e} dm^2"
    empty = [label_names[i] for i in range(len(label_names)) if area[i] <= 0]
    return {"surface_dm2": float(tri_area.sum()), "tile_error_dm2": float(err),
            "lr_area_error_dm2": float(asym), "empty": empty, "area": area}


def split(g, V, D, labels, parts, part_seeds, mirror):
    """Divide the cells of divided zones among their parts; returns (D, labels) with each whole's
    column replaced by one per part.

    A part's distance is the whole's plus how much further the part's seeds are than the nearest
    part's, measured inside the whole (its cell and one ring around it; across the rest of the
    body only where the cell is out of reach inside): so the parts add up to the whole's cell
    (their minimum is the whole's distance) and meet along smooth level sets of the difference
    of their distances, like any other border. A seed outside the whole's cell moves to the
    cell's vertex nearest to it."""
    win = D.argmin(1)
    cols, names = [], []
    for j, (zone, side) in enumerate(labels):
        if zone not in parts:
            cols.append(D[:, j])
            names.append((zone, side))
            continue
        assert side != "M", f"{zone}: midline zones cannot be divided"
        if side == "R":        # read the left whole's parts through the mirror
            for p in parts[zone]:
                cols.append(None)
                names.append((p, "R"))
            continue
        inside = win == j
        ring = ((g + g.T) @ inside.astype(float) > 0) | inside  # g holds each edge once
        keep = ring.astype(float)
        gz = g.multiply(keep[:, None]).multiply(keep[None, :]).tocsr()
        gz.eliminate_zeros()
        cell = np.flatnonzero(inside)
        d = []
        for p in parts[zone]:
            src = sorted({int(s) if inside[s] else
                          int(cell[np.argmin(np.linalg.norm(V[cell] - V[s], axis=1))])
                          for s in part_seeds[p]})
            part_seeds[p] = src
            near = dijkstra(gz, directed=False, indices=src, min_only=True)
            far = dijkstra(g, directed=False, indices=src, min_only=True)
            d.append(np.where(np.isfinite(near), near, far))
        d = np.stack(d, 1)
        extra = d - d.min(1, keepdims=True)
        extra[~ring] = np.inf
        for k, p in enumerate(parts[zone]):
            cols.append(D[:, j] + extra[:, k])
            names.append((p, "L"))
    left = {z: k for k, (z, s) in enumerate(names) if s == "L"}
    for k, (z, s) in enumerate(names):
        if cols[k] is None:
            cols[k] = cols[left[z]][mirror]
    return np.stack(cols, 1), names
