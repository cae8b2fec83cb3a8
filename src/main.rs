//! Entry point of the web app: only mounts it. The app lives in `trigger_atlas::app`.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    trigger_atlas::app::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The app runs in the browser: build it with `trunk` (see README.md).");
}
