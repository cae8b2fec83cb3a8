//! A view off screen (another tab on a phone, below the fold on a desktop) follows the selection
//! once the tap's frame is painted: a tap pays for the views the user sees, not all seven.

use crate::highlight::Highlight;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{IntersectionObserver, IntersectionObserverEntry};

/// The highlight `figure` shows: `highlight` itself while the figure is on screen, and a frame
/// or two behind it while it is not; it catches up as soon as the figure comes into sight.
pub fn follow_when_seen(figure: NodeRef<leptos::html::Figure>, highlight: Memo<Highlight>) -> ReadSignal<Highlight> {
    let (shown, set_shown) = signal(highlight.get_untracked());
    // On screen until the observer says otherwise: a figure is drawn with the selection of its time.
    let seen = StoredValue::new(true);
    let pending = StoredValue::new(false);
    let catch_up = move || {
        let behind = highlight.with_untracked(|h| shown.with_untracked(|s| s != h));
        if behind {
            set_shown.set(highlight.get_untracked());
        }
    };
    Effect::new(move |_| {
        highlight.track();
        if seen.get_value() {
            catch_up();
        } else if !pending.get_value() {
            pending.set_value(true);
            crate::app::after_next_paint(move || {
                if pending.try_set_value(false).is_none() {
                    catch_up();
                }
            })
        }
    });
    Effect::new(move |_| {
        let Some(el) = figure.get() else { return };
        let on_change = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let last = entries.get(entries.length().saturating_sub(1));
            let Ok(entry) = last.dyn_into::<IntersectionObserverEntry>() else { return };
            let now = entry.is_intersecting();
            if seen.try_set_value(now).is_none() && now {
                catch_up();
            }
        });
        let Ok(observer) = IntersectionObserver::new(on_change.as_ref().unchecked_ref()) else { return };
        observer.observe(&el);
        let keep = SendWrapper::new((observer, on_change));
        on_cleanup(move || keep.0.disconnect());
    });
    shown
}

/// How far down the figure's picture "+" should bring what is chosen: the middle of the part of
/// it in sight. On a phone the sticky view switch covers the top of the screen and the answer
/// sheet the bottom; on a desktop the whole window is in sight.
pub fn middle_in_sight(figure: &web_sys::HtmlElement) -> f32 {
    let (Some(window), Ok(Some(svg))) = (web_sys::window(), figure.query_selector(".body-figure__svg")) else {
        return 0.5;
    };
    let document = window.document();
    // The top or bottom edge on screen of the first element `selector` finds, if it shows.
    let edge_of = |selector: &str, top: bool| {
        let r = document.as_ref()?.query_selector(selector).ok()??.get_bounding_client_rect();
        (r.height() > 0.0).then(|| if top { r.top() } else { r.bottom() } as f32)
    };
    let height = window.inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0) as f32;
    let (mut from, mut to) = (0.0, height);
    if crate::app::is_phone() {
        from = edge_of(".view-switch", false).unwrap_or(from);
        to = edge_of(".sheet", true).map_or(to, |t| t.min(to));
    }
    let r = svg.get_bounding_client_rect();
    crate::zoom::middle_in_sight(r.top() as f32, r.bottom() as f32, from, to)
}
