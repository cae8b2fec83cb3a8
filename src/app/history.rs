//! Keeps the selection and the address bar in step: changes push a history entry, and
//! back/forward (popstate) restore the selection.

use crate::url_state::Selection;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

fn current_query() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// A selection signal that starts from the URL and writes back to it.
pub fn url_selection() -> RwSignal<Selection> {
    let selection = RwSignal::new(Selection::from_query(&current_query()));

    Effect::new(move |_| {
        let query = selection.with(Selection::to_query);
        if query != current_query() {
            if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
                let path = web_sys::window()
                    .and_then(|w| w.location().pathname().ok())
                    .unwrap_or_else(|| "/".into());
                let url = format!("{path}{query}");
                let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
            }
        }
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
