// Starts the app. Trunk would write an inline module script for this; the Content-Security-Policy
// in index.html allows no inline script, so Trunk.toml's `pattern_script` writes only a marker
// naming the hashed wasm-bindgen module and wasm, and this file (hashed by trunk, with an
// integrity hash) loads them.
const names = document.querySelector('meta[name="trigger-atlas-app"]');

// Offline use after the first visit (sw.js). Registered first, so that it happens even if the
// app below fails to start.
if ('serviceWorker' in navigator) navigator.serviceWorker.register('sw.js').catch(() => {});

const { default: init } = await import(names.dataset.js);
await init({ module_or_path: names.dataset.wasm });
