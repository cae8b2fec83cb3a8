//! The key to the figure: essential and spillover zones differ by pattern as well as colour.

use leptos::prelude::*;

#[component]
pub fn Legend() -> impl IntoView {
    view! {
        <ul class="legend" aria-label="Key to the figure">
            <li><span class="legend__swatch legend__swatch--essential" aria-hidden="true"></span>"Essential zone: where most people feel it"</li>
            <li><span class="legend__swatch legend__swatch--spillover" aria-hidden="true"></span>"Spillover zone: where some people also feel it"</li>
            <li><span class="legend__mark" aria-hidden="true">"\u{2715}"</span>"Trigger point"</li>
            <li><span class="legend__swatch legend__swatch--muscle" aria-hidden="true"></span>"Selected muscle (dashed: lies deep)"</li>
        </ul>
    }
}
