//! The body map page: the two views, the mode switch, and the panel that answers the current
//! selection. The selection lives in the URL.

use super::body_figure::{BodyFigure, Mode};
use super::compare_view::CompareView;
use super::drawing_panel::DrawingPanel;
use super::search_box::SearchBox;
use super::legend::Legend;
use super::muscle_list::MuscleList;
use super::muscle_panel::MusclePanel;
use super::page_view::PageView;
use super::zone_panel::ZonePanel;
use crate::app::history::url_selection;
use crate::highlight::Highlight;
use crate::model::{Atlas, AtlasIndex, MuscleId, Side, ViewId, ZoneId};
use crate::url_state::{Selection, PAIN_GUIDE};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn Explorer(atlas: Arc<Atlas>) -> impl IntoView {
    let selection = url_selection();
    let index = Arc::new(AtlasIndex::new(&atlas));
    // A link, saved drawing or search that names a divided zone draws its parts instead; a
    // comparison link naming a muscle we do not have compares the others.
    Effect::new({
        let atlas = atlas.clone();
        move |_| {
            if let Some(resolved) = selection.with(|s| s.resolved(&atlas)) {
                crate::app::history::replace_next_entry();
                selection.set(resolved);
            }
        }
    });
    // A candidate being hovered or focused: its pattern is laid over the drawing.
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
    provide_context(highlight);
    let mode = RwSignal::new(Mode::Pain);
    let mirrored = crate::app::history::stored_flag("trigger-atlas:mirror");
    let presenting = RwSignal::new(false);
    present_with_keys(&atlas, selection, presenting);
    // Choosing a muscle (from a list, a link or the figure) puts the figure in muscle mode;
    // choosing a zone puts it in pain mode.
    // Set only when it changes: every view restyles itself when the mode is set.
    Effect::new(move |_| {
        let next = match selection.get() {
            Selection::Muscle { .. } => Mode::Muscles,
            Selection::Zone { .. } | Selection::Drawing { .. } => Mode::Pain,
            Selection::Nothing | Selection::Page { .. } | Selection::Compare { .. } => return,
        };
        if mode.get_untracked() != next {
            mode.set(next);
        }
    });

    // Tapping a zone adds it to the drawing or takes it out; a muscle on screen gives way.
    let on_zone = Callback::new(move |zone: (ZoneId, Side)| {
        selection.update(|s| *s = s.toggle(zone));
    });
    let on_paint = Callback::new(move |(zone, on, continuing): ((ZoneId, Side), bool, bool)| {
        let next = selection.with_untracked(|s| s.with_zone(zone, on));
        if selection.with_untracked(|s| *s != next) {
            if continuing {
                crate::app::history::replace_next_entry();
            }
            selection.set(next);
        }
    });
    // Choosing a place from search starts a fresh drawing with it.
    let on_pick_zone = Callback::new(move |(id, side): (ZoneId, Side)| {
        selection.set(Selection::Zone { id, side });
    });
    let on_muscle = Callback::new(move |(id, side): (MuscleId, Side)| {
        selection.set(Selection::Muscle { id, side });
    });
    let on_clear = move |_| selection.set(Selection::Nothing);

    // Front and back are drawn first; the side, head and soles views, which hold as many shapes
    // again, follow on the next frame, so the body appears (and answers taps) sooner.
    let rest_drawn = RwSignal::new(false);
    request_animation_frame(move || rest_drawn.set(true));
    let figure = {
        let atlas = atlas.clone();
        move |v: ViewId| {
            view! {
                <BodyFigure
                    atlas=atlas.clone()
                    view=v
                    highlight=highlight
                    mode=mode.into()
                    mirrored=mirrored.into()
                    on_zone=on_zone
                    on_paint=on_paint
                    on_muscle=on_muscle
                />
            }
        }
    };
    let (first, rest): (Vec<ViewId>, Vec<ViewId>) =
        ViewId::ALL.into_iter().partition(|v| matches!(v, ViewId::Front | ViewId::Back));
    let figures = {
        let now = first.into_iter().map(figure.clone()).collect_view();
        let later = move || rest_drawn.get().then(|| rest.iter().map(|v| figure(*v)).collect_view());
        view! { {now} {later} }
    };

    // The panel follows the selection on the frame after the figure has answered it: a tap
    // paints its zone or pattern at once, and the words, which take longer to lay out, come a
    // frame later rather than holding the figure back.
    let settled = RwSignal::new(selection.get_untracked());
    Effect::new(move |_| {
        let next = selection.get();
        request_animation_frame(move || request_animation_frame(move || settled.set(next)));
    });
    // The panel is rebuilt when what is shown changes kind, not on every zone painted into a
    // drawing (the drawing panel follows the drawing itself).
    let shown = Memo::new({
        let atlas = atlas.clone();
        move |_| match settled.get() {
            s @ Selection::Drawing { .. } if s.not_found(&atlas).is_none() => Selection::Drawing { zones: Vec::new() },
            other => other,
        }
    });
    let panel = {
        let atlas = atlas.clone();
        let index = index.clone();
        move || {
            let sel = shown.get();
            if let Some(message) = sel.not_found(&atlas) {
                return view! {
                    <div class="notice" role="alert" data-testid="not-found">
                        <p>{message}</p>
                        <button class="button" on:click=on_clear>"Back to the body map"</button>
                    </div>
                }
                .into_any();
            }
            match sel {
                Selection::Nothing => view! {
                    <div class="intro">
                        <h2>"Where does it hurt?"</h2>
                        <p>"Tap the places on the body where you feel pain, or drag across them, to see which muscles' trigger points classically send pain there. Or choose a muscle to see where its trigger points refer."</p>
                    </div>
                }
                .into_any(),
                Selection::Muscle { id, side } => view! {
                    <MusclePanel
                        atlas=atlas.clone()
                        id=id
                        side=side
                        on_muscle=on_muscle
                        on_clear=Callback::new(move |_| selection.set(Selection::Nothing))
                        on_compare=Callback::new(move |id| selection.set(Selection::Compare { muscles: vec![id] }))
                        on_present=Callback::new(move |_| presenting.set(true))
                    />
                }
                .into_any(),
                Selection::Zone { id, side } => view! {
                    <ZonePanel atlas=atlas.clone() id=id side=side on_muscle=on_muscle />
                }
                .into_any(),
                Selection::Page { id } => view! {
                    <PageView atlas=atlas.clone() id=id on_muscle=on_muscle />
                }
                .into_any(),
                // Shown full width below; the side panel says so.
                Selection::Compare { .. } => view! {
                    <p class="hint">"Comparing muscles: see below."</p>
                }
                .into_any(),
                Selection::Drawing { .. } => view! {
                    <DrawingPanel
                        atlas=atlas.clone()
                        index=index.clone()
                        zones=Signal::derive(move || selection.with(|s| s.drawn()))
                        on_muscle=on_muscle
                        on_zone=on_zone
                        preview=preview
                        on_clear=Callback::new(move |_| selection.set(Selection::Nothing))
                    />
                }
                .into_any(),
            }
        }
    };

    let compare = {
        let atlas = atlas.clone();
        move || match selection.get() {
            Selection::Compare { muscles } => Some(view! {
                <CompareView atlas=atlas.clone() muscles=muscles selection=selection on_muscle=on_muscle />
            }),
            _ => None,
        }
    };
    let comparing = move || matches!(selection.get(), Selection::Compare { .. });

    let mode_button = move |m: Mode, text: &'static str| {
        view! {
            <button
                class="segmented__option"
                aria-pressed=move || (mode.get() == m).to_string()
                on:click=move |_| mode.set(m)
            >
                {text}
            </button>
        }
    };

    // Guides are links (they can be opened in a new tab) that also set the selection in place.
    let mut guides: Vec<(String, String)> =
        atlas.pages.iter().map(|p| (p.id.clone(), p.title.clone())).collect();
    guides.push((PAIN_GUIDE.to_string(), "Pain guide".to_string()));
    let guide_links = guides
        .into_iter()
        .map(|(id, title)| {
            let href = Selection::Page { id: id.clone() }.to_query();
            let current = {
                let id = id.clone();
                move || selection.with(|s| matches!(s, Selection::Page { id: p } if *p == id)).then_some("page")
            };
            view! {
                <li>
                    <a
                        href=href
                        aria-current=current
                        on:click=move |ev| {
                            ev.prevent_default();
                            selection.set(Selection::Page { id: id.clone() });
                        }
                    >
                        {title}
                    </a>
                </li>
            }
        })
        .collect_view();

    view! {
        <PatternDefs />
        <Show when=move || presenting.get()>
            <div class="presenting-bar" role="region" aria-label="Presentation">
                <span>"Presenting. \u{2190} \u{2192} change muscle, Esc to leave."</span>
                <button class="button" on:click=move |_| presenting.set(false)>"Leave presentation"</button>
            </div>
        </Show>
        <nav class="guides" aria-label="Guides">
            <ul>{guide_links}</ul>
        </nav>
        <div class=move || if comparing() { "explorer explorer--comparing" } else { "explorer" }>
            <section class="explorer__map" aria-label="Body map">
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
                        "Mirror view"
                    </button>
                </div>
                <p id="figure-keys" class="visually-hidden">"On the figure, the arrow keys move between areas, and Enter or Space chooses one."</p>
                <div class="explorer__figures">{figures}</div>
                <Legend />
            </section>
            <section class="explorer__panel">
                <SearchBox atlas=atlas.clone() index=index.clone() on_muscle=on_muscle on_zone=on_pick_zone />
                <div aria-live="polite">{panel}</div>
            </section>
            {compare}
            <MuscleList atlas=atlas.clone() on_muscle=on_muscle />
        </div>
    }
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

/// Presentation mode: a large figure with little around it; the arrow keys step through the
/// muscles in alphabetical order and Escape leaves.
fn present_with_keys(atlas: &Arc<Atlas>, selection: RwSignal<Selection>, presenting: RwSignal<bool>) {
    Effect::new(move |_| {
        let on = presenting.get();
        if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
            let _ = body.class_list().toggle_with_force("presenting", on);
        }
    });
    let order: Vec<MuscleId> = atlas.muscles_by_name().into_iter().map(|m| m.id.clone()).collect();
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if !presenting.get_untracked() {
            return;
        }
        let step: isize = match ev.key().as_str() {
            "ArrowRight" | "PageDown" => 1,
            "ArrowLeft" | "PageUp" => -1,
            "Escape" => {
                presenting.set(false);
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        let (current, side) = match selection.get_untracked() {
            Selection::Muscle { id, side } => (order.iter().position(|m| *m == id), side),
            _ => (None, Side::Midline),
        };
        let n = order.len() as isize;
        let next = match current {
            Some(i) => (i as isize + step).rem_euclid(n) as usize,
            None => 0,
        };
        selection.set(Selection::Muscle { id: order[next].clone(), side });
    });
    on_cleanup(move || handle.remove());
}
