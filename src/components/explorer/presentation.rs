//! Presentation mode: the figure as large as the screen allows (full screen where the browser
//! allows it), the muscle's name and trigger points, nothing else. The arrow keys step to related
//! muscles (`Atlas::presentation_order`) and Escape leaves.

use super::Ui;
use crate::model::{Atlas, MuscleId, Side};
use crate::url_state::Selection;
use leptos::prelude::*;
use std::sync::Arc;

/// The bar over a presentation: previous and next related muscle (also the arrow keys, on a
/// keyboard), and the way out (also Escape).
#[component]
pub fn PresentingBar(presenting: RwSignal<bool>, step: Callback<isize>) -> impl IntoView {
    view! {
        <Show when=move || presenting.get()>
            <div class="presenting-bar" role="region" aria-label="Presentation">
                <button class="button" data-testid="present-previous" on:click=move |_| step.run(-1)>"\u{2190} Previous"</button>
                <span class="presenting-bar__hint">"Related muscles; arrow keys step, Esc leaves."</span>
                <button class="button" data-testid="present-next" on:click=move |_| step.run(1)>"Next \u{2192}"</button>
                <button class="button" on:click=move |_| presenting.set(false)>"Leave"</button>
            </div>
        </Show>
    }
}

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// Sets up presentation mode; returns the step to the previous (-1) or next (1) related muscle.
pub fn present_with_keys(atlas: &Arc<Atlas>, ui: Ui) -> Callback<isize> {
    let Ui { selection, presenting, sheet, .. } = ui;
    Effect::new(move |was: Option<bool>| {
        let on = presenting.get();
        let Some(doc) = document() else { return on };
        if let Some(body) = doc.body() {
            let _ = body.class_list().toggle_with_force("presenting", on);
        }
        // Full screen needs the click that asked for it; refused, the page still presents.
        if on && was == Some(false) {
            // On a phone the figure takes the screen; the answer sheet shows the name.
            sheet.set(super::answer::Sheet::Peek);
            // Present was pressed at the foot of a long page: start at the figure.
            if let Some(w) = web_sys::window() {
                w.scroll_to_with_x_and_y(0.0, 0.0);
            }
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
    let step = Callback::new(move |step: isize| {
        if order.is_empty() {
            return;
        }
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
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if !presenting.get_untracked() {
            return;
        }
        match ev.key().as_str() {
            "ArrowRight" | "PageDown" => step.run(1),
            "ArrowLeft" | "PageUp" => step.run(-1),
            "Escape" => presenting.set(false),
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || {
        keys.remove();
        fullscreen.remove();
    });
    step
}
