//! Pain in one zone: the muscles whose trigger points refer there, essential first.

use crate::model::{Atlas, MuscleId, Side, Strength, ZoneId};
use crate::safety;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn ZonePanel(
    atlas: Arc<Atlas>,
    id: ZoneId,
    side: Side,
    on_muscle: Callback<(MuscleId, Side)>,
) -> impl IntoView {
    let Some(zone) = atlas.zone(&id) else {
        return ().into_any();
    };
    let label = zone.label(side);
    let referrals = atlas.referrals_to(&id, side);
    let caution = safety::caution(&id, side);
    let count = referrals.len();
    let items = referrals
        .into_iter()
        .map(|r| {
            let name = atlas.muscle(&r.muscle).map(|m| m.name.clone()).unwrap_or_default();
            let side_words = match r.side {
                Side::Midline => String::new(),
                s => format!(" ({s})"),
            };
            let strength = r.strength;
            let detail = format!(
                "{}; trigger point{} {}",
                if strength == Strength::Essential { "essential zone" } else { "spillover zone" },
                if r.trigger_points.len() > 1 { "s" } else { "" },
                r.trigger_points.join(", ")
            );
            let (muscle, muscle_side) = (r.muscle.clone(), r.side);
            view! {
                <li class="referral" data-muscle=r.muscle.to_string() data-strength=strength.as_str()>
                    <button class="link-button" on:click=move |_| on_muscle.run((muscle.clone(), muscle_side))>
                        {name}{side_words}
                    </button>
                    <span class=format!("tag tag--{}", strength.as_str())>{detail}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <article class="zone-panel" data-testid="zone-panel">
            <h2>{format!("Pain in the {}", label.to_lowercase())}</h2>
            {caution.map(|c| view! { <p class="red-flags" role="note" data-caution=c.kind>{c.text}</p> })}
            {if count == 0 {
                view! { <p>"No muscle in the atlas yet refers pain here."</p> }.into_any()
            } else {
                view! {
                    <p>{format!("{count} muscle{} can refer pain here, most likely first:", if count == 1 { "" } else { "s" })}</p>
                    <ol class="referrals" data-testid="referrals">{items}</ol>
                }
                .into_any()
            }}
            // After the answer: on a phone the sheet shows its first lines, and the muscles come first.
            <p class="hint">"Tap more places to draw your whole pain pattern (with a mouse, or in Draw mode on a touch screen, drag across them)."</p>
        </article>
    }
    .into_any()
}
