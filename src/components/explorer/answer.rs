//! The answer to the selection: a muscle's page, a drawing's candidates, a zone's muscles, a
//! guide. On a desktop it stands beside the figure; on a phone it is a sheet over the bottom of
//! the screen that opens when there is an answer, so a tap shows it without scrolling.

use super::Ui;
use crate::components::drawing_panel::DrawingPanel;
use crate::components::muscle_panel::MusclePanel;
use crate::components::page_view::PageView;
use crate::components::zone_panel::ZonePanel;
use crate::model::{Atlas, LazyIndex, MuscleId, Side, ZoneId};
use crate::url_state::Selection;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use std::sync::Arc;

/// How far the phone's answer sheet is pulled up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sheet {
    /// Only its first lines.
    Peek,
    /// About half the screen, the figure above it.
    Open,
    /// Nearly the whole screen.
    Full,
}

impl Sheet {
    fn as_str(self) -> &'static str {
        match self {
            Sheet::Peek => "peek",
            Sheet::Open => "open",
            Sheet::Full => "full",
        }
    }

    /// One step up (a finger pulling the handle up) or down.
    fn pulled(self, up: bool) -> Sheet {
        match (self, up) {
            (Sheet::Peek, true) => Sheet::Open,
            (Sheet::Open, true) | (Sheet::Full, true) => Sheet::Full,
            (Sheet::Full, false) => Sheet::Open,
            (Sheet::Open, false) | (Sheet::Peek, false) => Sheet::Peek,
        }
    }

    /// What the sheet's handle does next, and says it does.
    fn next(self) -> (Sheet, &'static str) {
        match self {
            Sheet::Peek => (Sheet::Open, "Show the answer"),
            Sheet::Open => (Sheet::Full, "Show all of the answer"),
            Sheet::Full => (Sheet::Peek, "Show the body map"),
        }
    }
}

#[component]
pub fn AnswerPanel(atlas: Arc<Atlas>, index: Arc<LazyIndex>, ui: Ui) -> impl IntoView {
    let Ui { selection, sheet, presenting, preview, on_muscle, on_zone, stroke, .. } = ui;
    // The panel follows the selection on the frame after the figure has answered it: a tap
    // paints its zone or pattern at once, and the words, which take longer to lay out, come a
    // frame later rather than holding the figure back. While a pointer paints across zones it
    // follows once the stroke ends (rebuilt between the stroke's frames, its layout fell in the
    // next move's frame).
    let settled = RwSignal::new(selection.get_untracked());
    Effect::new(move |_| {
        let next = selection.get();
        if stroke.get() {
            return;
        }
        crate::app::after_next_paint(move || settled.set(next));
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
    let clear = Callback::new(move |_| selection.set(Selection::Nothing));
    // A candidate opens over the drawing, which stays one tap away.
    let on_open = Callback::new(move |(id, side)| {
        let drawing = selection.with_untracked(|s| s.drawn());
        selection.set(Selection::Candidate { id, side, drawing });
    });
    // A muscle's page, alone or under a candidate's bar.
    let muscle_panel = {
        let atlas = atlas.clone();
        move |id: MuscleId, side: Side| {
            view! {
                <MusclePanel
                    atlas=atlas.clone()
                    id=id
                    side=side
                    on_muscle=on_muscle
                    on_clear=clear
                    on_compare=Callback::new(move |id| selection.set(Selection::Compare { muscles: vec![id] }))
                    on_present=Callback::new(move |_| presenting.set(true))
                />
            }
        }
    };
    let panel = {
        let atlas = atlas.clone();
        move || {
            let sel = shown.get();
            if let Some(message) = sel.not_found(&atlas) {
                return view! {
                    <div class="notice" role="alert" data-testid="not-found">
                        <p>{message}</p>
                        <button class="button" on:click=move |_| clear.run(())>"Back to the body map"</button>
                    </div>
                }
                .into_any();
            }
            match sel {
                Selection::Nothing => view! {
                    <div class="intro">
                        <h2>"Where does it hurt?"</h2>
                        <p>"Tap the places on the body where you feel pain to see which muscles' trigger points classically send pain there. Or choose a muscle to see where its trigger points refer."</p>
                        <RestoreOffer atlas=atlas.clone() selection=selection />
                    </div>
                }
                .into_any(),
                Selection::Muscle { id, side } => muscle_panel(id, side).into_any(),
                Selection::Zone { id, side } => view! { <ZonePanel atlas=atlas.clone() id=id side=side on_muscle=on_muscle /> }.into_any(),
                Selection::Page { id } => view! { <PageView atlas=atlas.clone() id=id on_muscle=on_muscle /> }.into_any(),
                // Shown full width below; the side panel says so.
                Selection::Compare { .. } => view! { <p class="hint">"Comparing muscles: see below."</p> }.into_any(),
                Selection::Candidate { id, side, drawing } => view! {
                    <CandidateBar atlas=atlas.clone() index=index.clone() id=id.clone() side=side drawing=drawing selection=selection />
                    {muscle_panel(id, side)}
                }
                .into_any(),
                Selection::Drawing { .. } => view! {
                    <DrawingPanel
                        atlas=atlas.clone()
                        index=index.clone()
                        zones=Signal::derive(move || selection.with(|s| s.drawn()))
                        ranked=Signal::derive(move || settled.with(|s| s.drawn()))
                        on_muscle=on_open
                        on_zone=on_zone
                        preview=preview
                        on_clear=clear
                    />
                }
                .into_any(),
            }
        }
    };
    // Where a finger went down on the sheet's handle, and whether it pulled (then no click).
    let pull_from = StoredValue::new(None::<i32>);
    let pulled = StoredValue::new(false);
    // Lowered, the sheet shows the top of the answer (its name), wherever it had been scrolled to.
    let section = NodeRef::<leptos::html::Section>::new();
    Effect::new(move |before: Option<()>| {
        // It starts at the top: scrolling it there then would force a layout before the first
        // paint. Only a phone's sheet scrolls on its own; on a desktop it would force one per tap.
        if sheet.get() == Sheet::Peek && before.is_some() && super::is_phone() {
            if let Some(el) = section.get_untracked() {
                el.set_scroll_top(0);
            }
        }
    });
    // A screen reader hears a short line on each change, not the whole panel.
    let status = move || settled.with(|s| crate::status::summary(s, &atlas));
    view! {
        <section class=move || format!("explorer__panel sheet sheet--{}", sheet.get().as_str()) aria-label="Answer" data-sheet=move || sheet.get().as_str() node_ref=section>
            <div class="sheet__header no-print">
                <button
                    class="sheet__handle"
                    data-testid="sheet-handle"
                    aria-label=move || sheet.get().next().1
                    // Pulled up or down with a finger, a step per pull; tapped, the next step.
                    on:pointerdown=move |ev| pull_from.set_value(Some(ev.client_y()))
                    on:pointerup=move |ev| {
                        if let Some(y) = pull_from.get_value() {
                            let dy = ev.client_y() - y;
                            if dy.abs() > 24 {
                                pulled.set_value(true);
                                sheet.update(|s| *s = s.pulled(dy < 0));
                            }
                        }
                        pull_from.set_value(None);
                    }
                    on:click=move |_| {
                        let was_pulled = pulled.get_value();
                        pulled.set_value(false);
                        if !was_pulled {
                            sheet.update(|s| *s = s.next().0)
                        }
                    }
                >
                    <span class="sheet__grip" aria-hidden="true"></span>
                </button>
                // Always within reach on a phone, so the next patient starts with an empty body.
                <button
                    class="toggle sheet__start-over"
                    data-testid="start-over-sheet"
                    hidden=move || selection.with(|s| matches!(s, Selection::Nothing))
                    on:click=move |_| clear.run(())
                >
                    "Start over"
                </button>
            </div>
            <p class="visually-hidden" role="status">{status}</p>
            // A tap on the few lines a peeking sheet shows pulls it up.
            <div class="sheet__body" on:click=move |ev| {
                // Not when the tap was on a control, which does its own thing (Present lowers it).
                let on_control = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .and_then(|el| el.closest("button, a, input, select, summary").ok().flatten())
                    .is_some();
                if !on_control && sheet.get_untracked() == Sheet::Peek {
                    sheet.set(Sheet::Open)
                }
            }>{panel}</div>
        </section>
    }
}

/// Above a candidate opened from a drawing: how well it explains the drawing, in words, and the
/// way back to the drawing.
#[component]
fn CandidateBar(
    atlas: Arc<Atlas>,
    index: Arc<LazyIndex>,
    id: MuscleId,
    side: Side,
    drawing: Vec<(ZoneId, Side)>,
    selection: RwSignal<Selection>,
) -> impl IntoView {
    let name = atlas.muscle(&id).map(|m| m.name.clone()).unwrap_or_default();
    let words = index
        .rank_drawing(&atlas, &drawing)
        .into_iter()
        .find(|c| c.muscle == id && (c.side == side || side == Side::Midline))
        .map(|c| c.in_words(drawing.len()))
        .unwrap_or_else(|| "covers none of your areas".into());
    let areas = drawing.len();
    view! {
        <div class="candidate-bar" data-testid="candidate-bar">
            <p>{format!("{name}'s pattern over your drawing: it {words}.")}</p>
            <button class="button" data-testid="back-to-drawing" on:click=move |_| selection.set(Selection::drawing(drawing.clone()))>
                {format!("Back to your drawing ({areas} {})", if areas == 1 { "area" } else { "areas" })}
            </button>
        </div>
    }
}

/// On a plain visit, the last drawing made on this device is offered, not shown: the person
/// now at the screen may not be the one who drew it.
#[component]
fn RestoreOffer(atlas: Arc<Atlas>, selection: RwSignal<Selection>) -> impl IntoView {
    let saved = RwSignal::new(crate::app::history::saved_drawing().filter(|s| s.not_found(&atlas).is_none()));
    move || {
        saved.get().map(|drawing| {
            let areas = drawing.drawn().len();
            view! {
                <div class="restore" data-testid="restore-offer">
                    <p>{format!("A pain drawing of {areas} {} was left on this device.", if areas == 1 { "area" } else { "areas" })}</p>
                    <button class="button" data-testid="restore-drawing" on:click=move |_| selection.set(drawing.clone())>"Show the last drawing"</button>
                    " "
                    <button class="button button--quiet" data-testid="forget-drawing" on:click=move |_| {
                        crate::app::history::forget_drawing();
                        saved.set(None);
                    }>"Forget it"</button>
                </div>
            }
        })
    }
}
