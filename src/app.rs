//! The web app: loads the atlas file, then shows the body map. Components render state; the
//! answers come from `model`, `highlight` and `url_state`.

pub mod download;
pub mod history;

use crate::components::explorer::Explorer;
use crate::components::atlas_file::{AtlasFilePicker, Opened};
use crate::components::load_error::LoadErrorPanel;
use crate::model::Atlas;
use leptos::prelude::*;
use std::sync::Arc;

/// Where the bundled data is served, relative to the page.
pub const DATA_URL: &str = "atlas.json";

pub fn mount() {
    leptos::mount::mount_to_body(App);
}

/// How long the data may take, headers and body together, before the page says so.
const TIMEOUT_MS: i32 = 20_000;

/// Fetch and check the atlas; every failure becomes a sentence a person can act on, and says
/// whose side the problem is on.
pub async fn load_atlas(url: &str) -> Result<Arc<Atlas>, String> {
    let abort = web_sys::AbortController::new().ok();
    let fetch = Box::pin(fetch_text(url, "the atlas data", abort.as_ref().map(|a| a.signal())));
    let text = match futures::future::select(fetch, Box::pin(sleep(TIMEOUT_MS))).await {
        futures::future::Either::Left((result, _)) => result?,
        futures::future::Either::Right(_) => {
            if let Some(a) = abort {
                a.abort();
            }
            return Err(format!(
                "The atlas data did not arrive within {} seconds: the server or the connection stalled. Try again.",
                TIMEOUT_MS / 1000
            ));
        }
    };
    mark("atlas:fetched");
    let atlas = Atlas::from_json(&text);
    mark("atlas:read");
    atlas.map(Arc::new).map_err(|e| {
        let mut s = e.to_string();
        s[..1].make_ascii_uppercase();
        s
    })
}

/// Fetch the muscles' long texts that `atlas` names, within the same time limit.
pub async fn load_texts(atlas: &Atlas) -> Result<crate::model::Texts, String> {
    let Some(file) = atlas.text.as_ref().map(|t| t.file.clone()) else {
        return Ok(crate::model::Texts::inline(atlas));
    };
    let abort = web_sys::AbortController::new().ok();
    let fetch = Box::pin(fetch_text(&file, "the muscles' descriptions", abort.as_ref().map(|a| a.signal())));
    let text = match futures::future::select(fetch, Box::pin(sleep(TIMEOUT_MS))).await {
        futures::future::Either::Left((result, _)) => result?,
        futures::future::Either::Right(_) => {
            if let Some(a) = abort {
                a.abort();
            }
            return Err(format!("The descriptions did not arrive within {} seconds.", TIMEOUT_MS / 1000));
        }
    };
    crate::model::Texts::from_json(&text, atlas)
}

/// Fetch a data file; `what` names it in the messages ("the atlas data").
async fn fetch_text(url: &str, what: &str, signal: Option<web_sys::AbortSignal>) -> Result<String, String> {
    let response = gloo_net::http::Request::get(url).abort_signal(signal.as_ref()).send().await.map_err(|e| {
        let online = web_sys::window().is_none_or(|w| w.navigator().on_line());
        if online {
            format!(
                "{} could not be fetched from the server ({e}). The server could not be reached \
                 or refused the request (a redirect loop does this); if other sites work, the problem is on \
                 the server's side. Try again later.",
                capital(what)
            )
        } else {
            format!("{} could not be fetched from the server ({e}): you seem to be offline. Check your connection and try again.", capital(what))
        }
    })?;
    if !response.ok() {
        let status = response.status();
        let blame = if status >= 500 {
            " This is a problem on the server's side, not with your connection; try again in a while."
        } else {
            ""
        };
        return Err(format!(
            "{} ({url}) could not be loaded: the server answered {status} {}.{blame}",
            capital(what),
            response.status_text()
        ));
    }
    let html = response.headers().get("content-type").is_some_and(|t| t.contains("text/html"));
    let text = response
        .text()
        .await
        .map_err(|e| format!("{} ({url}) could not be read: {e}.", capital(what)))?;
    if html || text.trim_start().starts_with('<') {
        return Err(format!(
            "The server sent a web page instead of {what} ({url}): the file may be missing \
             from this site, or the address is wrong."
        ));
    }
    Ok(text)
}

/// Run `f` once the next frame has been drawn, for work a tap's answer should not wait for. (A
/// frame callback runs before its frame is drawn; a timer it sets runs after, in the idle time
/// before the next frame. A second frame callback would run in the next frame instead: while a
/// finger paints, that is the next stroke's frame, which the answer's rebuild then held back.)
/// All the work a tap defers (the history entry, the answer, the view switch's dots, the views
/// off screen) shares one frame callback: each callback costs the tap's frame time.
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    let first = AFTER_PAINT.with(|queue| {
        let mut queue = queue.borrow_mut();
        queue.push(Box::new(f));
        queue.len() == 1
    });
    if first {
        request_animation_frame(|| {
            set_timeout(
                || {
                    // Taken before running: work that defers more starts the next round.
                    for job in AFTER_PAINT.with(|queue| std::mem::take(&mut *queue.borrow_mut())) {
                        job();
                    }
                },
                std::time::Duration::ZERO,
            )
        });
    }
}

thread_local! {
    static AFTER_PAINT: std::cell::RefCell<Vec<Box<dyn FnOnce()>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Whether the page is laid out for a phone: one view at a time, the answer in a sheet (the
/// width at which style.css switches).
pub fn is_phone() -> bool {
    web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|w| w.as_f64()).is_some_and(|w| w < 900.0)
}

/// A named moment on the page's performance timeline, for the benchmark to read.
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// "the atlas data" -> "The atlas data".
fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// Resolves after `ms` milliseconds.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[component]
pub fn App() -> impl IntoView {
    let attempt = RwSignal::new(0u32);
    let atlas = LocalResource::new(move || {
        attempt.track();
        load_atlas(DATA_URL)
    });
    // An atlas file a data author opened, shown instead of the published one until they leave it.
    let opened = RwSignal::new(None::<Opened>);
    let on_open = Callback::new(move |o: Opened| opened.set(Some(o)));
    let back = Callback::new(move |_| opened.set(None));
    view! {
        <Shell on_open=on_open>
            {move || opened.get().map(|(name, result)| {
                let ok = result.is_ok();
                view! {
                    <div class="notice opened-file" role="status" data-testid="opened-file">
                        <p>{if ok {
                            format!("Showing your file {name}: it is valid. It was read in this browser and sent nowhere.")
                        } else {
                            format!("Your file {name} has problems; the data tool reports the same.")
                        }}</p>
                        <button class="button" on:click=move |_| back.run(())>"Back to the published atlas"</button>
                    </div>
                    {match result {
                        Ok(atlas) => view! { <Explorer atlas=atlas /> }.into_any(),
                        Err(message) => view! { <LoadErrorPanel message=message on_retry=back /> }.into_any(),
                    }}
                }
            })}
            {move || opened.with(Option::is_none).then(|| match atlas.get() {
                None => view! {
                    <p class="status" role="status">"Loading the atlas\u{2026}"</p>
                }
                .into_any(),
                Some(Ok(atlas)) => view! { <Explorer atlas=atlas /> }.into_any(),
                Some(Err(message)) => view! {
                    <LoadErrorPanel message=message on_retry=Callback::new(move |_| attempt.update(|n| *n += 1)) />
                }
                .into_any(),
            })}
        </Shell>
    }
}

/// Header, main area and the standing disclaimer.
#[component]
fn Shell(on_open: Callback<Opened>, children: Children) -> impl IntoView {
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
            <AtlasFilePicker on_open=on_open />
        </footer>
    }
}
