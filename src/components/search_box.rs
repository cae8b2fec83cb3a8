//! Search as you type: a muscle by name, Latin name or abbreviation; a complaint or a place,
//! answered with the muscles to examine, usual suspects first, and the places it named. The
//! reading and ranking are `AtlasIndex::answer`; this only shows them.

use crate::model::{Answer, Atlas, LazyIndex, Laterality, MuscleId, Side, ZoneId};
use leptos::prelude::*;
use std::sync::Arc;

/// Muscles shown at most; the list is ranked, so the first ones matter.
const MUSCLES_SHOWN: usize = 8;
/// Places shown at most.
const PLACES_SHOWN: usize = 6;

#[component]
pub fn SearchBox(
    atlas: Arc<Atlas>,
    index: Arc<LazyIndex>,
    on_muscle: Callback<(MuscleId, Side)>,
    on_zone: Callback<(ZoneId, Side)>,
) -> impl IntoView {
    let query = RwSignal::new(String::new());
    let results = move || {
        let q = query.get();
        if q.trim().len() < 2 {
            return ().into_any();
        }
        let answer = index.answer(&atlas, &q);
        // A complaint that can be serious is answered with its caution first, found or not; a
        // misspelt one ("headake") by what it was read as.
        let term = answer.complaint.as_ref().map(|c| c.term.as_str()).unwrap_or_default();
        let cautions = crate::safety::cautions_for_query(&format!("{q} {term}"))
            .into_iter()
            .map(|c| view! { <p class="red-flags" role="note" data-caution=c.kind>{c.text}</p> })
            .collect_view();
        if answer.muscles.is_empty() && answer.places.is_empty() {
            return view! {
                {cautions}
                <p class="search__empty" role="status">"Nothing found. Try another word, or tap the body."</p>
            }
            .into_any();
        }
        let muscles = muscle_items(&atlas, &answer, query, on_muscle);
        let places = place_items(&atlas, &answer.places, query, on_zone);
        view! {
            {cautions}
            {complaint_note(&atlas, &answer)}
            <ul class="search__results" data-testid="search-results">{muscles}{places}</ul>
        }
        .into_any()
    };
    view! {
        <div class="search" role="search">
            <label class="search__label" for="search-input">"Search muscles, places and complaints"</label>
            <input
                id="search-input"
                class="search__input"
                type="search"
                autocomplete="off"
                placeholder="e.g. SCM, tennis elbow, pain behind the eye"
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
            />
            {results}
        </div>
    }
}

/// What the query was read as, with the literature's caveat and its chapters.
fn complaint_note(atlas: &Atlas, answer: &Answer) -> Option<impl IntoView> {
    let c = answer.complaint.as_ref()?;
    let sources = c
        .sources
        .iter()
        .filter_map(|s| atlas.source(s))
        .map(|s| view! { <li>{s.citation()}</li> })
        .collect_view();
    Some(view! {
        <div class="search__complaint" data-complaint=c.term.clone()>
            <p>
                <strong>{crate::model::zone::capitalise(&c.term)}</strong>
                ": the muscles the literature names first, then others that refer pain there. "
                {c.note.clone()}
            </p>
            <details>
                <summary>"Sources"</summary>
                <ul>{sources}</ul>
            </details>
        </div>
    })
}

fn muscle_items(atlas: &Atlas, answer: &Answer, query: RwSignal<String>, on_muscle: Callback<(MuscleId, Side)>) -> impl IntoView {
    answer
        .muscles
        .iter()
        .take(MUSCLES_SHOWN)
        .map(|found| {
            let id = found.muscle.clone();
            let name = atlas.muscle(&id).map(|m| m.name.clone()).unwrap_or_default();
            let why = answer.why_text(atlas, found);
            let kind = if why.is_empty() { "muscle".to_string() } else { why };
            let data_id = id.to_string();
            view! {
                <li data-result="muscle" data-muscle=data_id>
                    <button class="link-button" on:click=move |_| { query.set(String::new()); on_muscle.run((id.clone(), Side::Midline)) }>{name}</button>
                    <span class="search__kind">{kind}</span>
                </li>
            }
        })
        .collect_view()
}

fn place_items(atlas: &Atlas, places: &[ZoneId], query: RwSignal<String>, on_zone: Callback<(ZoneId, Side)>) -> impl IntoView {
    places
        .iter()
        .take(PLACES_SHOWN)
        .map(|id| {
            let zone = atlas.zone(id).cloned();
            let sides: Vec<Side> = match zone.as_ref().map(|z| z.laterality) {
                Some(Laterality::Midline) => vec![Side::Midline],
                _ => vec![Side::Left, Side::Right],
            };
            let buttons = sides
                .into_iter()
                .map(|s| {
                    let id = id.clone();
                    let text = zone.as_ref().map(|z| z.label(s)).unwrap_or_default();
                    view! { <button class="link-button" on:click=move |_| { query.set(String::new()); on_zone.run((id.clone(), s)) }>{text}</button> }
                })
                .collect_view();
            view! { <li data-result="zone" data-zone=id.to_string()>{buttons}<span class="search__kind">"place"</span></li> }
        })
        .collect_view()
}
