//! A general page, or the pain guide derived from the data.

use crate::model::{Atlas, MuscleId, Side, Strength};
use crate::url_state::PAIN_GUIDE;
use crate::model::zone::capitalise;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn PageView(atlas: Arc<Atlas>, id: String, on_muscle: Callback<(MuscleId, Side)>) -> impl IntoView {
    if id == PAIN_GUIDE {
        return view! { <PainGuide atlas=atlas on_muscle=on_muscle /> }.into_any();
    }
    let Some(page) = atlas.page(&id).cloned() else {
        return ().into_any();
    };
    view! {
        <article class="page" data-testid="page">
            <h2>{page.title}</h2>
            {page.body.into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}
        </article>
    }
    .into_any()
}

/// Every zone and the muscles that refer there, essential first.
#[component]
fn PainGuide(atlas: Arc<Atlas>, on_muscle: Callback<(MuscleId, Side)>) -> impl IntoView {
    let rows = atlas
        .pain_guide()
        .into_iter()
        .filter(|(_, referrals)| !referrals.is_empty())
        .map(|(zone, referrals)| {
            let items = referrals
                .into_iter()
                .map(|r| {
                    let name = atlas.muscle(&r.muscle).map(|m| m.name.clone()).unwrap_or_default();
                    let (muscle, side) = (r.muscle.clone(), r.side);
                    let class = format!("tag tag--{}", r.strength.as_str());
                    let strength = if r.strength == Strength::Essential { "essential" } else { "spillover" };
                    view! {
                        <li>
                            <button class="link-button" on:click=move |_| on_muscle.run((muscle.clone(), side))>{name}</button>
                            " "<span class=class>{strength}</span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="pain-guide__zone" data-zone=zone.id.to_string()>
                    <h3>{capitalise(&zone.name)}</h3>
                    <ul class="pain-guide__muscles">{items}</ul>
                </section>
            }
        })
        .collect_view();
    view! {
        <article class="page pain-guide" data-testid="pain-guide">
            <h2>"Pain guide"</h2>
            <p>"For each place on the body, the muscles whose trigger points refer pain there, most likely first. Derived from the trigger point data."</p>
            {rows}
        </article>
    }
}

