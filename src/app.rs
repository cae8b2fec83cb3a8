//! The web app: loads the atlas file, then shows the body map. Components render state; the
//! answers come from `model`, `highlight` and `url_state`.

pub mod download;
pub mod history;

use crate::components::explorer::Explorer;
use crate::components::load_error::LoadErrorPanel;
use crate::model::Atlas;
use leptos::prelude::*;
use std::sync::Arc;

/// Where the bundled data is served, relative to the page.
pub const DATA_URL: &str = "atlas.json";

pub fn mount() {
    leptos::mount::mount_to_body(App);
}

/// Fetch and check the atlas; every failure becomes a sentence a person can act on.
pub async fn load_atlas(url: &str) -> Result<Arc<Atlas>, String> {
    let response = gloo_net::http::Request::get(url).send().await.map_err(|e| {
        format!("The atlas data could not be fetched from the server ({e}). Check your connection and try again.")
    })?;
    if !response.ok() {
        return Err(format!(
            "The atlas data file ({url}) could not be loaded: the server answered {} {}.",
            response.status(),
            response.status_text()
        ));
    }
    let text = response
        .text()
        .await
        .map_err(|e| format!("The atlas data file ({url}) could not be read: {e}."))?;
    Atlas::from_json(&text).map(Arc::new).map_err(|e| {
        let mut s = e.to_string();
        s[..1].make_ascii_uppercase();
        s
    })
}

#[component]
pub fn App() -> impl IntoView {
    let attempt = RwSignal::new(0u32);
    let atlas = LocalResource::new(move || {
        attempt.track();
        load_atlas(DATA_URL)
    });
    view! {
        <Shell>
            {move || match atlas.get() {
                None => view! {
                    <p class="status" role="status">"Loading the atlas\u{2026}"</p>
                }
                .into_any(),
                Some(Ok(atlas)) => view! { <Explorer atlas=atlas /> }.into_any(),
                Some(Err(message)) => view! {
                    <LoadErrorPanel message=message on_retry=Callback::new(move |_| attempt.update(|n| *n += 1)) />
                }
                .into_any(),
            }}
        </Shell>
    }
}

/// Header, main area and the standing disclaimer.
#[component]
fn Shell(children: Children) -> impl IntoView {
    view! {
        <header class="masthead">
            <h1 class="masthead__title">"Trigger Atlas"</h1>
            <p class="masthead__tagline">"Where trigger points send their pain"</p>
        </header>
        <main id="main" class="main">{children()}</main>
        <footer class="disclaimer">
            <p>
                <strong>"A reference, not a diagnosis. "</strong>
                "Referred pain patterns are typical, not certain. Pain in the chest, left arm or jaw can come from the heart; "
                "sudden severe headache, fever, numbness, weakness, or loss of bladder or bowel control need a doctor first."
            </p>
        </footer>
    }
}
