//! What the page shows when the atlas cannot be loaded: the reason, and a way to try again.

use leptos::prelude::*;

#[component]
pub fn LoadErrorPanel(
    /// A sentence naming the problem.
    message: String,
    /// Fetch the data again.
    on_retry: Callback<()>,
) -> impl IntoView {
    // Problems from validation come one per line; show them as a list.
    let mut lines = message.lines();
    let headline = lines.next().unwrap_or_default().to_string();
    let details: Vec<String> = lines.map(|l| l.trim_start_matches("- ").to_string()).collect();
    view! {
        <section class="load-error" role="alert" data-testid="load-error">
            <h2>"The atlas could not be loaded"</h2>
            <p>{headline}</p>
            {(!details.is_empty()).then(|| view! {
                <ul class="load-error__details">
                    {details.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}
                </ul>
            })}
            <button class="button" on:click=move |_| on_retry.run(())>"Try again"</button>
        </section>
    }
}
