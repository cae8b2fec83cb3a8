//! What one can do with what is on screen: copy a link to it, print it as a handout, or save
//! the figure as SVG or PNG.

use crate::export::figure_svg;
use crate::highlight::Highlight;
use crate::model::Atlas;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen_futures::JsFuture;

/// The figure's file name: "trigger-atlas-soleus".
fn file_stem(title: &str) -> String {
    let slug: String = title
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("trigger-atlas-{}", slug.split('-').filter(|p| !p.is_empty()).collect::<Vec<_>>().join("-"))
}

#[component]
pub fn Actions(
    /// Heads the saved figure: the muscle's name, or a description of the drawing.
    title: String,
    /// The figure to save, when it is not the page's own (a comparison).
    #[prop(optional)]
    figure: Option<Callback<(), String>>,
) -> impl IntoView {
    let atlas = use_context::<Arc<Atlas>>();
    let highlight = use_context::<Memo<Highlight>>();
    let status = RwSignal::new(String::new());
    let copy = move |_| {
        let Some(window) = web_sys::window() else { return };
        let href = window.location().href().unwrap_or_default();
        let promise = window.navigator().clipboard().write_text(&href);
        leptos::task::spawn_local(async move {
            match JsFuture::from(promise).await {
                Ok(_) => status.set("Link copied. Paste it into a message or a note.".into()),
                Err(_) => status.set(format!("Copy this link: {href}")),
            }
        });
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let svg = {
        let title = title.clone();
        move || match (figure, &atlas, highlight) {
            (Some(f), _, _) => Some(f.run(())),
            (None, Some(a), Some(h)) => Some(figure_svg(a, &h.get_untracked(), &title)),
            _ => None,
        }
    };
    let stem = file_stem(&title);
    let (svg2, stem2) = (svg.clone(), stem.clone());
    let save_svg = move |_| {
        if let Some(doc) = svg() {
            let r = crate::app::download::save_svg(&doc, &format!("{stem}.svg"));
            status.set(if r.is_ok() { "Figure saved as SVG.".into() } else { "The figure could not be saved.".into() });
        }
    };
    let save_png = move |_| {
        if let Some(doc) = svg2() {
            // The document's own size attributes (twice its viewBox) give a sharp picture.
            let size = |attr: &str| {
                doc.split(&format!(" {attr}=\"")).nth(1).and_then(|r| r.split('"').next()).and_then(|v| v.parse::<f32>().ok())
            };
            let (w, h) = (size("width").unwrap_or(800.0) as u32, size("height").unwrap_or(1100.0) as u32);
            let r = crate::app::download::save_png(&doc, w, h, &format!("{stem2}.png"));
            status.set(if r.is_ok() { "Figure saved as PNG.".into() } else { "The figure could not be saved.".into() });
        }
    };
    view! {
        <div class="actions no-print">
            <button class="button" on:click=copy data-testid="copy-link">"Copy link"</button>
            <button class="button" on:click=print>"Print handout"</button>
            <button class="button button--quiet" on:click=save_svg data-testid="save-svg">"Save figure (SVG)"</button>
            <button class="button button--quiet" on:click=save_png data-testid="save-png">"Save figure (PNG)"</button>
            <p class="actions__status" role="status">{move || status.get()}</p>
        </div>
    }
}
