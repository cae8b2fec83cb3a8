//! Two to four muscles side by side: each one's trigger points and referral zones on its own
//! small figure, so a clinician can show a patient how the candidates differ.

use super::actions::Actions;
use super::body_figure::{BodyFigure, Mode};
use crate::highlight::Highlight;
use crate::model::{Atlas, MuscleId, Side, Strength, ViewId, ZoneId};
use crate::url_state::{Selection, COMPARE_MAX};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn CompareView(
    atlas: Arc<Atlas>,
    muscles: Vec<MuscleId>,
    selection: RwSignal<Selection>,
    on_muscle: Callback<(MuscleId, Side)>,
    /// Enter presentation mode.
    on_present: Callback<()>,
) -> impl IntoView {
    let set = move |ids: Vec<MuscleId>| {
        selection.set(if ids.is_empty() { Selection::Nothing } else { Selection::Compare { muscles: ids } });
    };
    let columns = muscles
        .iter()
        .filter_map(|id| atlas.muscle(id))
        .map(|m| {
            let highlight = Memo::new({
                let (atlas, sel) = (atlas.clone(), Selection::Muscle { id: m.id.clone(), side: Side::Midline });
                move |_| Highlight::of(&atlas, &sel)
            });
            let essential: Vec<String> = highlight
                .get_untracked()
                .zones
                .iter()
                .filter(|((_, s), st)| **st == Strength::Essential && *s != Side::Right)
                .filter_map(|((z, _), _)| atlas.zone(z).map(|z| z.name.clone()))
                .collect();
            let figures = [ViewId::Front, ViewId::Back]
                .into_iter()
                .map(|v| {
                    view! {
                        <BodyFigure
                            atlas=atlas.clone()
                            view=v
                            highlight=highlight
                            mode=Signal::stored(Mode::Muscles)
                            mirrored=Signal::stored(false)
                            instance=format!("compare-{}-", m.id)
                            on_zone=Callback::new(|_: (ZoneId, Side)| {})
                            on_paint=Callback::new(|_: ((ZoneId, Side), bool, bool)| {})
                            on_muscle=on_muscle
                        />
                    }
                })
                .collect_view();
            let remove = {
                let (all, id) = (muscles.clone(), m.id.clone());
                move |_| set(all.iter().filter(|x| **x != id).cloned().collect())
            };
            let id = m.id.clone();
            view! {
                <section class="compare__column" data-muscle=m.id.to_string()>
                    <h3>
                        <button class="link-button" on:click=move |_| on_muscle.run((id.clone(), Side::Midline))>{m.name.clone()}</button>
                    </h3>
                    <div class="compare__figures">{figures}</div>
                    <p class="compare__summary"><span class="tag tag--essential">"Essential"</span>{essential.join(", ")}</p>
                    <button class="button button--quiet no-print" on:click=remove>{format!("Remove {}", m.name)}</button>
                </section>
            }
        })
        .collect_view();
    // Saved as one document, each muscle under its name.
    let names: Vec<String> = muscles.iter().filter_map(|id| atlas.muscle(id)).map(|m| m.name.clone()).collect();
    let figure = {
        let (atlas, muscles) = (atlas.clone(), muscles.clone());
        Callback::new(move |_| {
            let panels: Vec<(String, Highlight)> = muscles
                .iter()
                .filter_map(|id| atlas.muscle(id))
                .map(|m| (m.name.clone(), Highlight::of(&atlas, &Selection::Muscle { id: m.id.clone(), side: Side::Midline })))
                .collect();
            crate::export::comparison_svg(&atlas, &panels)
        })
    };
    let can_add = muscles.len() < COMPARE_MAX;
    let options = atlas
        .muscles_by_name()
        .into_iter()
        .filter(|m| !muscles.contains(&m.id))
        .map(|m| view! { <option value=m.id.to_string()>{m.name.clone()}</option> })
        .collect_view();
    let add = {
        let muscles = muscles.clone();
        move |ev| {
            let id = event_target_value(&ev);
            if !id.is_empty() {
                let mut ids = muscles.clone();
                ids.push(MuscleId::new(id));
                set(ids);
            }
        }
    };
    view! {
        <article class="compare" data-testid="compare">
            <h2>"Compare muscles"</h2>
            <div class="compare__columns">{columns}</div>
            {can_add.then(|| view! {
                <label class="compare__add no-print">
                    "Add a muscle to compare "
                    <select on:change=add>
                        <option value="">"Choose\u{2026}"</option>
                        {options}
                    </select>
                </label>
            })}
            <Actions title=format!("Compared {}", names.join(", ")) figure=figure />
            <div class="actions no-print">
                <button class="button button--quiet" data-testid="present" on:click=move |_| on_present.run(())>"Present"</button>
                <button class="button button--quiet" on:click=move |_| selection.set(Selection::Nothing)>"Close the comparison"</button>
            </div>
        </article>
    }
}
