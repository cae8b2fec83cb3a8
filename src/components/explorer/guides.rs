//! Links to the guides (about trigger points, the pain guide): links, so they can be opened in
//! a new tab, that also set the selection in place.

use crate::model::Atlas;
use crate::url_state::{Selection, PAIN_GUIDE};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn Guides(atlas: Arc<Atlas>, selection: RwSignal<Selection>) -> impl IntoView {
    let mut guides: Vec<(String, String)> = atlas.pages.iter().map(|p| (p.id.clone(), p.title.clone())).collect();
    guides.push((PAIN_GUIDE.to_string(), "Pain guide".to_string()));
    let links = guides
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
        <nav class="guides" aria-label="Guides">
            <ul>{links}</ul>
        </nav>
    }
}
