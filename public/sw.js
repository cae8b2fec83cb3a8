// Trigger Atlas service worker: the app and its data keep working with no network after the
// first visit. The page and the data file are fetched network-first (so a new release or data
// version replaces the old one as soon as it can be fetched, never a stale page), and fall back
// to the cached copy offline. Hashed assets never change, so they are served cache-first.
const CACHE = 'trigger-atlas-v1';
const FRESH = (url) => url.pathname.endsWith('/') || url.pathname.endsWith('.html') || url.pathname.endsWith('atlas.json');

// The hashed JS, wasm and CSS the current page refers to.
const assetsOf = (html) => [...new Set(html.match(/[\w./-]+\.(?:js|wasm|css)\b/g) || [])].filter((a) => !a.includes('sw.js'));

async function refresh() {
  const cache = await caches.open(CACHE);
  const page = await fetch('./', { cache: 'no-cache' });
  const html = await page.clone().text();
  const assets = assetsOf(html).map((a) => new URL(a, self.registration.scope).href);
  await cache.put('./', page);
  await cache.addAll(['atlas.json', 'manifest.webmanifest', 'icon.svg', ...assets]);
  // Forget assets of older releases.
  const keep = new Set([...assets, ...['./', 'atlas.json', 'manifest.webmanifest', 'icon.svg'].map((a) => new URL(a, self.registration.scope).href)]);
  for (const req of await cache.keys()) if (!keep.has(req.url)) await cache.delete(req);
}

self.addEventListener('install', (event) => {
  event.waitUntil(refresh().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (event.request.mode === 'navigate' || FRESH(url)) {
    event.respondWith((async () => {
      const cache = await caches.open(CACHE);
      const key = event.request.mode === 'navigate' ? './' : event.request;
      try {
        const response = await fetch(event.request, { cache: 'no-cache' });
        if (response.ok) {
          await cache.put(key, response.clone());
          // A new page may name new assets: fetch them now, while online.
          if (event.request.mode === 'navigate') event.waitUntil(refresh().catch(() => {}));
        }
        return response;
      } catch (offline) {
        const cached = await cache.match(key);
        if (cached) return cached;
        throw offline;
      }
    })());
    return;
  }
  event.respondWith((async () => {
    const cached = await caches.match(event.request);
    if (cached) return cached;
    const response = await fetch(event.request);
    if (response.ok) (await caches.open(CACHE)).put(event.request, response.clone());
    return response;
  })());
});
