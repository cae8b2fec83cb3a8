//! Presentation mode: the figure as large as the screen allows (full screen where the browser
//! allows it), the muscle's name and trigger points, nothing else. The arrow keys step to related
//! muscles (`Atlas::presentation_order`) and Escape leaves.

use super::Ui;
use crate::model::{Atlas, MuscleId, Side};
use crate::url_state::Selection;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn PresentingBar(presenting: RwSignal<bool>) -> impl IntoView {
    view! {
        <Show when=move || presenting.get()>
            <div class="presenting-bar" role="region" aria-label="Presentation">
                <span>"Presenting. \u{2190} \u{2192} related muscle, Esc to leave."</span>
                <button class="button" on:click=move |_| presenting.set(false)>"Leave presentation"</button>
            </div>
        </Show>
    }
}

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

pub fn present_with_keys(atlas: &Arc<Atlas>, ui: Ui) {
    let Ui { selection, presenting, .. } = ui;
    Effect::new(move |was: Option<bool>| {
        let on = presenting.get();
        let Some(doc) = document() else { return on };
        if let Some(body) = doc.body() {
            let _ = body.class_list().toggle_with_force("presenting", on);
        }
        // Full screen needs the click that asked for it; refused, the page still presents.
        if on && was == Some(false) {
            if let Some(root) = doc.document_element() {
                let _ = root.request_fullscreen();
            }
        } else if !on && doc.fullscreen_element().is_some() {
            doc.exit_fullscreen();
        }
        on
    });
    // Leaving full screen (Escape, the browser's own control) leaves the presentation.
    let fullscreen = window_event_listener_untyped("fullscreenchange", move |_| {
        if document().is_some_and(|d| d.fullscreen_element().is_none()) && presenting.get_untracked() {
            presenting.set(false);
        }
    });
    let order: Vec<MuscleId> = atlas.presentation_order().into_iter().map(|m| m.id.clone()).collect();
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if !presenting.get_untracked() || order.is_empty() {
            return;
        }
        let step: isize = match ev.key().as_str() {
            "ArrowRight" | "PageDown" => 1,
            "ArrowLeft" | "PageUp" => -1,
            "Escape" => {
                presenting.set(false);
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        let (current, side) = match selection.get_untracked() {
            Selection::Muscle { id, side } => (order.iter().position(|m| *m == id), side),
            _ => (None, Side::Midline),
        };
        let n = order.len() as isize;
        let next = match current {
            Some(i) => (i as isize + step).rem_euclid(n) as usize,
            None => 0,
        };
        selection.set(Selection::Muscle { id: order[next].clone(), side });
    });
    on_cleanup(move || {
        keys.remove();
        fullscreen.remove();
    });
}
