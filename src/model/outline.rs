//! The outline of a set of zones as one shape, for drawing a referral pattern or a pain drawing
//! the way the Trigger Point Manual draws a pattern: one area with no internal borders, corners
//! rounded. Zones tile a view and share their edges, so the union is exact and cheap: split
//! every edge where another zone's corner touches it, cancel each edge that two zones share,
//! and chain what is left into rings.

use super::geometry::Point;
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeMap;

/// A point on a grid of hundredths of a unit, so that shared edges compare exactly.
type Key = (i64, i64);

const GRID: f32 = 100.0;

fn key(p: Point) -> Key {
    ((p[0] * GRID).round() as i64, (p[1] * GRID).round() as i64)
}

fn point(k: Key) -> Point {
    [k.0 as f32 / GRID, k.1 as f32 / GRID]
}

fn cross(o: Key, a: Key, b: Key) -> i64 {
    (a.0 - o.0) * (b.1 - o.1) - (a.1 - o.1) * (b.0 - o.0)
}

/// Twice the signed area (positive when the ring turns counter-clockwise in y-up terms).
fn area2(ring: &[Key]) -> i64 {
    let n = ring.len();
    (0..n).map(|i| {
        let (a, b) = (ring[i], ring[(i + 1) % n]);
        a.0 * b.1 - b.0 * a.1
    }).sum()
}

/// The polygon's corners on the grid, without repeats, all turning the same way.
fn normalised(poly: &[Point]) -> Vec<Key> {
    let mut ring: Vec<Key> = Vec::with_capacity(poly.len());
    for &p in poly {
        let k = key(p);
        if ring.last() != Some(&k) {
            ring.push(k);
        }
    }
    while ring.len() > 1 && ring.first() == ring.last() {
        ring.pop();
    }
    if area2(&ring) < 0 {
        ring.reverse();
    }
    ring
}

/// Whether `v` lies on the segment a-b strictly between its ends (within two grid steps).
fn on_segment(a: Key, b: Key, v: Key) -> bool {
    if v == a || v == b {
        return false;
    }
    let (lo_x, hi_x) = (a.0.min(b.0) - 2, a.0.max(b.0) + 2);
    let (lo_y, hi_y) = (a.1.min(b.1) - 2, a.1.max(b.1) + 2);
    if v.0 < lo_x || v.0 > hi_x || v.1 < lo_y || v.1 > hi_y {
        return false;
    }
    let c = cross(a, b, v) as f64;
    let len2 = ((b.0 - a.0).pow(2) + (b.1 - a.1).pow(2)) as f64;
    c * c <= 4.0 * len2
}

/// The union of polygons that tile without overlapping, as closed rings: outer rings turn one
/// way and holes the other, so the nonzero fill rule draws them right.
pub fn union(polygons: &[&[Point]]) -> Vec<Vec<Point>> {
    let rings: Vec<Vec<Key>> = polygons.iter().map(|p| normalised(p)).filter(|r| r.len() >= 3).collect();
    let corners = Corners::new(&rings);
    // Directed edges left after shared ones cancel, counted.
    let mut edges: HashMap<(Key, Key), i32> = HashMap::default();
    let mut add = |a: Key, b: Key| {
        if let Some(n) = edges.get_mut(&(b, a)) {
            *n -= 1;
            if *n == 0 {
                edges.remove(&(b, a));
            }
        } else {
            *edges.entry((a, b)).or_insert(0) += 1;
        }
    };
    for ring in &rings {
        for i in 0..ring.len() {
            let (a, b) = (ring[i], ring[(i + 1) % ring.len()]);
            // Where a neighbour's corner sits on this edge (a T-junction), split it there.
            let mut cuts = corners.on(a, b);
            let along = |v: &Key| (v.0 - a.0) * (b.0 - a.0) + (v.1 - a.1) * (b.1 - a.1);
            cuts.sort_by_key(along);
            cuts.dedup();
            let mut from = a;
            for v in cuts.into_iter().chain(std::iter::once(b)) {
                add(from, v);
                from = v;
            }
        }
    }
    chain(edges)
}

/// Every corner of the polygons, bucketed on a coarse grid, so that finding the corners that lie
/// on an edge looks only near the edge: a tap recomputes patterns of thousands of edges.
struct Corners {
    cells: HashMap<Key, Vec<Key>>,
}

/// A bucket's side, in grid steps (two view units).
const CELL: i64 = 200;

impl Corners {
    fn new(rings: &[Vec<Key>]) -> Corners {
        let mut cells: HashMap<Key, Vec<Key>> = HashMap::default();
        for &k in rings.iter().flatten() {
            let cell = cells.entry((k.0.div_euclid(CELL), k.1.div_euclid(CELL))).or_default();
            if !cell.contains(&k) {
                cell.push(k);
            }
        }
        Corners { cells }
    }

    /// The corners lying on the edge a-b, strictly between its ends.
    fn on(&self, a: Key, b: Key) -> Vec<Key> {
        let (x0, x1) = ((a.0.min(b.0) - 2).div_euclid(CELL), (a.0.max(b.0) + 2).div_euclid(CELL));
        let (y0, y1) = ((a.1.min(b.1) - 2).div_euclid(CELL), (a.1.max(b.1) + 2).div_euclid(CELL));
        let mut out = Vec::new();
        for cx in x0..=x1 {
            for cy in y0..=y1 {
                if let Some(cell) = self.cells.get(&(cx, cy)) {
                    out.extend(cell.iter().copied().filter(|&v| on_segment(a, b, v)));
                }
            }
        }
        out
    }
}

/// Follow the remaining edges into closed rings.
fn chain(edges: HashMap<(Key, Key), i32>) -> Vec<Vec<Point>> {
    // Sorted, so the rings (and the path drawn) are the same on every run.
    let mut edges: Vec<_> = edges.into_iter().collect();
    edges.sort_unstable();
    let mut out_of: BTreeMap<Key, Vec<Key>> = BTreeMap::new();
    for ((a, b), n) in edges {
        for _ in 0..n.max(0) {
            out_of.entry(a).or_default().push(b);
        }
    }
    let mut rings = Vec::new();
    while let Some(&start) = out_of.keys().next() {
        let mut ring = vec![start];
        let mut at = start;
        while let Some(next) = out_of.get_mut(&at).and_then(|v| v.pop()) {
            if out_of.get(&at).is_some_and(|v| v.is_empty()) {
                out_of.remove(&at);
            }
            if next == start {
                break;
            }
            ring.push(next);
            at = next;
        }
        let ring = without_straight_corners(&ring);
        if ring.len() >= 3 {
            rings.push(ring.into_iter().map(point).collect());
        }
    }
    rings
}

/// Drop corners where the ring runs straight on, so rounding acts on real corners only.
fn without_straight_corners(ring: &[Key]) -> Vec<Key> {
    let n = ring.len();
    (0..n)
        .filter(|&i| cross(ring[(i + n - 1) % n], ring[i], ring[(i + 1) % n]) != 0)
        .map(|i| ring[i])
        .collect()
}

/// One rounded corner: the ring runs straight to `from`, bends as a quadratic curve pulled
/// toward the old corner (`control`) and leaves at `to`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Corner {
    pub from: Point,
    pub control: Point,
    pub to: Point,
}

/// The ring with every corner cut at up to `radius` along its two edges (never more than a
/// third of an edge) and bent into a curve through the cut: stair steps become a gentle wave.
/// One curve per corner draws as smoothly as repeated corner cutting with a quarter of the
/// points, and the points are what a tap pays for (written, sent to the page, parsed).
pub fn rounded(ring: &[Point], radius: f32) -> Vec<Corner> {
    let n = ring.len();
    if n < 3 {
        return Vec::new();
    }
    (0..n)
        .map(|i| {
            let (p, v, q) = (ring[(i + n - 1) % n], ring[i], ring[(i + 1) % n]);
            Corner { from: toward(v, p, radius), control: v, to: toward(v, q, radius) }
        })
        .collect()
}

/// Points along a rounded ring, each curve flattened into `steps` pieces: for tests and hit
/// checks, which need a polygon.
pub fn flattened(corners: &[Corner], steps: usize) -> Vec<Point> {
    let mut out = Vec::with_capacity(corners.len() * (steps + 1));
    for c in corners {
        for k in 0..=steps {
            out.push(quadratic(c.from, c.control, c.to, k as f32 / steps as f32));
        }
    }
    out
}

/// The point at `t` along the quadratic curve from `a` to `b` pulled toward `c`.
pub fn quadratic(a: Point, c: Point, b: Point, t: f32) -> Point {
    let u = 1.0 - t;
    [u * u * a[0] + 2.0 * u * t * c[0] + t * t * b[0], u * u * a[1] + 2.0 * u * t * c[1] + t * t * b[1]]
}

/// The point `r` from `v` toward `to`, at most a third of the way.
fn toward(v: Point, to: Point, r: f32) -> Point {
    let (dx, dy) = (to[0] - v[0], to[1] - v[1]);
    let len = (dx * dx + dy * dy).sqrt();
    if len == 0.0 {
        return v;
    }
    let t = (r / len).min(1.0 / 3.0);
    [v[0] + dx * t, v[1] + dy * t]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::geometry::contains;

    fn square(x: f32, y: f32, s: f32) -> Vec<Point> {
        vec![[x, y], [x + s, y], [x + s, y + s], [x, y + s]]
    }

    #[test]
    fn neighbours_merge_into_one_ring_without_the_shared_edge() {
        let (a, b) = (square(0.0, 0.0, 10.0), square(10.0, 0.0, 10.0));
        let rings = union(&[&a, &b]);
        assert_eq!(rings.len(), 1, "{rings:?}");
        assert_eq!(rings[0].len(), 4, "the shared edge and its straight corners are gone: {rings:?}");
        assert!(contains(&rings[0], [10.0, 5.0]));
    }

    #[test]
    fn a_corner_on_a_neighbours_edge_still_merges() {
        // One tall square beside two short ones: their shared corner splits the tall one's edge.
        let tall = vec![[0.0, 0.0], [10.0, 0.0], [10.0, 20.0], [0.0, 20.0]];
        let (top, bottom) = (square(10.0, 0.0, 10.0), square(10.0, 10.0, 10.0));
        let rings = union(&[&tall, &top, &bottom]);
        assert_eq!(rings.len(), 1, "{rings:?}");
        assert_eq!(rings[0].len(), 4);
    }

    #[test]
    fn a_ring_of_zones_keeps_its_hole() {
        // Eight squares round an empty middle: one outer ring and one hole.
        let mut tiles = Vec::new();
        for (x, y) in [(0, 0), (1, 0), (2, 0), (0, 1), (2, 1), (0, 2), (1, 2), (2, 2)] {
            tiles.push(square(x as f32 * 10.0, y as f32 * 10.0, 10.0));
        }
        let refs: Vec<&[Point]> = tiles.iter().map(|t| t.as_slice()).collect();
        let rings = union(&refs);
        assert_eq!(rings.len(), 2);
        let inside = |p| rings.iter().filter(|r| contains(r, p)).count() % 2 == 1;
        assert!(inside([5.0, 5.0]) && inside([25.0, 15.0]));
        assert!(!inside([15.0, 15.0]), "the middle stays empty");
    }

    #[test]
    fn opposite_windings_merge_too() {
        let a = square(0.0, 0.0, 10.0);
        let mut b = square(10.0, 0.0, 10.0);
        b.reverse();
        assert_eq!(union(&[&a, &b]).len(), 1);
    }

    #[test]
    fn rounding_keeps_the_shape_and_softens_its_corners() {
        let sq = square(0.0, 0.0, 20.0);
        let corners = rounded(&sq, 4.0);
        assert_eq!(corners.len(), 4, "one curve per corner");
        let round = flattened(&corners, 8);
        assert!(contains(&round, [10.0, 10.0]) && contains(&round, [1.0, 10.0]));
        assert!(!contains(&round, [0.3, 0.3]), "the corner is cut");
        assert!(round.iter().all(|p| (0.0..=20.0).contains(&p[0]) && (0.0..=20.0).contains(&p[1])));
    }
}
