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
    let mut d = String::with_capacity(points.len() * 12);
    for (i, p) in points.iter().enumerate() {
        d.push(if i == 0 { 'M' } else { 'L' });
        push_point(&mut d, *p);
    }
    d.push('Z');
    d
}

/// Smooth closed SVG path through every point (a Catmull-Rom spline written as cubic Béziers),
/// so outlines are authored as a few points yet drawn without corners.
pub fn smooth_path(points: &[Point]) -> String {
    let n = points.len();
    if n < 3 {
        return polygon_path(points);
    }
    let mut d = String::with_capacity(n * 40);
    d.push('M');
    push_point(&mut d, points[0]);
    for i in 0..n {
        let p0 = points[(i + n - 1) % n];
        let p1 = points[i];
        let p2 = points[(i + 1) % n];
        let p3 = points[(i + 2) % n];
        let c1 = [p1[0] + (p2[0] - p0[0]) / 6.0, p1[1] + (p2[1] - p0[1]) / 6.0];
        let c2 = [p2[0] - (p3[0] - p1[0]) / 6.0, p2[1] - (p3[1] - p1[1]) / 6.0];
        push_curve(&mut d, c1, c2, p2);
    }
    d.push('Z');
    d
}

/// Smooth open SVG path through every point, for lines that do not close.
pub fn smooth_open_path(points: &[Point]) -> String {
    let n = points.len();
    if n < 2 {
        return String::new();
    }
    let mut d = String::with_capacity(n * 40);
    d.push('M');
    push_point(&mut d, points[0]);
    for i in 0..n - 1 {
        let p0 = points[i.saturating_sub(1)];
        let (p1, p2) = (points[i], points[i + 1]);
        let p3 = points[(i + 2).min(n - 1)];
        let c1 = [p1[0] + (p2[0] - p0[0]) / 6.0, p1[1] + (p2[1] - p0[1]) / 6.0];
        let c2 = [p2[0] - (p3[0] - p1[0]) / 6.0, p2[1] - (p3[1] - p1[1]) / 6.0];
        push_curve(&mut d, c1, c2, p2);
    }
    d
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

/// Append a cubic Bézier segment, "Cx,y x,y x,y".
fn push_curve(out: &mut String, c1: Point, c2: Point, to: Point) {
    let mut buf = Ascii::default();
    buf.push(b'C');
    buf.point(c1);
    buf.push(b' ');
    buf.point(c2);
    buf.push(b' ');
    buf.point(to);
    out.push_str(buf.as_str());
}

/// Append "x,y": paths are written for every shape of every view when the body is first drawn,
/// so without a string per point.
fn push_point(out: &mut String, p: Point) {
    let mut buf = Ascii::default();
    buf.point(p);
    out.push_str(buf.as_str());
}

/// A few bytes of path data gathered on the stack and appended at once: appending a character at
/// a time checked the string's capacity per character, which was a tenth of drawing the body.
/// Sized for the longest use, a mark's four points of 13-character coordinates with their letters
/// (112 bytes).
struct Ascii {
    bytes: [u8; 128],
    len: usize,
}

impl Default for Ascii {
    fn default() -> Self {
        Ascii { bytes: [0; 128], len: 0 }
    }
}

impl Ascii {
    fn push(&mut self, b: u8) {
        self.bytes[self.len] = b;
        self.len += 1;
    }

    /// A coordinate to one decimal place, written with integer arithmetic (float formatting
    /// would add kilobytes to the browser build for no visible gain). Coordinates beyond a
    /// billion are clamped: no view comes near.
    fn coordinate(&mut self, v: f32) {
        let tenths = ((v * 10.0).round() as i64).clamp(-9_999_999_999, 9_999_999_999);
        if tenths < 0 {
            self.push(b'-');
        }
        let (whole, frac) = (tenths.unsigned_abs() / 10, tenths.unsigned_abs() % 10);
        let start = self.len;
        let mut n = whole;
        loop {
            self.push(b'0' + (n % 10) as u8);
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.bytes[start..self.len].reverse();
        if frac != 0 {
            self.push(b'.');
            self.push(b'0' + frac as u8);
        }
    }

    fn point(&mut self, [x, y]: Point) {
        self.coordinate(x);
        self.push(b',');
        self.coordinate(y);
    }

    fn as_str(&self) -> &str {
        // Only ASCII digits, signs and separators are ever written.
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

/// A coordinate to one decimal place, written with integer arithmetic: float formatting would
/// add kilobytes to the browser build for no visible gain.
pub fn coordinate(v: f32) -> String {
    let mut s = String::with_capacity(8);
    push_coordinate(&mut s, v);
    s
}

/// Half the width of a trigger point's X mark, in view units.
pub const MARK_HALF: f32 = 2.6;

/// Path data of a trigger point's X mark centred on `p`, in the view's own coordinates: a mark
/// placed with a transform would give the browser a transform node per mark to build on each tap.
pub fn mark_path([x, y]: Point) -> String {
    let h = MARK_HALF;
    let mut buf = Ascii::default();
    for (i, (dx, dy)) in [(-h, -h), (h, h), (-h, h), (h, -h)].into_iter().enumerate() {
        buf.push(if i % 2 == 0 { b'M' } else { b'L' });
        buf.point([x + dx, y + dy]);
    }
    buf.as_str().to_string()
}

/// Append a coordinate as `coordinate` writes it, without allocating: long paths are written
/// on every tap.
pub fn push_coordinate(out: &mut String, v: f32) {
    let mut buf = Ascii::default();
    buf.coordinate(v);
    out.push_str(buf.as_str());
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
