//! Switching the states of a view's static shapes (see `render::markup`): each change of
//! selection compares every shape's new state with the one it shows and touches only the shapes
//! that changed, so a tap costs a few attribute writes rather than re-running a view per shape.

use wasm_bindgen::JsCast;
use web_sys::Element;

/// The `i`th shape of a group.
pub fn nth(group: &Element, i: usize) -> Option<Element> {
    group.children().item(i as u32)
}

/// Write the states that differ from those shown, and remember them.
pub fn update<T: PartialEq + Copy>(group: &Element, shown: &mut [T], next: impl Iterator<Item = T>, write: impl Fn(&Element, T, T)) {
    let children = group.children();
    for (i, state) in next.enumerate() {
        if let Some(was) = shown.get(i).copied().filter(|s| *s != state) {
            shown[i] = state;
            if let Some(el) = children.item(i as u32) {
                write(&el, was, state);
            }
        }
    }
}

// A shape's state is in data attributes only, and only those that changed are written: how a
// pattern looks is drawn over the view (`render::layers`), so a tap restyles no shape.

pub fn write_zone(el: &Element, (was, drawn_was): (&'static str, bool), (state, drawn): (&'static str, bool)) {
    if state != was {
        let _ = el.set_attribute("data-state", state);
    }
    if drawn != drawn_was {
        let _ = el.set_attribute("data-drawn", if drawn { "true" } else { "false" });
        let _ = el.set_attribute("aria-pressed", if drawn { "true" } else { "false" });
    }
}

pub fn write_muscle(el: &Element, _: (bool, bool), (_, selected): (bool, bool)) {
    let _ = el.set_attribute("data-state", if selected { "selected" } else { "none" });
    let _ = el.set_attribute("aria-pressed", if selected { "true" } else { "false" });
}

/// The shape an event happened on: its group's kind ("zone" or "muscle") and index.
pub fn shape_of(target: Option<web_sys::EventTarget>) -> Option<(Element, usize)> {
    let el = target?.dyn_into::<Element>().ok()?.closest("[data-i]").ok()??;
    let i = el.get_attribute("data-i")?.parse().ok()?;
    Some((el, i))
}

/// Make the `i`th shape of a group the one the tab key reaches (or not).
pub fn set_tab_stop(group: &Element, i: usize, on: bool) {
    if let Some(el) = nth(group, i) {
        let _ = el.set_attribute("tabindex", if on { "0" } else { "-1" });
    }
}
