//! Browser tests of the components, run in headless Chromium by wasm-bindgen-test:
//! `cargo test --target wasm32-unknown-unknown --test web`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use std::sync::Arc;
use trigger_atlas::components::explorer::Explorer;
use trigger_atlas::components::load_error::LoadErrorPanel;
use trigger_atlas::model::{Atlas, Texts};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// The shipped bundle with its texts in it, so the components need nothing fetched.
fn atlas() -> Arc<Atlas> {
    let core = Atlas::from_json(include_str!("../public/atlas.json")).expect("the shipped bundle loads");
    let texts = Texts::from_json(include_str!("../public/atlas-text.json"), &core).expect("its texts load");
    Arc::new(core.with_text(&texts))
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Start from a given address, as a pasted link would, with nothing remembered from before.
fn set_query(query: &str) {
    if let Ok(Some(storage)) = web_sys::window().unwrap().local_storage() {
        storage.clear().unwrap();
    }
    let history = web_sys::window().unwrap().history().unwrap();
    let path = web_sys::window().unwrap().location().pathname().unwrap();
    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("{path}{query}"))).unwrap();
}

fn container() -> HtmlElement {
    let el: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&el).unwrap();
    el
}

/// The body map mounted in a fresh container at a given address; it stays mounted while the
/// returned handle lives.
fn explorer_at(query: &str) -> (HtmlElement, impl Sized) {
    set_query(query);
    let root = container();
    let atlas = atlas();
    let handle = leptos::mount::mount_to(root.clone(), move || view! { <Explorer atlas=atlas /> });
    (root, handle)
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no element matches {selector}"))
}

fn find_all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).filter_map(|i| list.item(i)).map(|n| n.unchecked_into()).collect()
}

/// Let the app settle after an input: its effects run, and the panel, which follows the figure
/// once its frame is drawn (a timer set from the next animation frame, `app::after_next_paint`),
/// is drawn. Waiting for frames alone raced that timer on a busy machine.
async fn settle() {
    leptos::task::tick().await;
    let window = web_sys::window().unwrap();
    for _ in 0..2 {
        let frame = js_sys::Promise::new(&mut |resolve, _| {
            window.request_animation_frame(&resolve).unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(frame).await.unwrap();
        // A timer set now runs after the ones the app set in this frame's callbacks.
        let timer = js_sys::Promise::new(&mut |resolve, _| {
            window.set_timeout_with_callback(&resolve).unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(timer).await.unwrap();
    }
    leptos::task::tick().await;
}

/// A real bubbling click, as Leptos delegates events to the document.
fn click(el: &Element) {
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    let ev = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    el.dispatch_event(&ev).unwrap();
}

#[wasm_bindgen_test]
async fn choosing_a_zone_lists_the_muscles_that_refer_there() {
    let (root, _mounted) = explorer_at("");
    click(&find(&root, r#"[data-zone="head.temple"][data-side="left"]"#));
    settle().await;

    let zone = find(&root, r#"[data-zone="head.temple"][data-side="left"]"#);
    assert_eq!(zone.get_attribute("data-state").as_deref(), Some("selected"));
    assert_eq!(zone.get_attribute("aria-label").as_deref(), Some("Left temple"));
    let items = find_all(&root, "[data-testid=referrals] li");
    assert!(!items.is_empty(), "no muscles listed for the temple");
    let muscles: Vec<_> = items.iter().filter_map(|li| li.get_attribute("data-muscle")).collect();
    assert!(muscles.contains(&"upper-trapezius".to_string()), "{muscles:?}");
    assert_eq!(items[0].get_attribute("data-strength").as_deref(), Some("essential"));
    assert_eq!(web_sys::window().unwrap().location().search().unwrap(), "?zone=head.temple&side=left");
    root.remove();
}

#[wasm_bindgen_test]
async fn choosing_a_muscle_marks_its_trigger_points_and_zones() {
    let (root, _mounted) = explorer_at("");
    // The muscle list is built once the body is on screen.
    settle().await;
    click(&find(&root, "[data-testid=muscle-link-upper-trapezius]"));
    settle().await;

    for side in ["left", "right"] {
        let shape = find(&root, &format!(r#"[data-muscle="upper-trapezius"][data-side="{side}"]"#));
        assert_eq!(shape.get_attribute("data-state").as_deref(), Some("selected"));
        let temple = find(&root, &format!(r#"[data-zone="head.temple"][data-side="{side}"]"#));
        assert_eq!(temple.get_attribute("data-state").as_deref(), Some("essential"));
    }
    let marks = find_all(&root, r#"[data-trigger-point^="upper-trapezius/"]"#);
    assert!(!marks.is_empty(), "no trigger point marks");
    assert!(marks.iter().all(|m| m.get_attribute("aria-label").is_some_and(|l| l.contains("upper trapezius"))));
    // Spillover zones are drawn, and differently from essential ones.
    assert!(!find_all(&root, r#".zone[data-state="spillover"]"#).is_empty());
    for layer in ["essential", "spillover"] {
        let drawn = find_all(&root, &format!(".layer--{layer}")).iter().any(|l| l.get_attribute("d").is_some_and(|d| !d.is_empty()));
        assert!(drawn, "no {layer} area drawn");
    }
    assert!(find(&root, "[data-testid=muscle-panel]").text_content().unwrap().contains("Upper trapezius"));

    // One side only: the other side's marks and zones go away.
    click(&find(&root, r#"[data-testid=muscle-panel] [aria-label="Side shown"] button:nth-child(2)"#));
    settle().await;
    let right_temple = find(&root, r#"[data-zone="head.temple"][data-side="right"]"#);
    assert_eq!(right_temple.get_attribute("data-state").as_deref(), Some("none"));
    assert!(find_all(&root, r#"[data-trigger-point][data-side="right"]"#).is_empty());
    assert_eq!(web_sys::window().unwrap().location().search().unwrap(), "?muscle=upper-trapezius&side=left");
    root.remove();
}

#[wasm_bindgen_test]
async fn an_unknown_muscle_in_a_link_gets_a_friendly_message() {
    let (root, _mounted) = explorer_at("?muscle=upper-trapezuis");
    settle().await;
    let notice = find(&root, "[data-testid=not-found]");
    let text = notice.text_content().unwrap();
    assert!(text.contains("upper-trapezuis") && text.contains("Did you mean Upper trapezius?"), "{text}");
    assert_eq!(notice.get_attribute("role").as_deref(), Some("alert"));
    root.remove();
    set_query("");
}

#[wasm_bindgen_test]
async fn a_load_error_names_the_problems_and_offers_a_retry() {
    let root = container();
    let retries = RwSignal::new(0);
    let message = "The data file has 2 problem(s):\n- trigger point a/1, essential: refers to unknown zone \"x\"\n- muscle b, name: is empty".to_string();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <LoadErrorPanel message=message.clone() on_retry=Callback::new(move |_| retries.update(|n| *n += 1)) /> }
    });
    let panel = find(&root, "[data-testid=load-error]");
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(find_all(&root, "[data-testid=load-error] li").len(), 2);
    click(&find(&root, "[data-testid=load-error] button"));
    settle().await;
    assert_eq!(retries.get_untracked(), 1);
    root.remove();
}

#[wasm_bindgen_test]
async fn tapping_two_places_draws_them_and_ranks_candidates() {
    let (root, _mounted) = explorer_at("");
    click(&find(&root, r#"[data-view=front] [data-zone="head.temple"][data-side="left"]"#));
    settle().await;
    click(&find(&root, r#"[data-view=back] [data-zone="neck.back"][data-side="left"]"#));
    settle().await;

    assert_eq!(find_all(&root, r#"[data-drawn="true"]"#).len() >= 2, true);
    let candidates = find_all(&root, "[data-testid=candidates] li");
    assert!(!candidates.is_empty(), "no candidates for a temple and neck drawing");
    let percents: Vec<u32> = candidates
        .iter()
        .filter_map(|li| li.get_attribute("data-percent").and_then(|p| p.parse().ok()))
        .collect();
    assert!(percents.windows(2).all(|w| w[0] >= w[1]), "{percents:?}");
    assert_eq!(
        web_sys::window().unwrap().location().search().unwrap(),
        "?draw=left:head.temple,left:neck.back"
    );
    // Tapping a drawn place again takes it out.
    click(&find(&root, r#"[data-view=front] [data-zone="head.temple"][data-side="left"]"#));
    settle().await;
    assert!(find_all(&root, "[data-testid=candidates]").is_empty());
    assert!(!find_all(&root, "[data-testid=referrals]").is_empty(), "one place left: the single-zone list");
    root.remove();
    set_query("");
}

#[wasm_bindgen_test]
async fn search_lists_results_as_you_type() {
    let (root, _mounted) = explorer_at("");
    let input: web_sys::HtmlInputElement = find(&root, "#search-input").unchecked_into();
    input.set_value("SCM");
    let ev = web_sys::Event::new_with_event_init_dict("input", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .unwrap();
    input.dispatch_event(&ev).unwrap();
    settle().await;
    let results = find_all(&root, "[data-testid=search-results] li");
    assert!(!results.is_empty());
    assert!(results[0].text_content().unwrap().contains("Sternocleidomastoid"));
    root.remove();
}
