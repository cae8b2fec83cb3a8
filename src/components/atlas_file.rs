//! For data authors: open an atlas file from this computer and see it drawn and checked, with
//! the same messages as the data tool. The file is read in the browser; nothing is sent anywhere.

use crate::model::Atlas;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// A file's name and what came of loading it.
pub type Opened = (String, Result<Arc<Atlas>, String>);

#[component]
pub fn AtlasFilePicker(on_open: Callback<Opened>) -> impl IntoView {
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        let name = file.name();
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string());
            let result = match text {
                Some(text) => Atlas::from_json(&text).map(Arc::new).map_err(|e| {
                    let mut s = e.to_string();
                    s[..1].make_ascii_uppercase();
                    s
                }),
                None => Err(format!("The file {name} could not be read as text.")),
            };
            on_open.run((name, result));
        });
    };
    view! {
        <details class="atlas-file no-print">
            <summary>"For data authors: check an atlas file"</summary>
            <label class="atlas-file__label">
                "Open a bundled atlas file (atlas.json) from this computer to see it drawn and checked. It is read here in your browser and sent nowhere. "
                <input type="file" accept=".json,application/json" data-testid="atlas-file" on:change=on_change />
            </label>
        </details>
    }
}
