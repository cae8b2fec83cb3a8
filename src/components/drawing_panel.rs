//! A pain drawing explained: the drawn areas, any red flags, and the muscles whose patterns
//! explain it best, with how and why. Hovering or focusing a candidate lays its pattern over the
//! drawing.

use super::actions::Actions;
use crate::model::rank::Candidate;
use crate::model::{Atlas, LazyIndex, MuscleId, Side, Strength, ZoneId};
use crate::model::zone::capitalise;
use crate::safety;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use std::sync::Arc;

/// How many candidates to list.
const SHOWN: usize = 10;

#[component]
pub fn DrawingPanel(
    atlas: Arc<Atlas>,
    index: Arc<LazyIndex>,
    /// The drawn zones. A signal, so that painting another zone updates the lists in place
    /// instead of rebuilding the panel.
    zones: Signal<Vec<(ZoneId, Side)>>,
    /// The drawing the ranking answers: the same, once the figure has shown it (a frame
    /// later; after the stroke, while a pointer paints), since ranking and laying out the
    /// candidates takes longer than the frame of the tap that changed it.
    ranked: Signal<Vec<(ZoneId, Side)>>,
    /// Open a candidate: its page, its pattern over the drawing.
    on_muscle: Callback<(MuscleId, Side)>,
    /// Remove one zone from the drawing.
    on_zone: Callback<(ZoneId, Side)>,
    preview: RwSignal<Option<(MuscleId, Side)>>,
    on_clear: Callback<()>,
) -> impl IntoView {
    let label = {
        let atlas = atlas.clone();
        move |z: &ZoneId, s: Side| atlas.zone(z).map(|zone| zone.label(s)).unwrap_or_else(|| z.to_string())
    };
    // After an area is removed, focus moves to the area that took its place in the list (or the
    // last one, or the heading), not to the top of the page.
    let chip_list = NodeRef::<leptos::html::Ul>::new();
    let heading = NodeRef::<leptos::html::H2>::new();
    let refocus = move |at: usize| {
        request_animation_frame(move || {
            let n = zones.with_untracked(Vec::len);
            let chip = chip_list
                .get_untracked()
                .filter(|_| n > 0)
                .and_then(|ul| ul.query_selector(&format!("li:nth-child({}) button", at.min(n - 1) + 1)).ok().flatten());
            match chip.and_then(|c| c.dyn_into::<web_sys::HtmlElement>().ok()) {
                Some(c) => drop(c.focus()),
                None => {
                    if let Some(h) = heading.get_untracked() {
                        let _ = h.focus();
                    }
                }
            }
        });
    };
    let chips = {
        let label = label.clone();
        move || {
            zones
                .get()
                .into_iter()
                .enumerate()
                .map(|(i, (z, s))| {
                    let text = label(&z, s);
                    let key = (z, s);
                    view! {
                        <li>
                            <button class="chip" aria-label=format!("Remove {text} from the drawing") on:click=move |_| { on_zone.run(key.clone()); refocus(i) }>
                                {text.clone()}<span aria-hidden="true">" \u{2715}"</span>
                            </button>
                        </li>
                    }
                })
                .collect_view()
        }
    };
    let cautions = move || {
        let mut cautions: Vec<safety::Caution> = zones.with(|zs| zs.iter().filter_map(|(z, s)| safety::caution(z, *s)).collect());
        cautions.sort();
        cautions.dedup();
        cautions.into_iter().map(|c| view! { <p class="red-flags" role="note" data-caution=c.kind>{c.text}</p> }).collect_view()
    };
    let ranking = {
        let atlas = atlas.clone();
        move || {
            let candidates = ranked.with(|zs| index.rank_drawing(&atlas, zs));
            let total = candidates.len();
            if total == 0 {
                return view! { <p>"No muscle in the atlas refers pain to these areas."</p> }.into_any();
            }
            let items = candidates
                .into_iter()
                .take(SHOWN)
                .map(|c| candidate_view(&atlas, c, ranked.with(Vec::len), &label, on_muscle, preview))
                .collect_view();
            view! {
                <p>{format!("Muscles whose trigger points could explain this drawing, best match first ({} of {total}):", total.min(SHOWN))}</p>
                <ol
                    class="candidates"
                    data-testid="candidates"
                    data-areas=ranked.with(Vec::len)
                    aria-busy=move || zones.with(|z| ranked.with(|r| z != r)).to_string()
                    on:mouseleave=move |_| preview.set(None)
                >
                    {items}
                </ol>
            }
            .into_any()
        }
    };
    view! {
        <article class="drawing-panel" data-testid="drawing-panel">
            <h2 tabindex="-1" node_ref=heading>{move || format!("Your pain drawing: {} areas", zones.with(Vec::len))}</h2>
            {cautions}
            {ranking}
            <h3 class="drawing-panel__areas">"The areas you drew"</h3>
            <ul class="chips" node_ref=chip_list>{chips}</ul>
            <Actions title="Pain drawing".to_string() />
            <button class="button button--quiet no-print" on:click=move |_| on_clear.run(())>"Clear the drawing"</button>
        </article>
    }
}

fn candidate_view(
    atlas: &Atlas,
    c: Candidate,
    drawn: usize,
    label: &impl Fn(&ZoneId, Side) -> String,
    on_muscle: Callback<(MuscleId, Side)>,
    preview: RwSignal<Option<(MuscleId, Side)>>,
) -> impl IntoView {
    let name = atlas.muscle(&c.muscle).map(|m| m.name.clone()).unwrap_or_default();
    let words = |strength: Strength| {
        c.covered
            .iter()
            .filter(|(_, _, s)| *s == strength)
            .map(|(z, s, _)| label(z, *s).to_lowercase())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut reason = Vec::new();
    let (essential, spillover) = (words(Strength::Essential), words(Strength::Spillover));
    if !essential.is_empty() {
        reason.push(format!("usually felt: {essential}"));
    }
    if !spillover.is_empty() {
        reason.push(format!("sometimes: {spillover}"));
    }
    if c.outside > 0 {
        reason.push(format!("{} more area{} of its pattern not drawn", c.outside, if c.outside == 1 { "" } else { "s" }));
    }
    let key = (c.muscle.clone(), c.side);
    let (k1, k2, k3) = (key.clone(), key.clone(), key);
    view! {
        <li
            class="candidate"
            data-muscle=c.muscle.to_string()
            data-side=c.side.as_str()
            data-percent=c.percent.to_string()
            on:mouseenter=move |_| preview.set(Some(k1.clone()))
            on:focusin=move |_| preview.set(Some(k2.clone()))
        >
            <button class="link-button" on:click=move |_| on_muscle.run(k3.clone())>
                {format!("{name} ({})", c.side)}
            </button>
            <meter class="candidate__meter" min="0" max="100" value=c.percent.to_string() aria-hidden="true"></meter>
            <p class="candidate__summary">{capitalise(&c.in_words(drawn))}"."</p>
            <p class="candidate__reason">{reason.join("; ")}</p>
        </li>
    }
}
