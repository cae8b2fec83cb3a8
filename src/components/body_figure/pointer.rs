//! Pointer input on a view: where on the view a finger or the mouse is, and the pinch, pan and
//! wheel gestures that zoom it. Strokes that paint zones start in the component.

use crate::model::geometry::Point;
use crate::zoom::Zoom;
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

/// A pointer down on the figure: its id and client position.
pub type Touch = (i32, f32, f32);

pub fn distance(p: &[Touch]) -> f32 {
    ((p[0].1 - p[1].1).powi(2) + (p[0].2 - p[1].2).powi(2)).sqrt()
}

pub fn midpoint(p: &[Touch]) -> Point {
    [(p[0].1 + p[1].1) / 2.0, (p[0].2 + p[1].2) / 2.0]
}

/// How the visible box maps onto the screen: the SVG keeps its aspect ratio inside its element
/// (centred), and may be mirrored.
pub struct Screen {
    left: f32,
    top: f32,
    /// Screen pixels per view unit.
    pub px: f32,
    shown_width: f32,
    view_box: [f32; 4],
    mirrored: bool,
}

impl Screen {
    pub fn of(svg: &web_sys::Element, zoom: Zoom, mirrored: bool) -> Screen {
        let r = svg.get_bounding_client_rect();
        let view_box = zoom.view_box();
        let px = (r.width() as f32 / view_box[2]).min(r.height() as f32 / view_box[3]);
        let (shown_width, shown_height) = (view_box[2] * px, view_box[3] * px);
        Screen {
            left: r.left() as f32 + (r.width() as f32 - shown_width) / 2.0,
            top: r.top() as f32 + (r.height() as f32 - shown_height) / 2.0,
            px,
            shown_width,
            view_box,
            mirrored,
        }
    }

    /// A client (screen) position in view units.
    pub fn to_view(&self, p: Point) -> Point {
        let mut x = p[0] - self.left;
        if self.mirrored {
            x = self.shown_width - x;
        }
        [self.view_box[0] + x / self.px, self.view_box[1] + (p[1] - self.top) / self.px]
    }

    pub fn to_view_delta(&self, d: Point) -> Point {
        [if self.mirrored { -d[0] } else { d[0] } / self.px, d[1] / self.px]
    }
}

/// Pinch with two fingers: scale by the change in their distance around their midpoint, and
/// pan with it.
pub fn pinch(zoom: RwSignal<Zoom>, screen: &Screen, before: &[Touch], after: &[Touch]) {
    let (d0, d1) = (distance(before), distance(after));
    let (m0, m1) = (midpoint(before), midpoint(after));
    let anchor = screen.to_view(m1);
    let [dx, dy] = screen.to_view_delta([m0[0] - m1[0], m0[1] - m1[1]]);
    if d0 > 0.0 {
        zoom.update(|z| *z = z.zoom_by(d1 / d0, Some(anchor)).pan_by(dx, dy));
    }
}

/// Pinching a trackpad, or Ctrl with the wheel, zooms around the pointer.
pub fn wheel(ev: &web_sys::WheelEvent, svg: &web_sys::Element, zoom: RwSignal<Zoom>, mirrored: bool) {
    if !ev.ctrl_key() {
        return;
    }
    ev.prevent_default();
    let screen = Screen::of(svg, zoom.get_untracked(), mirrored);
    let anchor = screen.to_view([ev.client_x() as f32, ev.client_y() as f32]);
    let factor = (-ev.delta_y() as f32 * 0.01).exp();
    zoom.update(|z| *z = z.zoom_by(factor, Some(anchor)));
}

/// +, - and 0 zoom the view whose shape has focus. Returns whether the key was handled.
pub fn zoom_keys(ev: &KeyboardEvent, zoom: RwSignal<Zoom>) -> bool {
    let step: fn(Zoom) -> Zoom = match ev.key().as_str() {
        "+" | "=" => |z| z.zoom_by(z.step(true), None),
        "-" => |z| z.zoom_by(z.step(false), None),
        "0" => |z| z.zoom_by(0.0, None),
        _ => return false,
    };
    zoom.update(|z| *z = step(*z));
    true
}
