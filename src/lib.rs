//! Trigger Atlas: an interactive body map of myofascial trigger points and the pain they refer.
//!
//! `model` is plain Rust (data, validation, lookups) and builds anywhere; `app` is the Leptos
//! web app and builds for the browser only.

pub mod export;
pub mod highlight;
pub mod model;
pub mod render;
pub mod safety;
pub mod scroll;
pub mod status;
pub mod url_state;
pub mod zoom;

#[cfg(not(target_arch = "wasm32"))]
pub mod authoring;
#[cfg(not(target_arch = "wasm32"))]
pub mod preview;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
