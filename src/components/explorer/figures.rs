//! The figure area: what a tap chooses (zones or muscles), mirroring, draw mode and starting
//! over; the switch between views (on a phone, which shows one view at a time); the views; the
//! key.

use super::Ui;
use crate::components::body_figure::{BodyFigure, Mode};
use crate::components::legend::Legend;
use crate::model::{Atlas, ViewId};
use crate::url_state::Selection;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use std::sync::Arc;

#[component]
pub fn FigureArea(atlas: Arc<Atlas>, ui: Ui) -> impl IntoView {
    let Ui { selection, highlight, mode, mirrored, draw, view, .. } = ui;
    let mode_button = move |m: Mode, text: &'static str| {
        view! {
            <button class="segmented__option" aria-pressed=move || (mode.get() == m).to_string() on:click=move |_| mode.set(m)>
                {text}
            </button>
        }
    };

    // The views on screen are drawn first (a phone shows one, a desktop front and back first);
    // the others, which hold as many shapes again, are built once that first frame is on screen
    // (built in a frame callback, they held back the frame that first shows the body).
    let rest_drawn = RwSignal::new(false);
    crate::app::after_next_paint(move || {
        let _ = rest_drawn.try_set(true);
    });
    let figure = {
        let atlas = atlas.clone();
        move |v: ViewId| {
            view! {
                <div class="explorer__view" data-view=v.as_str() class:explorer__view--shown=move || view.get() == v>
                    <BodyFigure
                        atlas=atlas.clone()
                        view=v
                        highlight=highlight
                        mode=mode.into()
                        mirrored=mirrored.into()
                        draw=draw
                        on_zone=ui.on_zone
                        on_paint=ui.on_paint
                        on_stroke_end=ui.on_stroke_end
                        on_muscle=ui.on_muscle
                    />
                </div>
            }
        }
    };
    let first: Vec<ViewId> = if super::is_phone() {
        vec![view.get_untracked()]
    } else {
        vec![ViewId::Front, ViewId::Back]
    };
    // In their usual order either way.
    let figures = ViewId::ALL
        .into_iter()
        .map(|v| {
            if first.contains(&v) {
                figure(v).into_any()
            } else {
                let figure = figure.clone();
                (move || rest_drawn.get().then(|| figure(v))).into_any()
            }
        })
        .collect_view();

    view! {
        <section class="explorer__map" id="body-map" aria-label="Body map">
            <div class="explorer__tools no-print">
                <div class="segmented" role="group" aria-label="A tap on the body chooses">
                    {mode_button(Mode::Pain, "Where it hurts")}
                    {mode_button(Mode::Muscles, "Muscles")}
                </div>
                <button
                    class="toggle"
                    aria-pressed=move || mirrored.get().to_string()
                    title="Flip the figure: as you face the patient, or as the patient sees themselves in a mirror"
                    on:click=move |_| mirrored.update(|m| *m = !*m)
                >
                    "Mirror"
                </button>
                // On a touch screen a finger scrolls the page; in draw mode it paints instead.
                <button
                    class="toggle toggle--draw"
                    aria-pressed=move || draw.get().to_string()
                    title="Drag a finger across the body to paint where it hurts"
                    hidden=move || mode.get() != Mode::Pain
                    on:click=move |_| draw.update(|d| *d = !*d)
                >
                    "Draw"
                </button>
                <button
                    class="toggle toggle--start-over"
                    data-testid="start-over"
                    hidden=move || selection.with(|s| matches!(s, Selection::Nothing))
                    on:click=move |_| selection.set(Selection::Nothing)
                >
                    "Start over"
                </button>
            </div>
            <ViewSwitch atlas=atlas.clone() ui=ui />
            <p id="figure-keys" class="visually-hidden">"On the figure, the arrow keys move between areas, and Enter or Space chooses one."</p>
            <div class="explorer__figures">{figures}</div>
            <Legend />
        </section>
    }
}

/// The views, as buttons: a phone shows the one pressed. A dot marks the views that show
/// something of the selection.
#[component]
fn ViewSwitch(atlas: Arc<Atlas>, ui: Ui) -> impl IntoView {
    let Ui { highlight, view, .. } = ui;
    // Worked out after the tap's frame is painted: the dots can wait a frame, the figure cannot.
    let shown = RwSignal::new([false; 7]);
    Effect::new(move |_| {
        highlight.track();
        let atlas = atlas.clone();
        crate::app::after_next_paint(move || {
            let next = highlight
                .with_untracked(|h| ViewId::ALL.map(|v| atlas.figure.view(v).is_some_and(|fv| h.is_shown_on(fv))));
            if shown.get_untracked() != next {
                shown.set(next);
            }
        });
    });
    let buttons = ViewId::ALL
        .into_iter()
        .enumerate()
        .map(|(i, v)| {
            view! {
                <button
                    class="view-switch__option"
                    data-view-tab=v.as_str()
                    aria-pressed=move || (view.get() == v).to_string()
                    on:click=move |_| view.set(v)
                >
                    {v.short_label()}
                    <span class="view-switch__dot" hidden=move || !shown.with(|s| s[i])>
                        <span class="visually-hidden">" (shows the selection)"</span>
                    </span>
                </button>
            }
        })
        .collect_view();
    // The seven do not all fit across a phone: the chosen one is scrolled into sight.
    let row = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |first: Option<()>| {
        let v = view.get();
        // The row starts scrolled to its start: measuring it then would only force a layout
        // before the body is first painted.
        if first.is_none() && v == ViewId::Front {
            return;
        }
        let Some(row) = row.get() else { return };
        let tab = row
            .query_selector(&format!("[data-view-tab=\"{}\"]", v.as_str()))
            .ok()
            .flatten()
            .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(tab) = tab {
            let middle = tab.offset_left() + tab.offset_width() / 2 - row.offset_left();
            row.set_scroll_left(middle - row.client_width() / 2);
        }
    });
    view! {
        <div class="view-switch no-print" id="view-switch" role="group" aria-label="View of the body" node_ref=row>{buttons}</div>
    }
}
