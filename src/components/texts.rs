//! The muscles' long texts (what a muscle does, causes, self-care, red flags, locations). The
//! app's bundle ships them in a second file, fetched once the body is drawn; until it arrives a
//! muscle's page says so, and if it cannot arrive the page says why and still warns when to see
//! a doctor.

use crate::model::{Atlas, Texts};
use leptos::prelude::*;
use std::sync::Arc;

#[derive(Clone)]
pub enum TextState {
    Loading,
    Ready(Arc<Texts>),
    Failed(String),
}

/// The texts of `atlas`, for every component below: at once if it carries them, otherwise
/// fetched after the next frame (so the body is painted first).
pub fn provide(atlas: &Arc<Atlas>) -> RwSignal<TextState> {
    let state = RwSignal::new(match atlas.text {
        None => TextState::Ready(Arc::new(Texts::inline(atlas))),
        Some(_) => TextState::Loading,
    });
    provide_context(state);
    if atlas.text.is_some() {
        let atlas = atlas.clone();
        request_animation_frame(move || fetch(atlas, state));
    }
    state
}

thread_local! {
    /// The texts fetched last, by version: an atlas file a data author opens that names the
    /// same texts as the published atlas shows them without fetching anything.
    static FETCHED: std::cell::RefCell<Option<Arc<Texts>>> = const { std::cell::RefCell::new(None) };
}

/// Fetch (again) and show the result.
pub fn fetch(atlas: Arc<Atlas>, state: RwSignal<TextState>) {
    let version = atlas.text.as_ref().map(|t| t.version.clone());
    if let Some(texts) = FETCHED.with_borrow(|f| f.clone()).filter(|t| Some(&t.version) == version.as_ref()) {
        state.set(TextState::Ready(texts));
        return;
    }
    state.set(TextState::Loading);
    leptos::task::spawn_local(async move {
        let result = crate::app::load_texts(&atlas).await;
        state.set(match result {
            Ok(texts) => {
                let texts = Arc::new(texts);
                FETCHED.set(Some(texts.clone()));
                TextState::Ready(texts)
            }
            Err(e) => TextState::Failed(e),
        });
    });
}

/// The texts' state where a component is drawn; ready and empty outside an explorer.
pub fn use_texts() -> RwSignal<TextState> {
    use_context::<RwSignal<TextState>>().unwrap_or_else(|| RwSignal::new(TextState::Ready(Arc::default())))
}
