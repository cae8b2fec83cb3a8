//! Every muscle, grouped by body region: the way to choose a muscle without the figure.

use crate::model::{Atlas, MuscleId, Region, Side};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn MuscleList(atlas: Arc<Atlas>, on_muscle: Callback<(MuscleId, Side)>) -> impl IntoView {
    let count = atlas.muscles.len();
    // The list is a third of the page's elements and sits below the figure: it is built once
    // the body is on screen, so that the first frame waits only for what it shows first.
    let built = RwSignal::new(false);
    crate::app::after_next_paint(move || {
        let _ = built.try_set(true);
    });
    let groups = move || built.get().then(|| groups(&atlas, on_muscle));
    // Open on wide screens; folded on phones, where the list would be many screens long.
    let wide = web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w >= 900.0);
    view! {
        <nav class="muscle-list" aria-label="Muscles">
            <details open=wide>
                <summary>
                    <h2 class="muscle-list__title">{format!("All {count} muscles, by region")}</h2>
                    // Says what a tap does; only the true half is shown (and read).
                    <span class="muscle-list__hint muscle-list__hint--closed">"show the list"</span>
                    <span class="muscle-list__hint muscle-list__hint--open">"hide the list"</span>
                </summary>
                <ul class="muscle-list__groups">{groups}</ul>
            </details>
        </nav>
    }
}

/// A group of buttons per region, the muscles in each by name.
fn groups(atlas: &Atlas, on_muscle: Callback<(MuscleId, Side)>) -> impl IntoView {
    let by_name = atlas.muscles_by_name();
    Region::ALL
        .into_iter()
        .filter_map(|region| {
            let muscles: Vec<_> = by_name
                .iter()
                .filter(|m| m.region == region)
                .map(|m| (m.id.clone(), m.name.clone()))
                .collect();
            (!muscles.is_empty()).then(|| {
                view! {
                    <li class="muscle-list__group">
                        <h3 class="muscle-list__region">{region.label()}</h3>
                        <ul>
                            {muscles
                                .into_iter()
                                .map(|(id, name)| {
                                    let testid = format!("muscle-link-{id}");
                                    view! {
                                        <li>
                                            <button
                                                class="link-button"
                                                data-testid=testid
                                                on:click=move |_| on_muscle.run((id.clone(), Side::Midline))
                                            >
                                                {name}
                                            </button>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    </li>
                }
            })
        })
        .collect_view()
}
