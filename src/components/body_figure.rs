//! One view of the body as SVG. The shapes (silhouette, zones, muscles, relief lines) are static
//! markup built once (`render::markup`); a selection lays its pattern and the patient's drawing
//! over them as smooth shapes (`render::layers`) and switches only the shapes whose state
//! changed (`shapes`). Input is handled once for the whole view (`pointer`), not per shape.

mod on_screen;
mod pointer;
mod shapes;

use crate::highlight::Highlight;
use crate::model::geometry::{centroid, coordinate, mark_path, nearest_in_direction, smooth_path, Point};
use crate::model::{Atlas, Depth, MuscleId, Side, ViewId, ZoneId};
use crate::render::layers::{zone_instances, Layers};
use crate::render::markup::{self, zone_state};
use crate::zoom::Zoom;
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use pointer::{pinch, zoom_keys, Screen, Touch};
use shapes::{set_tab_stop, shape_of, update, write_muscle, write_zone};
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// What a click on the figure chooses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Zones: "where does it hurt?"
    Pain,
    /// Muscle shapes.
    Muscles,
}

/// How far outside the outline (in view units) a tap still picks the nearest zone.
const REACH: f32 = 6.0;

fn activates(ev: &KeyboardEvent) -> bool {
    matches!(ev.key().as_str(), "Enter" | " ")
}

/// Arrow keys move focus between the shapes of a layer, so the figure is one stop in the tab
/// order rather than hundreds (a roving tab index): between zones, to the nearest one in the
/// arrow's direction (`centres`, by shape index; mirrored flips left and right); between
/// muscles, in order. Returns whether the key was handled.
fn move_focus(ev: &KeyboardEvent, centres: Option<&[Point]>, mirrored: bool) -> bool {
    let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return false;
    };
    let flip = if mirrored { -1.0 } else { 1.0 };
    let dir = match ev.key().as_str() {
        "ArrowRight" => Some([flip, 0.0]),
        "ArrowLeft" => Some([-flip, 0.0]),
        "ArrowDown" => Some([0.0, 1.0]),
        "ArrowUp" => Some([0.0, -1.0]),
        _ => None,
    };
    if let (Some(dir), Some(centres)) = (dir, centres) {
        let from = el.get_attribute("data-i").and_then(|i| i.parse().ok());
        if let Some(next) = from.and_then(|i| nearest_in_direction(centres, i, dir)) {
            let shape = el.parent_element().and_then(|p| p.query_selector(&format!("[data-i=\"{next}\"]")).ok().flatten());
            if let Some(shape) = shape.and_then(|t| t.dyn_into::<web_sys::SvgElement>().ok()) {
                let _ = shape.focus();
            }
        }
        return true;
    }
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
    /// Draw mode: a finger dragged over the body paints (otherwise it scrolls the page, and a
    /// tap toggles one zone). A mouse or pen always paints as it drags.
    #[prop(optional, into)]
    draw: Signal<bool>,
    /// Prefix for element ids, so several figures of one view can share a page.
    #[prop(optional, into)]
    instance: String,
    /// Toggle a zone in the drawing (keyboard, assistive technology).
    on_zone: Callback<(ZoneId, Side)>,
    /// Paint a zone in (true) or out (false) during a pointer stroke; the last flag says
    /// whether the stroke is continuing (false for the zone it started on).
    on_paint: Callback<((ZoneId, Side), bool, bool)>,
    /// A stroke that painted has ended (lifted, left the figure, or turned into a pinch).
    #[prop(optional)]
    on_stroke_end: Option<Callback<()>>,
    on_muscle: Callback<(MuscleId, Side)>,
) -> impl IntoView {
    let Some(v) = atlas.figure.view(view) else {
        return view! { <p class="status">"This view is missing from the data."</p> }.into_any();
    };
    let v = Arc::new(v.clone());
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

    // The static shapes, built once.
    let zones = Arc::new(zone_instances(&v));
    let zone_markup = markup::zones(&atlas, &zones);
    let muscles = Arc::new(markup::muscles(&atlas, &v));
    let centres: Arc<Vec<Point>> = Arc::new(zones.iter().map(|z| centroid(&z.points)).collect());
    let zone_group = NodeRef::<leptos::svg::G>::new();
    let muscle_group = NodeRef::<leptos::svg::G>::new();
    // The muscle shapes are hidden until the figure is switched to muscles, so they are added
    // once the body is drawn: they were nearly half of the markup parsed before the first paint.
    let muscles_added = RwSignal::new(false);
    crate::app::after_next_paint({
        let (atlas, v, muscles) = (atlas.clone(), v.clone(), muscles.clone());
        move || {
            // The view may be gone by then (a comparison whose muscles were resolved).
            if let Some(g) = muscle_group.try_get_untracked().flatten() {
                g.set_inner_html(&markup::muscle_shapes(&atlas, &v, &muscles));
                let _ = muscles_added.try_set(true);
            }
        }
    });

    // What the view shows of the selection: at once on screen, a frame later off it.
    let figure = NodeRef::<leptos::html::Figure>::new();
    let shown = on_screen::follow_when_seen(figure, highlight);
    // What the selection lays over the view, and whether it shows anything here at all (a
    // printed handout leaves out empty views).
    let layers = Memo::new({
        let zones = zones.clone();
        move |_| shown.with(|h| Layers::of(&zones, h))
    });
    let has_content = Memo::new(move |_| {
        !layers.with(Layers::is_empty) || shown.with(|h| h.marks.iter().any(|m| m.view == view))
    });

    // Switch the shapes whose state changed, and nothing else.
    let shown_zones = StoredValue::new(vec![("none", false); zones.len()]);
    let shown_muscles = StoredValue::new(muscles.iter().map(|m| (m.deep, false)).collect::<Vec<_>>());
    Effect::new({
        let (zones, muscles) = (zones.clone(), muscles.clone());
        move |_| {
            let (Some(zg), Some(mg)) = (zone_group.get(), muscle_group.get()) else { return };
            let muscles_there = muscles_added.get();
            shown.with(|h| {
                shown_zones.update_value(|shown| update(&zg, shown, zones.iter().map(|z| zone_state(h, z)), write_zone));
                if muscles_there {
                    shown_muscles.update_value(|shown| {
                        let next = muscles.iter().map(|m| (m.deep, h.is_muscle_selected(&m.muscle, m.side)));
                        update(&mg, shown, next, write_muscle)
                    });
                }
            });
        }
    });
    // One shape of the active layer is in the tab order (a roving tab index).
    let roving_zone = StoredValue::new(0usize);
    let roving_muscle = StoredValue::new(0usize);
    Effect::new(move |_| {
        let pain = mode.get() == Mode::Pain;
        muscles_added.track();
        if let (Some(zg), Some(mg)) = (zone_group.get(), muscle_group.get()) {
            set_tab_stop(&zg, roving_zone.get_value(), pain);
            set_tab_stop(&mg, roving_muscle.get_value(), !pain);
        }
    });

    // While a finger or the mouse button is down in pain mode, zones passed over are painted
    // in (or rubbed out, if the stroke started on a drawn zone).
    let painting = RwSignal::new(None::<bool>);
    let end_stroke = move || {
        if painting.get_untracked().is_some() {
            painting.set(None);
            if let Some(ended) = on_stroke_end {
                ended.run(());
            }
        }
    };
    // The zone a stroke started on, and how: undone if a second finger turns it into a pinch.
    let stroke_start = StoredValue::new(None::<((ZoneId, Side), bool)>);
    // Pointers down on the figure, for pinch and pan.
    let pointers = StoredValue::new(Vec::<Touch>::new());
    // A finger down outside draw mode: it becomes a tap (answered on click) or a scroll, never
    // a stroke, so a swipe over the body scrolls the page and paints nothing.
    let tapping = StoredValue::new(false);
    let zoom = RwSignal::new(Zoom::fit(v.width, v.height));

    let is_zone = |el: &web_sys::Element| el.has_attribute("data-zone");
    let zone_key = {
        let zones = zones.clone();
        move |i: usize| zones.get(i).map(|z| (z.zone.clone(), z.side))
    };
    // A stroke starts on the zone under the pointer, or on the nearest one when the tap lands
    // just outside the outline.
    let start_stroke = {
        let (v, zone_key) = (v.clone(), zone_key.clone());
        move |ev: &web_sys::PointerEvent| {
            if mode.get_untracked() != Mode::Pain || ev.button() != 0 || pointers.with_value(|p| !p.is_empty()) {
                return;
            }
            if ev.pointer_type() == "touch" && !draw.get_untracked() {
                tapping.set_value(true);
                return;
            }
            let key = match shape_of(ev.target()) {
                Some((el, i)) if is_zone(&el) => {
                    // Touch captures the pointer to this zone; release it so the stroke can
                    // move on to the zones beneath the finger.
                    let _ = el.release_pointer_capture(ev.pointer_id());
                    zone_key(i)
                }
                Some(_) => None,
                None => ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|svg| {
                    let screen = Screen::of(&svg, zoom.get_untracked(), mirrored.get_untracked());
                    v.zone_near(screen.to_view([ev.client_x() as f32, ev.client_y() as f32]), REACH)
                }),
            };
            let Some(key) = key else { return };
            let on = !highlight.with_untracked(|h| h.is_drawn(&key));
            painting.set(Some(on));
            stroke_start.set_value(Some((key.clone(), on)));
            on_paint.run((key, on, false));
        }
    };
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
        start_stroke(&ev);
        let id = ev.pointer_id();
        pointers.update_value(|p| {
            p.retain(|q| q.0 != id);
            p.push((id, ev.client_x() as f32, ev.client_y() as f32));
        });
        if pointers.with_value(|p| p.len()) == 2 {
            // A second finger starts a pinch, not a stroke.
            if let Some((key, on)) = stroke_start.get_value() {
                on_paint.run((key, !on, true));
            }
            end_stroke();
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
        let after = pointers.get_value();
        let Some(svg) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        if before.len() >= 2 && after.len() >= 2 {
            pinch(zoom, &Screen::of(&svg, zoom.get_untracked(), mirrored.get_untracked()), &before, &after);
        } else if painting.get_untracked().is_some() {
            paint_at(&ev);
        } else if zoom.get_untracked().is_zoomed()
            && (mode.get_untracked() == Mode::Muscles || tapping.get_value())
            && ev.buttons() != 0
        {
            // Drag to pan a magnified view.
            if let Some(&(_, px, py)) = before.iter().find(|q| q.0 == id) {
                let screen = Screen::of(&svg, zoom.get_untracked(), mirrored.get_untracked());
                let [dx, dy] = screen.to_view_delta([px - x, py - y]);
                zoom.update(|z| *z = z.pan_by(dx, dy));
            }
        }
    };
    let on_pointer_end = move |ev: web_sys::PointerEvent| {
        pointers.update_value(|p| p.retain(|q| q.0 != ev.pointer_id()));
        // A scroll cancels the pointer: no click follows, and the next one starts afresh.
        if ev.type_() == "pointercancel" {
            tapping.set_value(false);
        }
        end_stroke();
        stroke_start.set_value(None);
    };
    let on_wheel = move |ev: web_sys::WheelEvent| {
        if let Some(svg) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            pointer::wheel(&ev, &svg, zoom, mirrored.get_untracked());
        }
    };
    let muscle_key = {
        let muscles = muscles.clone();
        move |i: usize| muscles.get(i).map(|m| (m.muscle.clone(), m.side))
    };
    let on_click = {
        let (v, zone_key, muscle_key) = (v.clone(), zone_key.clone(), muscle_key.clone());
        move |ev: web_sys::MouseEvent| {
            let tap = tapping.get_value();
            tapping.set_value(false);
            match shape_of(ev.target()) {
                // Mouse and pen clicks on zones were handled on pointerdown; a finger's tap, or
                // a click with no pointer behind it (assistive technology), toggles here.
                Some((el, i)) if is_zone(&el) => {
                    if let Some(k) = zone_key(i).filter(|_| tap || ev.detail() == 0) {
                        on_zone.run(k);
                    }
                }
                Some((_, i)) => {
                    if let Some(k) = muscle_key(i) {
                        on_muscle.run(k);
                    }
                }
                // A tap just outside the outline picks the nearest zone.
                None if tap => {
                    let Some(svg) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
                    let screen = Screen::of(&svg, zoom.get_untracked(), mirrored.get_untracked());
                    if let Some(k) = v.zone_near(screen.to_view([ev.client_x() as f32, ev.client_y() as f32]), REACH) {
                        on_zone.run(k);
                    }
                }
                None => {}
            }
        }
    };
    // A press focuses the shape under it, and focus needs the page laid out: right after the
    // press changed the figure, that forced a style and layout pass of 2-3 ms into the tap's
    // frame. The shape is focused once the frame is drawn instead, as it would have been.
    let on_mouse_down = move |ev: web_sys::MouseEvent| {
        if ev.button() != 0 {
            return;
        }
        if let Some((el, _)) = shape_of(ev.target()) {
            ev.prevent_default();
            crate::app::after_next_paint(move || {
                if let Ok(el) = el.dyn_into::<web_sys::SvgElement>() {
                    let options = web_sys::FocusOptions::new();
                    options.set_prevent_scroll(true);
                    let _ = el.focus_with_options(&options);
                }
            });
        }
    };
    let on_keydown = {
        let centres = centres.clone();
        move |ev: KeyboardEvent| {
            let Some((el, i)) = shape_of(ev.target()) else { return };
            if activates(&ev) {
                ev.prevent_default();
                if is_zone(&el) {
                    if let Some(k) = zone_key(i) {
                        on_zone.run(k);
                    }
                } else if let Some(k) = muscle_key(i) {
                    on_muscle.run(k);
                }
            } else if move_focus(&ev, is_zone(&el).then_some(centres.as_slice()), mirrored.get_untracked())
                || zoom_keys(&ev, zoom)
            {
                ev.prevent_default();
            }
        }
    };
    let on_focus = move |ev: web_sys::FocusEvent| {
        let Some((el, i)) = shape_of(ev.target()) else { return };
        let (roving, group) = if is_zone(&el) { (roving_zone, zone_group) } else { (roving_muscle, muscle_group) };
        if let Some(g) = group.get_untracked() {
            set_tab_stop(&g, roving.get_value(), false);
            set_tab_stop(&g, i, true);
        }
        roving.set_value(i);
        if is_zone(&el) {
            if let Some(&c) = centres.get(i) {
                // A click focuses the zone it chose: most are in sight, and an unchanged zoom
                // should not restyle the view in the tap's frame.
                let now = zoom.get_untracked();
                let next = now.show(c);
                if next != now {
                    zoom.set(next);
                }
            }
        }
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
    let lower = v.label.to_lowercase();
    // Zooming in from the whole view goes to what is chosen there (its marks, the drawing),
    // found when the button is pressed rather than on every change.
    let focus = {
        let v = v.clone();
        move |span: f32| highlight.with_untracked(|h| h.focus_on(&v, span))
    };
    let zoom_in = view! {
        <button
            class="zoom-controls__button"
            aria-label=format!("Zoom in on the {lower} view")
            disabled={move || zoom.get().scale >= crate::zoom::MAX_SCALE}
            on:click=move |_| {
                let now = zoom.get_untracked();
                let to = focus(now.view_box()[2] / now.step(true));
                let down = figure.get_untracked().map_or(0.5, |f| on_screen::middle_in_sight(&f));
                zoom.update(|z| {
                    *z = match to {
                        Some(p) if !z.is_zoomed() => z.zoom_to(z.step(true), p, down),
                        _ => z.zoom_by(z.step(true), None),
                    }
                })
            }
        >
            "+"
        </button>
    };
    let zoom_controls = view! {
        <div class="zoom-controls no-print" role="group" aria-label=format!("Zoom the {lower} view")>
            {zoom_in}
            {zoom_button("\u{2212}", format!("Zoom out of the {lower} view"), |z| z.zoom_by(z.step(false), None), |z| z.is_zoomed())}
            {zoom_button("\u{21ba}", format!("Show the whole {lower} view"), |z| z.zoom_by(0.0, None), |z| z.is_zoomed())}
        </div>
    };

    let marks = move || {
        shown.with(|h| {
            h.marks
                .iter()
                .filter(|m| m.view == view)
                .map(|m| {
                    let d = mark_path(m.point);
                    view! {
                        <g class="mark" data-trigger-point=m.id.clone() data-side=m.side.as_str() role="img" aria-label=m.label.clone()>
                            <path class="mark__halo" d=d.clone()></path>
                            <path class="mark__x" d=d></path>
                        </g>
                    }
                })
                .collect_view()
        })
    };

    let view_box = move || {
        let [x, y, w, h] = zoom.get().view_box();
        format!("{} {} {} {}", coordinate(x), coordinate(y), coordinate(w), coordinate(h))
    };
    let overlay_clip = format!("overlay-{clip}");
    // The chosen muscle, drawn strongly on the overlay (its shape beneath keeps its state for
    // assistive technology and tests, but does not change how it looks).
    let chosen_muscle = {
        let (atlas, v) = (atlas.clone(), v.clone());
        let chosen = Memo::new(move |_| shown.with(|h| h.muscle.clone()));
        move || {
            chosen.with(|c| {
                let Some((id, sides)) = c else { return Vec::new() };
                let Some(m) = atlas.muscle(id) else { return Vec::new() };
                let Some(shape) = m.shape_on(view) else { return Vec::new() };
                let class = if m.depth == Depth::Deep { "chosen-muscle chosen-muscle--deep" } else { "chosen-muscle" };
                sides
                    .iter()
                    .map(|&side| view! { <path class=class d=smooth_path(&v.place(&shape.points, side))></path> })
                    .collect::<Vec<_>>()
            })
        }
    };

    view! {
        <figure
            class=move || if has_content.get() { "body-figure" } else { "body-figure body-figure--empty" }
            data-view=name
            node_ref=figure
        >
            <figcaption class="body-figure__caption">{caption}</figcaption>
            <div class="body-figure__stage">
            <svg
                class=move || {
                    format!(
                        "body-figure__svg body-figure__svg--{}{}{}{}",
                        if mode.get() == Mode::Pain { "pain" } else { "muscles" },
                        if draw.get() { " body-figure__svg--draw" } else { "" },
                        if mirrored.get() { " body-figure__svg--mirrored" } else { "" },
                        if zoom.get().is_zoomed() { " body-figure__svg--zoomed" } else { "" },
                    )
                }
                viewBox=view_box
                data-zoom=move || coordinate(zoom.get().scale)
                on:pointerdown=on_pointer_down
                on:mousedown=on_mouse_down
                on:pointermove=on_pointer_move
                on:pointerup=on_pointer_end
                on:pointercancel=on_pointer_end
                on:pointerleave=on_pointer_end
                on:wheel=on_wheel
                on:click=on_click
                on:keydown=on_keydown
                on:focusin=on_focus
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
                <g class="body-figure__zones" clip-path=format!("url(#{clip})") node_ref=zone_group inner_html=zone_markup></g>
                <path class="body-figure__outline" d=body.clone()></path>
                <g class="body-figure__details" aria-hidden="true" inner_html=markup::details(&v)></g>
                // Muscles are not clipped: a clip path over hundreds of shapes made every
                // pointer event's hit test several milliseconds slower. Outlines stay inside
                // the body by review.
                <g class="body-figure__muscles" node_ref=muscle_group></g>
            </svg>
            <svg
                class=move || if mirrored.get() { "body-figure__overlay body-figure__overlay--mirrored" } else { "body-figure__overlay" }
                viewBox=view_box
                role="group"
                aria-label=format!("Trigger points on the {lower} view")
            >
                <defs>
                    <clipPath id=overlay_clip.clone()>
                        <path d=body.clone()></path>
                    </clipPath>
                </defs>
                <g class="body-figure__layers" clip-path=format!("url(#{overlay_clip})") aria-hidden="true">
                    <path class="layer layer--spillover" d=move || layers.with(|l| l.spillover.clone())></path>
                    <path class="layer layer--essential" d=move || layers.with(|l| l.essential.clone())></path>
                    <path class="layer layer--drawn" d=move || layers.with(|l| l.drawn.clone())></path>
                </g>
                <path class="body-figure__outline" d=body aria-hidden="true"></path>
                <g class="body-figure__chosen" aria-hidden="true">{chosen_muscle}</g>
                <g class="body-figure__marks">{marks}</g>
            </svg>
            </div>
            {zoom_controls}
        </figure>
    }
    .into_any()
}
