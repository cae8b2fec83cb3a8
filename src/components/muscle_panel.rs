//! A muscle explained: its trigger points and where they refer, what causes them, what helps,
//! when to see a doctor, and where the information comes from.

use super::actions::Actions;
use super::texts::{use_texts, TextState};
use crate::model::{Atlas, MuscleId, MuscleText, ReferralSide, Side, ZoneTarget};
use crate::model::zone::capitalise;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn MusclePanel(
    atlas: Arc<Atlas>,
    id: MuscleId,
    side: Side,
    on_muscle: Callback<(MuscleId, Side)>,
    on_clear: Callback<()>,
    /// Start comparing this muscle with others.
    on_compare: Callback<MuscleId>,
    /// Enter presentation mode.
    on_present: Callback<()>,
) -> impl IntoView {
    let Some(m) = atlas.muscle(&id).cloned() else {
        return ().into_any();
    };
    // The long texts may still be on their way (they come after the body is drawn).
    let texts = use_texts();
    let with_text = {
        let id = m.id.clone();
        move |f: &dyn Fn(&MuscleText) -> AnyView| -> Option<AnyView> {
            texts.with(|t| match t {
                TextState::Ready(all) => all.muscle(&id).map(f),
                _ => None,
            })
        }
    };
    let zone_words = |targets: &[ZoneTarget]| -> String {
        atlas
            .collapsed(targets)
            .iter()
            .map(|t| {
                let name = atlas.zone(&t.zone).map(|z| z.name.clone()).unwrap_or_else(|| t.zone.to_string());
                match t.side {
                    ReferralSide::Same => name,
                    ReferralSide::Opposite => format!("{name} (other side)"),
                    ReferralSide::Both => format!("{name} (both sides)"),
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let side_button = {
        let id = id.clone();
        move |s: Side, text: &'static str| {
            let id = id.clone();
            view! {
                <button
                    class="segmented__option"
                    aria-pressed=(s == side).to_string()
                    on:click=move |_| on_muscle.run((id.clone(), s))
                >
                    {text}
                </button>
            }
        }
    };
    let trigger_points = m
        .trigger_points
        .iter()
        .enumerate()
        .map(|(i, tp)| {
            let essential = zone_words(&tp.essential);
            let spillover = zone_words(&tp.spillover);
            let citation = atlas.source(&tp.source).map(|s| s.citation()).unwrap_or_default();
            view! {
                <li class="trigger-point" data-testid=format!("tp-{}", tp.full_id(&m.id))>
                    <h4>{capitalise(&tp.label())}</h4>
                    <p>{{
                        let with_text = with_text.clone();
                        move || with_text(&|t| t.location(i).to_string().into_any())
                    }}</p>
                    <p><span class="tag tag--essential">"Essential"</span>{essential}</p>
                    {(!spillover.is_empty()).then(|| view! {
                        <p><span class="tag tag--spillover">"Spillover"</span>{spillover}</p>
                    })}
                    {tp.note.clone().map(|n| view! { <p class="trigger-point__note">{n}</p> })}
                    <p class="citation">"Source: "{citation}</p>
                </li>
            }
        })
        .collect_view();
    let list = |title: &'static str, items: &[String]| {
        (!items.is_empty()).then(|| {
            view! {
                <h3>{title}</h3>
                <ul>{items.iter().map(|i| view! { <li>{i.clone()}</li> }).collect_view()}</ul>
            }
        })
    };
    let red_flags = |items: &[String]| {
        (!items.is_empty()).then(|| view! {
            <div class="red-flags" role="note">
                <h3>"See a doctor first if"</h3>
                <ul>{items.iter().map(|i| view! { <li>{i.clone()}</li> }).collect_view()}</ul>
            </div>
        })
    };
    // What is said while the texts are on their way, or when they cannot come: the warning
    // stays, in general words.
    let text_state = {
        let atlas = atlas.clone();
        move || match texts.get() {
            TextState::Ready(_) => None,
            TextState::Loading => Some(view! {
                <p class="status" role="status" data-testid="texts-loading">"Loading the description\u{2026}"</p>
            }.into_any()),
            TextState::Failed(why) => {
                let atlas = atlas.clone();
                Some(view! {
                    <div class="red-flags" role="note" data-testid="texts-failed">
                        <h3>"See a doctor first if"</h3>
                        <p>"the pain is severe, sudden or getting worse, follows an injury, or comes with chest pain, \
                            breathlessness, fever, numbness, weakness or loss of bladder or bowel control."</p>
                        <p>"This muscle's own warnings, causes and self-care could not be loaded: "{why}</p>
                        <button class="button" on:click=move |_| super::texts::fetch(atlas.clone(), texts)>"Try again"</button>
                    </div>
                }.into_any())
            }
        }
    };
    // The whole pattern in one line, so a phone shows it with the name.
    let (essential_places, spillover_places) = {
        let (e, s) = atlas.places_of(&m);
        (e.join(", "), s.join(", "))
    };
    let abbreviations = (!m.abbreviations.is_empty()).then(|| format!(" ({})", m.abbreviations.join(", ")));
    // Links to other muscles: those whose trigger points tend to come with this one's, and
    // those that send pain to the same places.
    let muscle_links = |ids: Vec<MuscleId>| {
        ids.into_iter()
            .filter_map(|id| atlas.muscle(&id).map(|o| (id, o.name.clone())))
            .map(|(id, name)| {
                view! {
                    <li>
                        <button class="link-button" on:click=move |_| on_muscle.run((id.clone(), side))>{name}</button>
                    </li>
                }
            })
            .collect_view()
    };
    let associated = (!m.associated.is_empty()).then(|| {
        let links = muscle_links(m.associated.clone());
        view! {
            <h3>"Often found together with"</h3>
            <ul class="muscle-links" data-testid="associated">{links}</ul>
        }
    });
    let related_ids: Vec<MuscleId> = atlas.related(&m).into_iter().take(6).map(|(id, _)| id).collect();
    let related = (!related_ids.is_empty()).then(|| {
        let links = muscle_links(related_ids);
        view! {
            <h3>"Also refer pain to the same places"</h3>
            <ul class="muscle-links" data-testid="related">{links}</ul>
        }
    });
    view! {
        <article class="muscle-panel" data-testid="muscle-panel">
            <h2>{m.name.clone()}{abbreviations}</h2>
            <p class="muscle-panel__latin" lang="la">{m.latin.clone()}</p>
            <p class="muscle-panel__places" data-testid="places">
                <span class="tag tag--essential">"Pain felt at"</span>{essential_places}
                {(!spillover_places.is_empty()).then(|| view! {
                    " "<span class="tag tag--spillover">"sometimes also"</span>{spillover_places.clone()}
                })}
            </p>
            {text_state}
            <p>{{
                let with_text = with_text.clone();
                move || with_text(&|t| t.action.clone().into_any())
            }}</p>
            <div class="segmented" role="group" aria-label="Side shown">
                {side_button(Side::Midline, "Both sides")}
                {side_button(Side::Left, "Left")}
                {side_button(Side::Right, "Right")}
            </div>
            {{
                let with_text = with_text.clone();
                move || with_text(&|t| red_flags(&t.red_flags).into_any())
            }}
            <h3>"Trigger points"</h3>
            <ol class="trigger-points">{trigger_points}</ol>
            // Standard anatomical ids, as plain text beside the sources, for joining our data
            // with other datasets.
            {m.ids.as_ref().and_then(|i| i.summary()).map(|s| view! {
                <p class="citation" data-testid="identifiers">"Identifiers: "{s}</p>
            })}
            {list("Other symptoms", &m.symptoms)}
            {move || with_text(&|t| view! {
                {list("What causes and keeps them going", &t.causes)}
                {list("What you can do", &t.self_care)}
                {list("What a clinician may do", &t.clinician)}
            }.into_any())}
            {associated}
            {related}
            <Actions title=m.name.clone() />
            <div class="actions no-print">
                <button class="button button--quiet" data-testid="compare-start" on:click={
                    let id = m.id.clone();
                    move |_| on_compare.run(id.clone())
                }>"Compare with other muscles"</button>
                <button class="button button--quiet" data-testid="present" on:click=move |_| on_present.run(())>"Present"</button>
            </div>
            <button class="button button--quiet no-print" on:click=move |_| on_clear.run(())>"Clear selection"</button>
        </article>
    }
    .into_any()
}


