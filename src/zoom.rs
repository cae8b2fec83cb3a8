//! Zoom and pan of one view of the figure: which part of the view is visible. Plain Rust; the
//! figure component turns gestures, wheel, keys and buttons into these steps.

use crate::model::geometry::Point;

/// The most a view can be magnified.
pub const MAX_SCALE: f32 = 6.0;

/// The magnifications "+" and "-" step through. The middle one brings the thinnest strips of a
/// phone's whole-body view (the side of the chest under the arm, under 8 px across; the top of
/// the shoulder; the inner ankle) to a fingertip's 24 px in one step, where doubling left 14
/// of them short; the last is the most a view can be magnified.
pub const LEVELS: [f32; 3] = [1.0, 3.2, MAX_SCALE];

/// A magnification around a centre, in the view's own units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Zoom {
    pub scale: f32,
    pub cx: f32,
    pub cy: f32,
    width: f32,
    height: f32,
}

impl Zoom {
    /// The whole view.
    pub fn fit(width: f32, height: f32) -> Zoom {
        Zoom { scale: 1.0, cx: width / 2.0, cy: height / 2.0, width, height }
    }

    pub fn is_zoomed(&self) -> bool {
        self.scale > 1.001
    }

    /// The visible box: x, y, width, height.
    pub fn view_box(&self) -> [f32; 4] {
        let (w, h) = (self.width / self.scale, self.height / self.scale);
        [self.cx - w / 2.0, self.cy - h / 2.0, w, h]
    }

    /// Keep the scale in range and the visible box inside the view. Never panics, whatever the
    /// numbers (the data is validated, but a zoom must not be what breaks the page if it is not).
    fn clamped(mut self) -> Zoom {
        self.scale = within(self.scale, 1.0, MAX_SCALE);
        let (hw, hh) = (self.width / self.scale / 2.0, self.height / self.scale / 2.0);
        self.cx = within(self.cx, hw, self.width - hw);
        self.cy = within(self.cy, hh, self.height - hh);
        self
    }

    /// Magnify by `factor`, keeping `anchor` (a point in view units) where it is on screen;
    /// without an anchor, around the centre.
    pub fn zoom_by(self, factor: f32, anchor: Option<Point>) -> Zoom {
        let scale = within(self.scale * factor, 1.0, MAX_SCALE);
        let [ax, ay] = anchor.unwrap_or([self.cx, self.cy]);
        let k = self.scale / scale;
        Zoom { scale, cx: ax + (self.cx - ax) * k, cy: ay + (self.cy - ay) * k, ..self }.clamped()
    }

    /// Magnify by `factor` and bring `p` across the middle and `down` of the way down the
    /// visible box (a half centres it): zooming in on what is chosen, where the user can see it.
    pub fn zoom_to(self, factor: f32, p: Point, down: f32) -> Zoom {
        let scale = within(self.scale * factor, 1.0, MAX_SCALE);
        let h = self.height / scale;
        Zoom { scale, cx: p[0], cy: p[1] + h * (0.5 - within(down, 0.0, 1.0)), ..self }.clamped()
    }

    /// The factor to the next level up ("+"), or down; a pinch or the wheel may have left the
    /// view between levels.
    pub fn step(self, up: bool) -> f32 {
        let next = if up {
            LEVELS.iter().copied().find(|&l| l > self.scale * 1.001).unwrap_or(MAX_SCALE)
        } else {
            LEVELS.iter().rev().copied().find(|&l| l < self.scale / 1.001).unwrap_or(1.0)
        };
        if self.scale > 0.0 { next / self.scale } else { 1.0 }
    }

    /// Move the visible box by (dx, dy) view units.
    pub fn pan_by(self, dx: f32, dy: f32) -> Zoom {
        Zoom { cx: self.cx + dx, cy: self.cy + dy, ..self }.clamped()
    }

    /// Bring a point into view (used when keyboard focus moves to a shape off screen).
    pub fn show(self, p: Point) -> Zoom {
        let [x, y, w, h] = self.view_box();
        let margin = 0.1;
        if p[0] < x + w * margin || p[0] > x + w * (1.0 - margin) || p[1] < y + h * margin || p[1] > y + h * (1.0 - margin) {
            Zoom { cx: p[0], cy: p[1], ..self }.clamped()
        } else {
            self
        }
    }
}

/// How far down an element (spanning `top` to `bottom` on screen) the middle of its part in
/// sight lies, as a share of its height: on a phone the view switch covers the top of the
/// screen and the answer sheet the bottom, so a view zooms in on what is chosen between them.
/// A half if none of it is in sight.
pub fn middle_in_sight(top: f32, bottom: f32, sight_top: f32, sight_bottom: f32) -> f32 {
    let (from, to) = (top.max(sight_top), bottom.min(sight_bottom));
    if !(to > from && bottom > top) {
        return 0.5;
    }
    ((from + to) / 2.0 - top) / (bottom - top)
}

/// `v` kept between `lo` and `hi`: `f32::clamp` without its panics (on `lo > hi`, or NaN), for
/// which the middle of the range, or `lo`, stands in.
fn within(v: f32, lo: f32, hi: f32) -> f32 {
    if lo.is_nan() || hi.is_nan() || lo > hi {
        return if lo.is_finite() && hi.is_finite() { (lo + hi) / 2.0 } else { 0.0 };
    }
    if v.is_nan() {
        lo
    } else {
        v.max(lo).min(hi)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zooming_in_on_a_point_centres_it_within_the_view() {
        let z = Zoom::fit(200.0, 500.0).zoom_to(1.5, [100.0, 60.0], 0.5);
        let [x, y, w, h] = z.view_box();
        assert!(z.is_zoomed());
        assert!((x + w / 2.0 - 100.0).abs() < 0.01, "centred across");
        // Near the top edge it is kept inside the view rather than centred past it.
        assert!((0.0..=60.0).contains(&y) && y + h >= 60.0);
    }

    #[test]
    fn zooming_in_under_an_answer_sheet_brings_the_point_where_the_screen_shows_it() {
        // A phone: the view spans 100..700 px on screen, the sheet covers from 490 px down and
        // the view switch the top 60 px, so the part in sight is 100..490: its middle is at
        // 295 px, about a third of the way down the view.
        let down = middle_in_sight(100.0, 700.0, 60.0, 490.0);
        assert!((down - 195.0 / 600.0).abs() < 1e-4, "{down}");
        let z = Zoom::fit(200.0, 500.0).zoom_to(3.2, [100.0, 250.0], down);
        let [_, y, _, h] = z.view_box();
        assert!(((250.0 - y) / h - down).abs() < 1e-4, "the point lands a third of the way down");
        // Wholly in sight (a desktop), it is centred; wholly out of sight, too.
        assert_eq!(middle_in_sight(100.0, 700.0, 0.0, 900.0), 0.5);
        assert_eq!(middle_in_sight(100.0, 700.0, 800.0, 900.0), 0.5);
    }

    #[test]
    fn plus_and_minus_step_through_the_levels_from_wherever_the_view_is() {
        let near = |z: Zoom, scale: f32| (z.scale - scale).abs() < 1e-3;
        let whole = Zoom::fit(200.0, 500.0);
        let one = whole.zoom_by(whole.step(true), None);
        assert!(near(one, LEVELS[1]), "{}", one.scale);
        let two = one.zoom_by(one.step(true), None);
        assert!(near(two, MAX_SCALE), "{}", two.scale);
        assert!(near(two.zoom_by(two.step(true), None), MAX_SCALE), "no further than the last");
        assert!(near(two.zoom_by(two.step(false), None), LEVELS[1]), "back the way it came");
        // Between levels (after a pinch), "+" goes to the next one up and "-" to the next down.
        let pinched = whole.zoom_by(2.0, None);
        assert!(near(pinched.zoom_by(pinched.step(true), None), LEVELS[1]));
        assert!(near(pinched.zoom_by(pinched.step(false), None), 1.0));
    }

    #[test]
    fn a_view_of_impossible_size_zooms_without_panicking() {
        for (w, h) in [(-500.0, 200.0), (f32::INFINITY, 500.0), (f32::NAN, 500.0), (0.0, 0.0)] {
            let z = Zoom::fit(w, h).zoom_by(1.5, None).zoom_by(1.5, Some([10.0, 10.0])).pan_by(5.0, -5.0);
            assert!(z.scale >= 1.0 && z.scale <= MAX_SCALE, "{w} x {h}: scale {}", z.scale);
            let _ = z.show([1.0, 1.0]).view_box();
        }
        assert_eq!(Zoom::fit(200.0, 500.0).zoom_by(f32::NAN, None).scale, 1.0);
    }

    #[test]
    fn zooming_keeps_the_anchor_still_and_the_box_inside() {
        let z = Zoom::fit(200.0, 500.0).zoom_by(2.0, Some([50.0, 100.0]));
        let [x, y, w, h] = z.view_box();
        assert_eq!((w, h), (100.0, 250.0));
        // The anchor sits at the same fraction of the box as it did of the whole view.
        assert!(((50.0 - x) / w - 50.0 / 200.0).abs() < 1e-4);
        assert!(((100.0 - y) / h - 100.0 / 500.0).abs() < 1e-4);
        let edge = Zoom::fit(200.0, 500.0).zoom_by(4.0, Some([0.0, 0.0]));
        assert_eq!(edge.view_box()[..2], [0.0, 0.0]);
    }

    #[test]
    fn scale_and_pan_are_bounded() {
        let z = Zoom::fit(200.0, 500.0);
        assert_eq!(z.zoom_by(0.5, None), z, "cannot zoom out past the whole view");
        assert_eq!(z.zoom_by(100.0, None).scale, MAX_SCALE);
        let panned = z.zoom_by(2.0, None).pan_by(-1000.0, 1000.0);
        assert_eq!(panned.view_box(), [0.0, 250.0, 100.0, 250.0]);
        assert_eq!(z.pan_by(30.0, 30.0), z, "nothing to pan when the whole view shows");
    }

    #[test]
    fn showing_a_point_recentres_only_when_needed() {
        let z = Zoom::fit(200.0, 500.0).zoom_by(4.0, Some([100.0, 250.0]));
        assert_eq!(z.show([100.0, 250.0]), z);
        let moved = z.show([20.0, 480.0]);
        let [x, y, w, h] = moved.view_box();
        assert!(20.0 >= x && 20.0 <= x + w && 480.0 >= y && 480.0 <= y + h);
    }
}
