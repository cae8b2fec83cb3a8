//! One view of the body as SVG: the silhouette, the zones clipped to it, the muscle shapes and
//! the trigger point marks. Every shape carries data attributes and an accessible name.

use crate::highlight::Highlight;
use crate::model::geometry::{coordinate, polygon_path, smooth_path, Point};
use crate::zoom::Zoom;
use crate::model::{Atlas, Depth, MuscleId, Side, ViewId, ZoneId};
use leptos::ev::KeyboardEvent;
use wasm_bindgen::JsCast;
use leptos::prelude::*;
use std::sync::Arc;

/// What a click on the figure chooses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Zones: "where does it hurt?"
    Pain,
    /// Muscle shapes.
    Muscles,
}

fn activates(ev: &KeyboardEvent) -> bool {
    matches!(ev.key().as_str(), "Enter" | " ")
}

/// Arrow keys move focus between the shapes of a layer, so the figure is one stop in the tab
/// order rather than hundreds (a roving tab index). Returns whether the key was handled.
fn move_focus(ev: &KeyboardEvent) -> bool {
    let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return false;
    };
    let target = match ev.key().as_str() {
        "ArrowRight" | "ArrowDown" => el.next_element_sibling(),
        "ArrowLeft" | "ArrowUp" => el.previous_element_sibling(),
        "Home" => el.parent_element().and_then(|p| p.first_element_child()),
        "End" => el.parent_element().and_then(|p| p.last_element_child()),
        _ => return false,
    };
    if let Some(next) = target.and_then(|t| t.dyn_into::<web_sys::SvgElement>().ok()) {
        let _ = next.focus();
    }
    true
}

#[component]
pub fn BodyFigure(
    atlas: Arc<Atlas>,
    view: ViewId,
    highlight: Memo<Highlight>,
    mode: Signal<Mode>,
    /// Show the view mirrored (as the patient sees themselves in a mirror).
    mirrored: Signal<bool>,
    /// Prefix for element ids, so several figures of one view can share a page.
    #[prop(optional, into)]
    instance: String,
    /// Toggle a zone in the drawing (keyboard, assistive technology).
    on_zone: Callback<(ZoneId, Side)>,
    /// Paint a zone in (true) or out (false) during a pointer stroke; the last flag says
    /// whether the stroke is continuing (false for the zone it started on).
    on_paint: Callback<((ZoneId, Side), bool, bool)>,
    on_muscle: Callback<(MuscleId, Side)>,
) -> impl IntoView {
    let Some(v) = atlas.figure.view(view) else {
        return view! { <p class="status">"This view is missing from the data."</p> }.into_any();
    };
    let name = v.id.as_str();
    let clip = format!("clip-{instance}{name}");
    let body: String = v.silhouettes().iter().map(|o| smooth_path(o)).collect();
    // Mirroring flips the picture left to right, so the caption says which side is which.
    let label = v.label.clone();
    let right_half = v.right_half;
    let caption = move || {
        let right_on_right = (right_half == Side::Right) != mirrored.get();
        format!(
            "{label}: the patient's right is on your {}",
            if right_on_right { "right" } else { "left" }
        )
    };

    // While a finger or the mouse button is down in pain mode, zones passed over are painted
    // in (or rubbed out, if the stroke started on a drawn zone).
    let painting = RwSignal::new(None::<bool>);
    // The zone a stroke started on, and how: undone if a second finger turns it into a pinch.
    let stroke_start = StoredValue::new(None::<((ZoneId, Side), bool)>);
    // Pointers down on the figure (id, client x, client y), for pinch and pan.
    let pointers = StoredValue::new(Vec::<(i32, f32, f32)>::new());
    let zoom = RwSignal::new(Zoom::fit(v.width, v.height));
    // Whether anything is shown on this view: a printed handout leaves out views with nothing.
    let keys: std::collections::BTreeSet<(ZoneId, Side)> =
        v.zone_instances().into_iter().map(|(z, s, _)| (z.clone(), s)).collect();
    let has_content = Memo::new(move |_| {
        highlight.with(|h| {
            h.marks.iter().any(|m| m.view == view)
                || h.zones.keys().any(|k| keys.contains(k))
                || h.drawn.iter().any(|k| keys.contains(k))
        })
    });
    // Which zone and which muscle shape take the figure's place in the tab order.
    let roving_zone = RwSignal::new(0usize);
    let roving_muscle = RwSignal::new(0usize);
    let zones = v
        .zone_instances()
        .into_iter()
        .enumerate()
        .map(|(i, (zone_id, side, poly))| {
            let label = atlas.zone(zone_id).map(|z| z.label(side)).unwrap_or_default();
            let key = (zone_id.clone(), side);
            // One memo per zone: its strength in the shown pattern, and whether it is drawn.
            let look = Memo::new({
                let key = key.clone();
                move |_| {
                    highlight.with(|h| {
                        let drawn = h.is_drawn(&key);
                        let state = match h.zones.get(&key) {
                            Some(s) => s.as_str(),
                            None if drawn => "selected",
                            None => "none",
                        };
                        (state, drawn)
                    })
                }
            });
            let state = move || look.get().0;
            let drawn = Signal::derive(move || look.get().1);
            let (k1, k2, k3) = (key.clone(), key.clone(), key);
            let centre = centroid(&poly);
            view! {
                <path
                    d=polygon_path(&poly)
                    class=move || format!("zone zone--{}{}", state(), if drawn.get() { " zone--drawn" } else { "" })
                    data-zone=zone_id.to_string()
                    data-side=side.as_str()
                    data-state=state
                    data-drawn=move || drawn.get().to_string()
                    role="button"
                    tabindex=move || if mode.get() == Mode::Pain && roving_zone.get() == i { "0" } else { "-1" }
                    on:focus=move |_| {
                        roving_zone.set(i);
                        zoom.update(|z| *z = z.show(centre));
                    }
                    aria-label=label
                    aria-pressed=move || drawn.get().to_string()
                    on:pointerdown=move |ev| {
                        // A second finger starts a pinch, not a stroke.
                        if mode.get_untracked() != Mode::Pain || ev.button() != 0 || pointers.with_value(|p| !p.is_empty()) {
                            return;
                        }
                        // Touch captures the pointer to this zone; release it so the stroke can
                        // move on to the zones beneath the finger.
                        if let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                            let _ = el.release_pointer_capture(ev.pointer_id());
                        }
                        let on = !drawn.get_untracked();
                        painting.set(Some(on));
                        stroke_start.set_value(Some((k1.clone(), on)));
                        on_paint.run((k1.clone(), on, false));
                    }
                    on:click=move |ev| {
                        // Pointer clicks were handled on pointerdown; a click with no pointer
                        // behind it (assistive technology, scripts) toggles here.
                        if ev.detail() == 0 {
                            on_zone.run(k2.clone());
                        }
                    }
                    on:keydown=move |ev| {
                        if activates(&ev) {
                            ev.prevent_default();
                            on_zone.run(k3.clone());
                        } else if move_focus(&ev) || zoom_keys(&ev, zoom) {
                            ev.prevent_default();
                        }
                    }
                ></path>
            }
        })
        .collect_view();

    let paint_at = move |ev: &web_sys::PointerEvent| {
        let Some(on) = painting.get_untracked() else { return };
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
        let Some(el) = doc.element_from_point(ev.client_x() as f32, ev.client_y() as f32) else { return };
        let (Some(zone), Some(side)) = (el.get_attribute("data-zone"), el.get_attribute("data-side")) else {
            return;
        };
        if let Some(side) = Side::parse(&side) {
            on_paint.run(((ZoneId::new(zone), side), on, true));
        }
    };
    let on_pointer_down = move |ev: web_sys::PointerEvent| {
        let id = ev.pointer_id();
        pointers.update_value(|p| {
            p.retain(|q| q.0 != id);
            p.push((id, ev.client_x() as f32, ev.client_y() as f32));
        });
        if pointers.with_value(|p| p.len()) == 2 {
            if let Some((key, on)) = stroke_start.get_value() {
                on_paint.run((key, !on, true));
            }
            painting.set(None);
            stroke_start.set_value(None);
        }
    };
    let on_pointer_move = move |ev: web_sys::PointerEvent| {
        let id = ev.pointer_id();
        let (x, y) = (ev.client_x() as f32, ev.client_y() as f32);
        let before = pointers.get_value();
        pointers.update_value(|p| {
            if let Some(q) = p.iter_mut().find(|q| q.0 == id) {
                (q.1, q.2) = (x, y);
            }
        });
        let Some(svg) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        let geometry = Screen::of(&svg, zoom.get_untracked(), mirrored.get_untracked());
        let after = pointers.get_value();
        if before.len() >= 2 && after.len() >= 2 {
            // Pinch: scale by the change in finger distance around their midpoint; pan with it.
            let (d0, d1) = (distance(&before), distance(&after));
            let (m0, m1) = (midpoint(&before), midpoint(&after));
            let anchor = geometry.to_view(m1);
            let [dx, dy] = geometry.to_view_delta([m0[0] - m1[0], m0[1] - m1[1]]);
            if d0 > 0.0 {
                zoom.update(|z| *z = z.zoom_by(d1 / d0, Some(anchor)).pan_by(dx, dy));
            }
        } else if painting.get_untracked().is_some() {
            paint_at(&ev);
        } else if zoom.get_untracked().is_zoomed() && mode.get_untracked() == Mode::Muscles && (ev.buttons() != 0) {
            // Drag to pan a magnified view.
            if let Some(&(_, px, py)) = before.iter().find(|q| q.0 == id) {
                let [dx, dy] = geometry.to_view_delta([px - x, py - y]);
                zoom.update(|z| *z = z.pan_by(dx, dy));
            }
        }
    };
    let on_pointer_end = move |ev: web_sys::PointerEvent| {
        pointers.update_value(|p| p.retain(|q| q.0 != ev.pointer_id()));
        painting.set(None);
        stroke_start.set_value(None);
    };
    let on_wheel = move |ev: web_sys::WheelEvent| {
        // Pinching a trackpad, or Ctrl with the wheel, zooms around the pointer.
        if !ev.ctrl_key() {
            return;
        }
        ev.prevent_default();
        let Some(svg) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        let geometry = Screen::of(&svg, zoom.get_untracked(), mirrored.get_untracked());
        let anchor = geometry.to_view([ev.client_x() as f32, ev.client_y() as f32]);
        let factor = (-ev.delta_y() as f32 * 0.01).exp();
        zoom.update(|z| *z = z.zoom_by(factor, Some(anchor)));
    };
    let zoom_button = move |text: &'static str, label: String, step: fn(Zoom) -> Zoom, enabled: fn(Zoom) -> bool| {
        view! {
            <button
                class="zoom-controls__button"
                aria-label=label
                disabled=move || !enabled(zoom.get())
                on:click=move |_| zoom.update(|z| *z = step(*z))
            >
                {text}
            </button>
        }
    };
    let zoom_controls = view! {
        <div class="zoom-controls no-print" role="group" aria-label=format!("Zoom the {} view", v.label.to_lowercase())>
            {zoom_button("+", format!("Zoom in on the {} view", v.label.to_lowercase()), |z| z.zoom_by(1.5, None), |z| z.scale < crate::zoom::MAX_SCALE)}
            {zoom_button("\u{2212}", format!("Zoom out of the {} view", v.label.to_lowercase()), |z| z.zoom_by(1.0 / 1.5, None), |z| z.is_zoomed())}
            {zoom_button("\u{21ba}", format!("Show the whole {} view", v.label.to_lowercase()), |z| z.zoom_by(0.0, None), |z| z.is_zoomed())}
        </div>
    };

    // The chosen muscle changes far less often than the highlight (every tap of a zone), so
    // the muscle shapes follow it alone.
    let chosen = Memo::new(move |_| highlight.with(|h| h.muscle.clone()));
    // Deep muscles first, so the superficial ones lie over them.
    let mut drawn: Vec<_> = atlas.muscles.iter().filter_map(|m| m.shape_on(view).map(|s| (m, s))).collect();
    drawn.sort_by_key(|(m, _)| m.depth != Depth::Deep);
    let muscles = drawn
        .into_iter()
        .flat_map(|(m, shape)| [v.right_half, v.right_half.opposite()].map(|side| (m, shape, side)))
        .enumerate()
        .map(|(i, (muscle, shape, side))| {
            let deep = muscle.depth == Depth::Deep;
            let label = format!("{} {}", if side == Side::Left { "Left" } else { "Right" }, muscle.name.to_lowercase());
            let id = muscle.id.clone();
            let (id1, id2) = (id.clone(), id.clone());
            let selected = Memo::new(move |_| {
                chosen.with(|c| c.as_ref().is_some_and(|(m, sides)| *m == id1 && sides.contains(&side)))
            });
            view! {
                <path
                    d=smooth_path(&v.place(&shape.points, side))
                    class=move || {
                        format!(
                            "muscle{}{}",
                            if deep { " muscle--deep" } else { "" },
                            if selected.get() { " muscle--selected" } else { "" },
                        )
                    }
                    data-muscle=id.to_string()
                    data-side=side.as_str()
                    data-depth=if deep { "deep" } else { "superficial" }
                    data-state=move || if selected.get() { "selected" } else { "none" }
                    role="button"
                    tabindex=move || if mode.get() == Mode::Muscles && roving_muscle.get() == i { "0" } else { "-1" }
                    on:focus=move |_| roving_muscle.set(i)
                    aria-label=label
                    aria-pressed=move || selected.get().to_string()
                    on:click=move |_| on_muscle.run((id2.clone(), side))
                    on:keydown={
                        let id = id.clone();
                        move |ev| {
                            if activates(&ev) {
                                ev.prevent_default();
                                on_muscle.run((id.clone(), side));
                            } else if move_focus(&ev) || zoom_keys(&ev, zoom) {
                                ev.prevent_default();
                            }
                        }
                    }
                ></path>
            }
        })
        .collect_view();

    let marks = move || {
        highlight.with(|h| {
            h.marks
                .iter()
                .filter(|m| m.view == view)
                .map(|m| {
                    let [x, y] = m.point;
                    view! {
                        <g
                            class="mark"
                            data-trigger-point=m.id.clone()
                            data-side=m.side.as_str()
                            role="img"
                            aria-label=m.label.clone()
                            transform=format!("translate({} {})", coordinate(x), coordinate(y))
                        >
                            <path class="mark__halo" d="M-2.6,-2.6L2.6,2.6M-2.6,2.6L2.6,-2.6"></path>
                            <path class="mark__x" d="M-2.6,-2.6L2.6,2.6M-2.6,2.6L2.6,-2.6"></path>
                        </g>
                    }
                })
                .collect_view()
        })
    };

    view! {
        <figure
            class=move || if has_content.get() { "body-figure" } else { "body-figure body-figure--empty" }
            data-view=name
        >
            <figcaption class="body-figure__caption">{caption}</figcaption>
            <svg
                class=move || {
                    format!(
                        "body-figure__svg body-figure__svg--{}{}{}",
                        if mode.get() == Mode::Pain { "pain" } else { "muscles" },
                        if mirrored.get() { " body-figure__svg--mirrored" } else { "" },
                        if zoom.get().is_zoomed() { " body-figure__svg--zoomed" } else { "" },
                    )
                }
                viewBox=move || {
                    let [x, y, w, h] = zoom.get().view_box();
                    format!("{} {} {} {}", coordinate(x), coordinate(y), coordinate(w), coordinate(h))
                }
                data-zoom=move || coordinate(zoom.get().scale)
                on:pointerdown=on_pointer_down
                on:pointermove=on_pointer_move
                on:pointerup=on_pointer_end
                on:pointercancel=on_pointer_end
                on:pointerleave=on_pointer_end
                on:wheel=on_wheel
                role="group"
                aria-label=format!("{} view of the body", v.label)
                aria-describedby="figure-keys"
            >
                <defs>
                    <clipPath id=clip.clone()>
                        <path d=body.clone()></path>
                    </clipPath>
                </defs>
                <path class="body-figure__body" d=body.clone()></path>
                <g class="body-figure__zones" clip-path=format!("url(#{clip})")>{zones}</g>
                <path class="body-figure__outline" d=body></path>
                <g class="body-figure__details" aria-hidden="true">
                    {v.detail_paths().into_iter().map(|d| view! { <path d=d></path> }).collect_view()}
                </g>
                <g class="body-figure__muscles">{muscles}</g>
                <g class="body-figure__marks">{marks}</g>
            </svg>
            {zoom_controls}
        </figure>
    }
    .into_any()
}

/// Where a shape's middle is, to bring it into view when it takes keyboard focus.
fn centroid(poly: &[Point]) -> Point {
    let n = poly.len().max(1) as f32;
    [poly.iter().map(|p| p[0]).sum::<f32>() / n, poly.iter().map(|p| p[1]).sum::<f32>() / n]
}

fn distance(p: &[(i32, f32, f32)]) -> f32 {
    ((p[0].1 - p[1].1).powi(2) + (p[0].2 - p[1].2).powi(2)).sqrt()
}

fn midpoint(p: &[(i32, f32, f32)]) -> Point {
    [(p[0].1 + p[1].1) / 2.0, (p[0].2 + p[1].2) / 2.0]
}

/// +, - and 0 zoom the view whose shape has focus.
fn zoom_keys(ev: &KeyboardEvent, zoom: RwSignal<Zoom>) -> bool {
    let step: fn(Zoom) -> Zoom = match ev.key().as_str() {
        "+" | "=" => |z| z.zoom_by(1.5, None),
        "-" => |z| z.zoom_by(1.0 / 1.5, None),
        "0" => |z| z.zoom_by(0.0, None),
        _ => return false,
    };
    zoom.update(|z| *z = step(*z));
    true
}

/// How the visible box maps onto the screen: the SVG keeps its aspect ratio inside its element
/// (centred), and may be mirrored.
struct Screen {
    left: f32,
    top: f32,
    /// Screen pixels per view unit.
    px: f32,
    shown_width: f32,
    view_box: [f32; 4],
    mirrored: bool,
}

impl Screen {
    fn of(svg: &web_sys::Element, zoom: Zoom, mirrored: bool) -> Screen {
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

    fn to_view(&self, p: Point) -> Point {
        let mut x = p[0] - self.left;
        if self.mirrored {
            x = self.shown_width - x;
        }
        [self.view_box[0] + x / self.px, self.view_box[1] + (p[1] - self.top) / self.px]
    }

    fn to_view_delta(&self, d: Point) -> Point {
        [if self.mirrored { -d[0] } else { d[0] } / self.px, d[1] / self.px]
    }
}
