// Trigger Atlas service worker: the app and its data keep working with no network after the
// first visit, and a bad answer from the network never spoils what works.
//
// A release is a set of files: the page, the hashed JS, wasm and CSS it names, the two data
// files (the atlas, and the muscles' long texts fetched after the body is drawn), the manifest
// and the icon. A set is fetched into a cache of its own and becomes the one in use
// (recorded in the pointer cache) only when every file arrived whole: status 200, the right
// content type, the integrity hash the page gives for it, and for the data files a body that
// parses as what it should be. Until then the last good set stays in use.
//
// The page and the data files are fetched network-first, so a new release or data version is seen as
// soon as it can be fetched; when the network fails, stalls for WAIT_MS, or answers with
// something unusable (a 5xx, an HTML page for the data, a cut-off file), the cached copy is
// served. Hashed assets never change and are served from the set.
const PREFIX = 'trigger-atlas-';
const POINTER = `${PREFIX}pointer`;
const WAIT_MS = 4000;
// A release's files may take this long in all before the attempt is given up (and retried on
// the next visit).
const STAGE_MS = 60000;
const EXTRA = ['atlas.json', 'atlas-text.json', 'manifest.webmanifest', 'icon.svg'];

const scoped = (path) => new URL(path, self.registration.scope).href;
const PAGE = () => scoped('./');
const DATA = () => scoped('atlas.json');
const TEXTS = () => scoped('atlas-text.json');

// The content type each kind of file must come with. (The manifest and icon are not checked:
// many hosts serve .webmanifest as octet-stream, and neither can break the app.)
const TYPES = [
  [/\.wasm$/, /^application\/wasm\b/i],
  [/\.m?js$/, /^(text|application)\/(x-)?javascript\b/i],
  [/\.css$/, /^text\/css\b/i],
  [/\.json$/, /^application\/([\w.-]+\+)?json\b/i],
];
const HTML = /^text\/html\b/i;

/** The script, style and wasm files a page names, each with the integrity hash it gives. */
function assetsOf(html) {
  const found = new Map();
  for (const tag of html.match(/<(?:link|script|meta)\b[^>]*>/gi) || []) {
    const attrs = {};
    for (const [, k, a, b, c] of tag.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
      attrs[k.toLowerCase()] = a ?? b ?? c;
    }
    for (const [k, v] of Object.entries(attrs)) {
      if (!/^(href|src|data-[\w-]+)$/.test(k) || !/\.(m?js|wasm|css)$/.test(v.split(/[?#]/)[0])) continue;
      const url = scoped(v);
      if (new URL(url).origin !== self.location.origin || url === scoped('sw.js')) continue;
      if (!found.get(url)) found.set(url, k === 'href' || k === 'src' ? attrs.integrity || '' : '');
    }
  }
  return found;
}

/** Which release a page is: its files and their hashes. */
const releaseOf = (assets) => [...assets].map(([url, sri]) => `${url} ${sri}`).sort().join('\n');

const base64 = (buffer) => btoa(String.fromCharCode(...new Uint8Array(buffer)));

/** Does the body match an integrity attribute ("sha384-...", possibly several)? */
async function matches(body, integrity) {
  const hashes = integrity.split(/\s+/).filter(Boolean);
  if (!hashes.length) return true;
  for (const hash of hashes) {
    const [alg, want] = hash.split(/-(.*)/s);
    const name = { sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' }[alg];
    if (name && base64(await crypto.subtle.digest(name, body)) === want.split('?')[0]) return true;
  }
  return false;
}

/** The data file's top-level shape, as the app reads it. */
function isAtlas(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    && typeof value.format === 'number' && Array.isArray(value.sources) && Array.isArray(value.zones)
    && Array.isArray(value.muscles) && value.figure !== null && typeof value.figure === 'object';
}

/** The texts file's top-level shape, as the app reads it. */
function isTexts(value) {
  return value !== null && typeof value === 'object' && typeof value.version === 'string'
    && Array.isArray(value.muscles);
}

/**
 * Why a response must not be used or cached, or '' if it is whole and right. `url` says what
 * was asked for (the page for a navigation); `integrity` is the page's hash for it.
 */
async function fault(response, url, integrity = '') {
  if (!response) return 'no answer';
  if (response.status !== 200) return `status ${response.status}`;
  const type = response.headers.get('content-type') || '';
  const path = new URL(url).pathname;
  const page = url === PAGE() || path.endsWith('.html');
  const want = page ? HTML : (TYPES.find(([ext]) => ext.test(path)) || [])[1];
  if (want && !want.test(type)) return `content type ${type || 'none'}`;
  let body;
  try {
    body = await response.clone().arrayBuffer();
  } catch (error) {
    return `body cut off (${error})`;
  }
  if (!(await matches(body, integrity))) return 'integrity hash differs';
  if (path.endsWith('.wasm') && !(body.byteLength > 8 && new Uint32Array(body.slice(0, 4))[0] === 0x6d736100)) {
    return 'not WebAssembly';
  }
  if (page) {
    const html = new TextDecoder().decode(body);
    // A host's error page or a login portal is HTML too: the app's page names its wasm.
    if (!html.includes('name="trigger-atlas-app"')) return 'not the app\'s page';
    if (!/<\/html>\s*$/i.test(html)) return 'page cut off';
  }
  if (url === DATA() || url === TEXTS()) {
    try {
      const value = JSON.parse(new TextDecoder().decode(body));
      if (url === DATA() && !isAtlas(value)) return 'not an atlas';
      if (url === TEXTS() && !isTexts(value)) return 'not the texts file';
    } catch {
      return 'not JSON (cut off?)';
    }
  }
  return '';
}

/** The promise, or a rejection after `ms` (none if `ms` is 0). */
function within(promise, ms) {
  if (!ms) return promise;
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('timed out')), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Fetch, and check the whole answer (so a body that stalls counts as a stall too). */
function fetchChecked(request, url, init) {
  return fetch(request, init).then(async (response) => ({ response, why: await fault(response, url) }));
}

/** The complete set in use: { cache, release }, or null before the first one. */
async function current() {
  const entry = await (await caches.open(POINTER)).match('current');
  if (!entry) return null;
  const { name, release } = await entry.json();
  return (await caches.has(name)) ? { cache: await caches.open(name), release } : null;
}

// Sets being fetched, by release, so that two visits do not fetch the same release twice.
const staging = new Map();

/**
 * Fetch every file of the release a page names into a new cache, and switch to it only when
 * all arrived whole. Rejects, leaving the set in use as it was, if any did not.
 */
function stage(html) {
  const assets = assetsOf(html);
  const release = releaseOf(assets);
  if (staging.has(release)) return staging.get(release).promise;
  const name = `${PREFIX}${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const promise = (async () => {
    const files = [...assets, ...EXTRA.map((path) => [scoped(path), ''])];
    // The time limit is on the network only, so that a late answer cannot write into the cache
    // after the attempt was given up.
    const responses = await within(Promise.all(files.map(async ([url, integrity]) => {
      const response = await fetch(url, { cache: 'no-cache' });
      const why = await fault(response, url, integrity);
      if (why) throw new Error(`${url}: ${why}`);
      return [url, response];
    })), STAGE_MS);
    const cache = await caches.open(name);
    await cache.put(PAGE(), new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } }));
    for (const [url, response] of responses) await cache.put(url, response);
    // The switch: one write.
    await (await caches.open(POINTER)).put('current', new Response(JSON.stringify({ name, release })));
  })().then(async () => {
    // The new set is in use: forget older ones (but not one still being fetched).
    const busy = new Set([...staging.values()].map((s) => s.name));
    for (const old of await caches.keys()) {
      if (old.startsWith(PREFIX) && old !== POINTER && old !== name && !busy.has(old)) await caches.delete(old);
    }
  }, async (error) => {
    await caches.delete(name);
    throw error;
  }).finally(() => staging.delete(release));
  staging.set(release, { name, promise });
  return promise;
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    try {
      const page = await fetch(PAGE(), { cache: 'no-cache' });
      if (!(await fault(page, PAGE()))) await stage(await page.text());
    } catch {
      // Nothing usable now: the next visit tries again.
    }
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

/** The page: from the network if it answers well in time, else the cached one. */
async function navigate(event) {
  const set = await current();
  const cached = set && (await set.cache.match(PAGE()));
  const attempt = fetchChecked(event.request, PAGE());
  let result;
  try {
    result = await within(attempt, cached ? WAIT_MS : 0);
  } catch (error) {
    if (!cached) throw error;
    // Too slow: the cached page now; if a new release turns up late, fetch its set for next time.
    event.waitUntil(attempt.then(async ({ response, why }) => {
      const html = why ? '' : await response.text();
      if (html && releaseOf(assetsOf(html)) !== set.release) await stage(html);
    }).catch(() => {}));
    return cached;
  }
  const { response, why } = result;
  // A redirect is the browser's to follow.
  if (response.type === 'opaqueredirect') return response;
  if (why) return cached || response;
  const html = await response.clone().text();
  if (set && releaseOf(assetsOf(html)) === set.release) return response;
  // A new release (or the first): fetch its set. Show it if that finishes in time; otherwise
  // the last good release now, and the new one from the next visit on.
  const staged = stage(html);
  event.waitUntil(staged.catch(() => {}));
  if (!cached) return response;
  try {
    await within(staged, WAIT_MS);
    return response;
  } catch {
    return cached;
  }
}

/** A data file: network-first; a good answer refreshes the cached copy, a bad one never does. */
async function data(event, url) {
  const set = await current();
  const cached = set && (await set.cache.match(url));
  const attempt = fetchChecked(event.request, url, { cache: 'no-cache' });
  let result;
  try {
    result = await within(attempt, cached ? WAIT_MS : 0);
  } catch (error) {
    if (!cached) throw error;
    // Too slow: the cached copy now, and a good late answer for next time.
    event.waitUntil(attempt.then(({ response, why }) => why || set.cache.put(url, response)).catch(() => {}));
    return cached;
  }
  const { response, why } = result;
  if (why) return cached || response;
  if (set) event.waitUntil(set.cache.put(url, response.clone()));
  return response;
}

/** Files of the set in use come from it; anything else from the network. */
async function fromSet(request) {
  const set = await current();
  return (set && (await set.cache.match(request))) || fetch(request);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') event.respondWith(navigate(event));
  else if ([DATA(), TEXTS()].includes(url.origin + url.pathname)) event.respondWith(data(event, url.origin + url.pathname));
  else event.respondWith(fromSet(request));
});
