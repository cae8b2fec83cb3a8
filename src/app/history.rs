//! Keeps the selection and the address bar in step: changes push a history entry, and
//! back/forward (popstate) restore the selection.

use crate::url_state::Selection;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

fn current_query() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

thread_local! {
    static REPLACE_NEXT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Make the next change replace the current history entry instead of adding one: a paint stroke
/// across several zones is one step back, not one per zone.
pub fn replace_next_entry() {
    REPLACE_NEXT.with(|r| r.set(true));
}

const DRAWING_KEY: &str = "trigger-atlas:drawing";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// The last pain drawing, kept in local storage: a plain visit starts empty and offers it back
/// (on a shared computer the next patient must not see it unasked). Anything stored that is not
/// a drawing is ignored.
pub fn saved_drawing() -> Option<Selection> {
    let saved = storage()?.get_item(DRAWING_KEY).ok().flatten()?;
    match Selection::from_query(&saved) {
        s @ (Selection::Zone { .. } | Selection::Drawing { .. }) => Some(s),
        _ => None,
    }
}

pub fn forget_drawing() {
    if let Some(store) = storage() {
        let _ = store.remove_item(DRAWING_KEY);
    }
}

/// A selection signal that starts from the URL and writes back to it. A pain drawing is also
/// kept in local storage until the user starts over.
pub fn url_selection() -> RwSignal<Selection> {
    let selection = RwSignal::new(Selection::from_query(&current_query()));
    Effect::new(move |first: Option<()>| {
        let Some(store) = storage() else { return };
        match selection.get() {
            s @ (Selection::Zone { .. } | Selection::Drawing { .. }) => {
                let _ = store.set_item(DRAWING_KEY, &s.to_query());
            }
            // Starting over forgets it; starting empty does not.
            Selection::Nothing if first.is_some() => forget_drawing(),
            _ => {}
        }
    });

    Effect::new(move |_| {
        let query = selection.with(Selection::to_query);
        let replace = REPLACE_NEXT.with(|r| r.replace(false));
        // Written after the next frame is drawn: a history entry costs the browser a few
        // milliseconds, which the figure's answer to a tap should not wait for.
        crate::app::after_next_paint(move || {
            if query == current_query() {
                return;
            }
            let Some(window) = web_sys::window() else { return };
            let Ok(history) = window.history() else { return };
            let path = window.location().pathname().unwrap_or_else(|_| "/".into());
            let url = format!("{path}{query}");
            // A history API failure leaves the URL behind the screen, nothing worse.
            let _ = if replace {
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            } else {
                history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            };
        });
    });

    if let Some(window) = web_sys::window() {
        let on_pop = Closure::<dyn Fn()>::new(move || {
            selection.set(Selection::from_query(&current_query()));
        });
        let _ = window.add_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref());
        // The listener lives as long as the page.
        on_pop.forget();
    }
    selection
}

/// A yes/no preference kept in local storage (for example whether the figure is mirrored).
pub fn stored_flag(key: &'static str) -> RwSignal<bool> {
    let initial = storage().and_then(|s| s.get_item(key).ok().flatten()).as_deref() == Some("1");
    let flag = RwSignal::new(initial);
    Effect::new(move |_| {
        if let Some(s) = storage() {
            let _ = s.set_item(key, if flag.get() { "1" } else { "0" });
        }
    });
    flag
}
