//! Search as you type: muscles by name, Latin name or abbreviation, and places by name, alias
//! or everyday complaint, tolerant of typos.

use crate::model::search::Target;
use crate::model::{Atlas, AtlasIndex, Laterality, MuscleId, Side, ZoneId};
use leptos::prelude::*;
use std::sync::Arc;

const SHOWN: usize = 8;

#[component]
pub fn SearchBox(
    atlas: Arc<Atlas>,
    index: Arc<AtlasIndex>,
    on_muscle: Callback<(MuscleId, Side)>,
    on_zone: Callback<(ZoneId, Side)>,
) -> impl IntoView {
    let query = RwSignal::new(String::new());
    let results = {
        let atlas = atlas.clone();
        move || {
            let q = query.get();
            if q.trim().len() < 2 {
                return ().into_any();
            }
            // A complaint that can be serious is answered with its caution first, found or not.
            let cautions = crate::safety::cautions_for_query(&q)
                .into_iter()
                .map(|c| view! { <p class="red-flags" role="note" data-caution=c.kind>{c.text}</p> })
                .collect_view();
            let hits = index.search(&q);
            if hits.is_empty() {
                return view! {
                    {cautions}
                    <p class="search__empty" role="status">"Nothing found. Try another word, or tap the body."</p>
                }
                .into_any();
            }
            let items = hits
                .into_iter()
                .take(SHOWN)
                .map(|hit| match hit.target {
                    Target::Muscle(id) => {
                        let muscle = atlas.muscle(&id).map(|m| m.name.clone()).unwrap_or_default();
                        view! {
                            <li data-result="muscle">
                                <button class="link-button" on:click=move |_| { query.set(String::new()); on_muscle.run((id.clone(), Side::Midline)) }>{muscle}</button>
                                <span class="search__kind">"muscle"</span>
                            </li>
                        }
                        .into_any()
                    }
                    Target::Zone(id) => {
                        let zone = atlas.zone(&id).cloned();
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
                        view! {
                            <li data-result="zone">{buttons}<span class="search__kind">"place"</span></li>
                        }
                        .into_any()
                    }
                })
                .collect_view();
            view! {
                {cautions}
                <ul class="search__results" data-testid="search-results">{items}</ul>
            }
            .into_any()
        }
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
