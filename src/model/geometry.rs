//! Plane geometry for the figure: mirroring, smooth outlines and point-in-shape tests.

/// A point in a view's coordinates (SVG user units, y down).
pub type Point = [f32; 2];

/// Reflect a point across the vertical line x = `axis`.
pub fn mirror(p: Point, axis: f32) -> Point {
    [2.0 * axis - p[0], p[1]]
}

/// A polygon's area (shoelace), whichever way it winds.
pub fn area(points: &[Point]) -> f32 {
    let n = points.len();
    let twice: f32 = (0..n)
        .map(|i| {
            let (a, b) = (points[i], points[(i + 1) % n]);
            a[0] * b[1] - b[0] * a[1]
        })
        .sum();
    twice.abs() / 2.0
}

/// For the arrow keys: the point nearest `from` in direction `dir` (a unit vector, y down),
/// preferring points straight ahead over points off to the side.
pub fn nearest_in_direction(points: &[Point], from: usize, dir: Point) -> Option<usize> {
    let here = *points.get(from)?;
    points
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != from)
        .filter_map(|(i, p)| {
            let (dx, dy) = (p[0] - here[0], p[1] - here[1]);
            let along = dx * dir[0] + dy * dir[1];
            let across = (dx * dir[1] - dy * dir[0]).abs();
            // Within 60 degrees either side of the direction.
            (along > 0.0 && across < 1.8 * along).then_some((i, along + 2.0 * across))
        })
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

pub fn centroid(points: &[Point]) -> Point {
    let n = points.len().max(1) as f32;
    [points.iter().map(|p| p[0]).sum::<f32>() / n, points.iter().map(|p| p[1]).sum::<f32>() / n]
}

/// Whether `p` lies inside the polygon (even-odd rule).
pub fn contains(polygon: &[Point], p: Point) -> bool {
    let mut inside = false;
    let n = polygon.len();
    let mut j = n.wrapping_sub(1);
    for i in 0..n {
        let (a, b) = (polygon[i], polygon[j]);
        if (a[1] > p[1]) != (b[1] > p[1]) {
            let x = a[0] + (p[1] - a[1]) * (b[0] - a[0]) / (b[1] - a[1]);
            if p[0] < x {
                inside = !inside;
            }
        }
        j = i;
    }
    inside
}

/// The distance from `p` to the nearest edge of the polygon.
pub fn distance_to_edges(polygon: &[Point], p: Point) -> f32 {
    let n = polygon.len();
    (0..n)
        .map(|i| {
            let (a, b) = (polygon[i], polygon[(i + 1) % n]);
            let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
            let len2 = dx * dx + dy * dy;
            let t = if len2 == 0.0 { 0.0 } else { (((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2).clamp(0.0, 1.0) };
            let (cx, cy) = (a[0] + t * dx - p[0], a[1] + t * dy - p[1]);
            (cx * cx + cy * cy).sqrt()
        })
        .fold(f32::INFINITY, f32::min)
}

/// Whether `p` lies inside any of the polygons.
pub fn contains_any(polygons: &[Vec<Point>], p: Point) -> bool {
    polygons.iter().any(|poly| contains(poly, p))
}

/// Straight-edged closed SVG path through the points.
pub fn polygon_path(points: &[Point]) -> String {
    let mut d = PathData::with_capacity(points.len() * 12);
    for (i, p) in points.iter().enumerate() {
        d.letter(if i == 0 { b'M' } else { b'L' });
        d.point(*p);
    }
    d.letter(b'Z');
    d.into_string()
}

/// Smooth closed SVG path through every point (a Catmull-Rom spline written as cubic Béziers),
/// so outlines are authored as a few points yet drawn without corners.
pub fn smooth_path(points: &[Point]) -> String {
    let n = points.len();
    if n < 3 {
        return polygon_path(points);
    }
    let mut d = PathData::with_capacity(n * 40);
    d.letter(b'M');
    d.point(points[0]);
    for i in 0..n {
        let p0 = points[(i + n - 1) % n];
        let p1 = points[i];
        let p2 = points[(i + 1) % n];
        let p3 = points[(i + 2) % n];
        let c1 = [p1[0] + (p2[0] - p0[0]) / 6.0, p1[1] + (p2[1] - p0[1]) / 6.0];
        let c2 = [p2[0] - (p3[0] - p1[0]) / 6.0, p2[1] - (p3[1] - p1[1]) / 6.0];
        d.curve(c1, c2, p2);
    }
    d.letter(b'Z');
    d.into_string()
}

/// Smooth open SVG path through every point, for lines that do not close.
pub fn smooth_open_path(points: &[Point]) -> String {
    let n = points.len();
    if n < 2 {
        return String::new();
    }
    let mut d = PathData::with_capacity(n * 40);
    d.letter(b'M');
    d.point(points[0]);
    for i in 0..n - 1 {
        let p0 = points[i.saturating_sub(1)];
        let (p1, p2) = (points[i], points[i + 1]);
        let p3 = points[(i + 2).min(n - 1)];
        let c1 = [p1[0] + (p2[0] - p0[0]) / 6.0, p1[1] + (p2[1] - p0[1]) / 6.0];
        let c2 = [p2[0] - (p3[0] - p1[0]) / 6.0, p2[1] - (p3[1] - p1[1]) / 6.0];
        d.curve(c1, c2, p2);
    }
    d.into_string()
}

/// Points on the smooth curve through `points`, for containment tests that must agree with
/// what `smooth_path` draws.
pub fn smooth_polygon(points: &[Point], steps: usize) -> Vec<Point> {
    let n = points.len();
    if n < 3 {
        return points.to_vec();
    }
    let mut out = Vec::with_capacity(n * steps);
    for i in 0..n {
        let p0 = points[(i + n - 1) % n];
        let p1 = points[i];
        let p2 = points[(i + 1) % n];
        let p3 = points[(i + 2) % n];
        for s in 0..steps {
            let t = s as f32 / steps as f32;
            let (t2, t3) = (t * t, t * t * t);
            let f = |a: f32, b: f32, c: f32, d: f32| {
                0.5 * (2.0 * b + (c - a) * t + (2.0 * a - 5.0 * b + 4.0 * c - d) * t2
                    + (3.0 * b - a - 3.0 * c + d) * t3)
            };
            out.push([f(p0[0], p1[0], p2[0], p3[0]), f(p0[1], p1[1], p2[1], p3[1])]);
        }
    }
    out
}

/// SVG path data, gathered as bytes and made a string once. Paths are written for every shape
/// when the body is first drawn and for the pattern on every tap: appended to a `String` a
/// character at a time, each character checked the string's capacity through a call; appended
/// a point at a time, each piece was checked as UTF-8 (in a cold load's profile, most of the
/// time spent writing the zones' paths). Only ASCII is ever written, so the one check at the end
/// passes.
pub struct PathData {
    bytes: Vec<u8>,
}

impl PathData {
    pub fn with_capacity(bytes: usize) -> PathData {
        PathData { bytes: Vec::with_capacity(bytes) }
    }

    /// A command letter or separator: `M`, `L`, `Q`, `C`, `Z`, a space.
    pub fn letter(&mut self, c: u8) {
        debug_assert!(c.is_ascii());
        self.bytes.extend_from_slice(&[c]);
    }

    /// "x,y"
    pub fn point(&mut self, [x, y]: Point) {
        let (bx, from_x) = digits(x);
        let (by, from_y) = digits(y);
        self.bytes.extend_from_slice(&bx[from_x..]);
        self.bytes.extend_from_slice(b",");
        self.bytes.extend_from_slice(&by[from_y..]);
    }

    /// A cubic Bézier segment, "Cx,y x,y x,y".
    pub fn curve(&mut self, c1: Point, c2: Point, to: Point) {
        self.letter(b'C');
        self.point(c1);
        self.letter(b' ');
        self.point(c2);
        self.letter(b' ');
        self.point(to);
    }

    pub fn coordinate(&mut self, v: f32) {
        let (b, from) = digits(v);
        self.bytes.extend_from_slice(&b[from..]);
    }

    pub fn into_string(self) -> String {
        String::from_utf8(self.bytes).unwrap_or_default()
    }
}

/// A coordinate to one decimal place as ASCII, written from the end of the buffer (the text
/// starts at the index returned), with integer arithmetic: float formatting would add kilobytes
/// to the browser build for no visible gain. Coordinates beyond a billion are clamped: no view
/// comes near.
fn digits(v: f32) -> ([u8; 13], usize) {
    let tenths = ((v * 10.0).round() as i64).clamp(-9_999_999_999, 9_999_999_999);
    let mut buf = [0u8; 13];
    let mut at = buf.len();
    let mut n = tenths.unsigned_abs();
    if !n.is_multiple_of(10) {
        buf[at - 2] = b'.';
        buf[at - 1] = b'0' + (n % 10) as u8;
        at -= 2;
    }
    n /= 10;
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if tenths < 0 {
        at -= 1;
        buf[at] = b'-';
    }
    (buf, at)
}

/// A coordinate to one decimal place (`digits`).
pub fn coordinate(v: f32) -> String {
    let mut d = PathData::with_capacity(13);
    d.coordinate(v);
    d.into_string()
}

/// Half the width of a trigger point's X mark, in view units.
pub const MARK_HALF: f32 = 2.6;

/// Path data of a trigger point's X mark centred on `p`, in the view's own coordinates: a mark
/// placed with a transform would give the browser a transform node per mark to build on each tap.
pub fn mark_path([x, y]: Point) -> String {
    let h = MARK_HALF;
    let mut d = PathData::with_capacity(64);
    for (i, (dx, dy)) in [(-h, -h), (h, h), (-h, h), (h, -h)].into_iter().enumerate() {
        d.letter(if i % 2 == 0 { b'M' } else { b'L' });
        d.point([x + dx, y + dy]);
    }
    d.into_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mark_is_an_x_centred_on_its_point() {
        assert_eq!(mark_path([10.0, 20.0]), "M7.4,17.4L12.6,22.6M7.4,22.6L12.6,17.4");
        // Coordinates no view has are clamped, never a panic.
        assert!(mark_path([f32::INFINITY, -f32::INFINITY]).starts_with("M999999999.9,-999999999.9"));
    }

    #[test]
    fn contains_square() {
        let sq = [[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0]];
        assert!(contains(&sq, [5.0, 5.0]));
        assert!(!contains(&sq, [15.0, 5.0]));
        assert!(!contains(&sq, [5.0, -1.0]));
    }

    #[test]
    fn distance_to_the_nearest_edge() {
        let sq = [[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0]];
        assert_eq!(distance_to_edges(&sq, [13.0, 5.0]), 3.0);
        assert_eq!(distance_to_edges(&sq, [5.0, 4.0]), 4.0);
        assert_eq!(distance_to_edges(&sq, [13.0, 14.0]), 5.0);
    }

    #[test]
    fn coordinates_have_one_decimal_at_most() {
        assert_eq!(coordinate(118.0), "118");
        assert_eq!(coordinate(118.26), "118.3");
        assert_eq!(coordinate(-0.04), "0");
        assert_eq!(coordinate(-2.55), "-2.6");
        assert_eq!(coordinate(1234.05), "1234.1");
        assert_eq!(coordinate(-0.5), "-0.5");
    }

    #[test]
    fn mirror_is_an_involution() {
        let p = [130.0, 40.0];
        assert_eq!(mirror(p, 120.0), [110.0, 40.0]);
        assert_eq!(mirror(mirror(p, 120.0), 120.0), p);
    }

    #[test]
    fn open_lines_start_and_end_on_their_points() {
        let d = smooth_open_path(&[[0.0, 0.0], [10.0, 5.0], [20.0, 0.0]]);
        assert!(d.starts_with("M0,0C") && d.ends_with(" 20,0"), "{d}");
        assert_eq!(d.matches('C').count(), 2);
        assert_eq!(smooth_open_path(&[[1.0, 1.0]]), "");
    }

    #[test]
    fn smooth_curve_passes_through_its_points() {
        let pts = [[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0]];
        let poly = smooth_polygon(&pts, 8);
        for p in pts {
            assert!(poly.iter().any(|q| (q[0] - p[0]).abs() < 1e-4 && (q[1] - p[1]).abs() < 1e-4));
        }
        assert!(smooth_path(&pts).starts_with("M0,0C"));
    }
}
