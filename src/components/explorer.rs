//! The body map page. It owns the page's state (the selection, in the URL, and how it is
//! shown) and lays out its pieces: search, the figure (`figures`), the answer (`answer`), the
//! comparison and the muscle list. On a phone the figure shows one view at a time and the answer
//! is a sheet over the bottom of the screen; on a desktop they stand side by side.

mod answer;
mod figures;
mod guides;
mod presentation;

use super::body_figure::Mode;
use super::compare_view::CompareView;
use super::muscle_list::MuscleList;
use super::search_box::SearchBox;
use crate::app::history::url_selection;
use crate::highlight::Highlight;
use crate::model::{Atlas, LazyIndex, MuscleId, Side, ViewId, ZoneId};
use crate::url_state::Selection;
use answer::{AnswerPanel, Sheet};
use figures::FigureArea;
use guides::Guides;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use presentation::{present_with_keys, PresentingBar};
use std::sync::Arc;

/// The page's state, shared by its pieces. Every field is a signal, so this is `Copy`.
#[derive(Clone, Copy)]
struct Ui {
    selection: RwSignal<Selection>,
    /// What the figure shows for the selection (and a previewed candidate).
    highlight: Memo<Highlight>,
    /// A candidate being hovered or focused: its pattern is laid over the drawing.
    preview: RwSignal<Option<(MuscleId, Side)>>,
    mode: RwSignal<Mode>,
    mirrored: RwSignal<bool>,
    /// Whether a finger dragged over the body paints (otherwise it scrolls).
    draw: RwSignal<bool>,
    /// The one view a phone shows.
    view: RwSignal<ViewId>,
    sheet: RwSignal<Sheet>,
    presenting: RwSignal<bool>,
    on_zone: Callback<(ZoneId, Side)>,
    on_paint: Callback<((ZoneId, Side), bool, bool)>,
    /// Whether a pointer is painting across zones: the answer waits for the stroke's end
    /// rather than being rebuilt between the frames of the stroke.
    stroke: RwSignal<bool>,
    on_stroke_end: Callback<()>,
    on_muscle: Callback<(MuscleId, Side)>,
}

#[component]
pub fn Explorer(atlas: Arc<Atlas>) -> impl IntoView {
    let selection = url_selection();
    // Built after the body is first painted (or when a drawing or a search needs it first).
    let index = Arc::new(LazyIndex::new(atlas.clone()));
    crate::app::mark("explorer:start");
    request_animation_frame({
        let index = index.clone();
        move || {
            set_timeout(
                move || {
                    if !index.is_built() {
                        let _ = &**index;
                    }
                },
                std::time::Duration::ZERO,
            )
        }
    });
    resolve_links(&atlas, selection);
    let preview = RwSignal::new(None::<(MuscleId, Side)>);
    Effect::new(move |_| {
        selection.track();
        // Set only when there is one: setting it recomputes what the figure shows.
        if preview.with_untracked(Option::is_some) {
            preview.set(None);
        }
    });
    let highlight = Memo::new({
        let atlas = atlas.clone();
        move |_| {
            selection.with(|s| match preview.get() {
                Some(p) => Highlight::with_preview(&atlas, s, &p),
                None => Highlight::of(&atlas, s),
            })
        }
    });
    // The panels' actions (save the figure) read what is shown from here.
    provide_context(atlas.clone());
    crate::components::texts::provide(&atlas);
    provide_context(highlight);

    // A phone opening on a muscle shows the view that shows it best from the start: that view is
    // drawn first, and the others only once the body is on screen.
    let on_muscle = selection.with_untracked(|s| matches!(s, Selection::Muscle { .. } | Selection::Candidate { .. }));
    let first_view = if on_muscle && is_phone() {
        highlight.with_untracked(|h| h.best_view(&atlas.figure, ViewId::Front))
    } else {
        ViewId::Front
    };
    let stroke = RwSignal::new(false);
    let ui = Ui {
        selection,
        highlight,
        preview,
        mode: RwSignal::new(Mode::Pain),
        mirrored: crate::app::history::stored_flag("trigger-atlas:mirror"),
        draw: RwSignal::new(false),
        view: RwSignal::new(first_view),
        sheet: RwSignal::new(Sheet::Peek),
        presenting: RwSignal::new(false),
        // Tapping a zone adds it to the drawing or takes it out; a muscle on screen gives way.
        on_zone: Callback::new(move |zone| selection.update(|s| *s = s.toggle(zone))),
        on_paint: Callback::new(move |(zone, on, continuing): ((ZoneId, Side), bool, bool)| {
            if stroke.get_untracked() != continuing {
                stroke.set(continuing);
            }
            let next = selection.with_untracked(|s| s.with_zone(zone, on));
            if selection.with_untracked(|s| *s != next) {
                if continuing {
                    crate::app::history::replace_next_entry();
                }
                selection.set(next);
            }
        }),
        stroke,
        on_stroke_end: Callback::new(move |_| {
            if stroke.get_untracked() {
                stroke.set(false);
            }
        }),
        on_muscle: Callback::new(move |(id, side)| selection.set(Selection::Muscle { id, side })),
    };
    follow_selection(&atlas, ui);
    keep_chosen_in_sight(ui);
    let step = present_with_keys(&atlas, ui);

    // What is chosen from search or the muscle list, or opened from a link, is shown on the
    // figure, which scrolls into view. Choosing a place from search starts a fresh drawing.
    let on_pick_zone = Callback::new(move |(id, side): (ZoneId, Side)| {
        selection.set(Selection::Zone { id, side });
        show_figure(false);
    });
    let on_pick_muscle = Callback::new(move |key| {
        ui.on_muscle.run(key);
        show_figure(false);
    });
    let on_list_muscle = Callback::new(move |key| {
        ui.on_muscle.run(key);
        show_figure(true);
    });
    if !selection.with_untracked(|s| matches!(s, Selection::Nothing)) {
        request_animation_frame(|| show_figure(false));
    }
    let compare = {
        let atlas = atlas.clone();
        move || match selection.get() {
            Selection::Compare { muscles } => Some(view! {
                <CompareView
                    atlas=atlas.clone()
                    muscles=muscles
                    selection=selection
                    on_muscle=ui.on_muscle
                    on_present=Callback::new(move |_| ui.presenting.set(true))
                />
            }),
            _ => None,
        }
    };
    let comparing = move || matches!(selection.get(), Selection::Compare { .. });

    view! {
        <PatternDefs />
        <PresentingBar presenting=ui.presenting step=step />
        <Guides atlas=atlas.clone() selection=selection />
        <div class=move || if comparing() { "explorer explorer--comparing" } else { "explorer" }>
            <div class="explorer__search">
                <SearchBox atlas=atlas.clone() index=index.clone() on_muscle=on_pick_muscle on_zone=on_pick_zone />
            </div>
            <FigureArea atlas=atlas.clone() ui=ui />
            <AnswerPanel atlas=atlas.clone() index=index ui=ui />
            {compare}
            <MuscleList atlas=atlas on_muscle=on_list_muscle />
        </div>
    }
}

pub(super) use crate::app::is_phone;

/// Scroll the figure to the top of the screen: on a phone, where the search above it and the
/// answer sheet leave it little room, always; on a desktop, from far down the page.
fn show_figure(from_far: bool) {
    let Some(window) = web_sys::window() else { return };
    let phone = is_phone();
    if !(phone || from_far) {
        return;
    }
    if let Some(el) = window.document().and_then(|d| d.get_element_by_id("body-map")) {
        el.scroll_into_view();
    }
}

/// A link, saved drawing or search that names a divided zone draws its parts instead; a
/// comparison link naming a muscle we do not have compares the others.
fn resolve_links(atlas: &Arc<Atlas>, selection: RwSignal<Selection>) {
    let atlas = atlas.clone();
    Effect::new(move |_| {
        if let Some(resolved) = selection.with(|s| s.resolved(&atlas)) {
            crate::app::history::replace_next_entry();
            selection.set(resolved);
        }
    });
}

/// What the rest of the page does when the selection changes: choosing a muscle (from a list,
/// a link or the figure) puts the figure in muscle mode and, on a phone, on the view that shows
/// it best; choosing a zone puts it in pain mode; any answer opens the phone's answer sheet.
/// Each is set only when it changes: every view restyles itself when the mode is set.
fn follow_selection(atlas: &Arc<Atlas>, ui: Ui) {
    let Ui { selection, highlight, mode, view, sheet, draw, .. } = ui;
    Effect::new(move |_| {
        let next = match selection.get() {
            Selection::Muscle { .. } => Mode::Muscles,
            // A candidate is shown over the drawing, which taps go on adding to.
            Selection::Zone { .. } | Selection::Drawing { .. } | Selection::Candidate { .. } => Mode::Pain,
            Selection::Nothing | Selection::Page { .. } | Selection::Compare { .. } => return,
        };
        if mode.get_untracked() != next {
            mode.set(next);
        }
    });
    let atlas = atlas.clone();
    Effect::new(move |_| {
        if !selection.with(|s| matches!(s, Selection::Muscle { .. } | Selection::Candidate { .. })) {
            return;
        }
        // Only a phone shows one view; on a desktop, switching it would only restyle the figure.
        if !is_phone() {
            return;
        }
        let best = highlight.with_untracked(|h| h.best_view(&atlas.figure, view.get_untracked()));
        if best != view.get_untracked() {
            view.set(best);
        }
    });
    // While a finger paints, the sheet stays down out of its way; it comes up when draw mode
    // is switched off (or tapped).
    Effect::new(move |_| {
        if draw.get() {
            return;
        }
        let next = selection.with(|s| match (s, sheet.get_untracked()) {
            (Selection::Nothing, _) => Sheet::Peek,
            // A guide is long reading.
            (Selection::Page { .. }, _) => Sheet::Full,
            (_, Sheet::Peek) => Sheet::Open,
            (_, other) => other,
        });
        if next != sheet.get_untracked() {
            sheet.set(next);
        }
    });
}

/// On a phone, the answer sheet covers the lower part of the screen: when what was just chosen
/// would be under it (the area tapped, or a muscle's trigger point marks, low on the body), the
/// page scrolls it up into sight, and with a muscle as much of its essential pain area as fits
/// (`scroll::scroll_up`), so the patient sees both.
fn keep_chosen_in_sight(ui: Ui) {
    let Ui { selection, draw, .. } = ui;
    Effect::new(move |_| {
        let (selector, pattern) = selection.with(|s| match s {
            Selection::Muscle { .. } | Selection::Candidate { .. } => {
                (Some(".explorer__view--shown [data-trigger-point]".to_string()), true)
            }
            _ => (
                s.drawn().last().map(|(zone, side)| {
                    format!(".explorer__view--shown [data-zone=\"{zone}\"][data-side=\"{}\"]", side.as_str())
                }),
                false,
            ),
        });
        let Some(selector) = selector else { return };
        if draw.get_untracked() || !is_phone() {
            return;
        }
        request_animation_frame(move || {
            let Some(window) = web_sys::window() else { return };
            let Some(document) = window.document() else { return };
            let Some(must) = document.query_selector_all(&selector).ok().and_then(|found| span_of(&found)) else { return };
            // The essential area's one shape, when it has any on this view.
            let rather = pattern
                .then(|| document.query_selector(".explorer__view--shown .layer--essential").ok().flatten())
                .flatten()
                .filter(|el| el.get_attribute("d").is_some_and(|d| !d.is_empty()))
                .map(|el| {
                    let r = el.get_bounding_client_rect();
                    (r.top(), r.bottom())
                });
            // The open sheet's top (42% of the screen high, in style.css), with a margin; the
            // view switch stays on top of the page.
            let height = window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
            let up = crate::scroll::scroll_up(must, rather, height * 0.58 - 16.0, 64.0);
            if up > 0.0 {
                window.scroll_by_with_x_and_y(0.0, up);
            }
        });
    });
}

/// The vertical extent on screen of the elements found, if any.
fn span_of(found: &web_sys::NodeList) -> Option<crate::scroll::Span> {
    let rects: Vec<web_sys::DomRect> = (0..found.length())
        .filter_map(|i| found.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .map(|e| e.get_bounding_client_rect())
        .collect();
    Some((rects.iter().map(|r| r.top()).reduce(f64::min)?, rects.iter().map(|r| r.bottom()).reduce(f64::max)?))
}

/// The spillover stipple shared by every view, so spillover differs from the solid essential
/// area by more than colour.
#[component]
fn PatternDefs() -> impl IntoView {
    view! {
        <svg class="pattern-defs" width="0" height="0" aria-hidden="true" focusable="false">
            <defs>
                <pattern id="pattern-spillover" width="3" height="3" patternUnits="userSpaceOnUse">
                    <rect width="3" height="3" class="pattern-spillover__base"></rect>
                    <circle cx="1.5" cy="1.5" r="0.55" class="pattern-spillover__dot"></circle>
                </pattern>
            </defs>
        </svg>
    }
}
