// Offline: after one visit the app and its data work with no network, and it can be installed.
// A broken server never spoils the offline copy: the service worker (public/sw.js) caches only
// whole, valid files, keeps the last good release until a new one arrived whole, and answers
// from its cache when the network errs or stalls. The test server breaks a request when a
// cookie asks for it (scripts/serve-dist.mjs --faults), so the worker's own fetches break too.
import { test, expect } from '@playwright/test';

test.use({ serviceWorkers: 'allow' });

/** First visit, then a reload under the service worker's control. */
async function visitOnce(page) {
  await page.goto('/?muscle=soleus');
  await expect(page.getByTestId('muscle-panel')).toBeVisible();
  // Wait until the service worker has cached everything and controls the page.
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

/** Break the server's answers for a target ("page", "atlas.json", ".wasm"): html, 500, 404,
 *  stall or truncate. */
async function breakServer(context, baseURL, target, fault) {
  await context.addCookies([{ name: `fault-${target}`, value: fault, url: baseURL }]);
}

/** What the service worker has in use: its page and data file. */
function cachedSet(page) {
  return page.evaluate(async () => {
    const pointer = await (await caches.open('trigger-atlas-pointer')).match('current');
    if (!pointer) return null;
    const { name } = await pointer.json();
    const cache = await caches.open(name);
    const html = await (await cache.match('./'))?.text();
    const data = await (await cache.match('atlas.json'))?.text();
    let atlas = null;
    try { atlas = JSON.parse(data); } catch { /* reported as null */ }
    return { name, html, muscles: atlas?.muscles?.length ?? null };
  });
}

/** The app works: a link to a zone shows the muscles that refer pain there. */
async function expectWorking(page, query = '/?zone=foot.heel&side=right') {
  await page.goto(query);
  await expect(page.getByRole('heading', { name: 'Pain in the right heel' })).toBeVisible();
  await expect(page.locator('[data-testid=referrals] li').first()).toHaveAttribute('data-muscle', /.+/);
}

async function expectWorkingOffline(page, context) {
  await context.setOffline(true);
  await expectWorking(page);
  await page.getByRole('button', { name: 'Muscles', exact: true }).click();
  await page.getByTestId('muscle-link-gastrocnemius').click();
  await expect(page.getByTestId('muscle-panel')).toContainText('Gastrocnemius');
  // The descriptions, a file of their own, come from the cache too.
  await expect(page.getByTestId('muscle-panel').getByRole('heading', { name: 'What you can do' })).toBeVisible();
  await context.setOffline(false);
}

test('after the first visit the app and its data work offline', async ({ page, context }) => {
  await visitOnce(page);
  const set = await cachedSet(page);
  expect(set.html).toContain('trigger-atlas-app');
  expect(set.muscles).toBeGreaterThan(10);
  await expectWorkingOffline(page, context);
});

test('a web page, a 500 or a cut-off file served as atlas.json never replaces the cached data', async ({ page, context, baseURL }) => {
  await visitOnce(page);
  const good = await cachedSet(page);
  for (const fault of ['html', '500', 'truncate']) {
    await breakServer(context, baseURL, 'atlas.json', fault);
    // Online, the app gets the cached data instead of the broken answer...
    await expectWorking(page);
    // ...and the cached copy is still the good one.
    expect(await cachedSet(page), `after ${fault}`).toEqual(good);
  }
  await context.clearCookies();
  await expectWorkingOffline(page, context);
});

test('a 500 or a web page that is not the app, for the page, serves the cached page', async ({ page, context, baseURL }) => {
  await visitOnce(page);
  const good = await cachedSet(page);
  for (const fault of ['500', 'html']) {
    await breakServer(context, baseURL, 'page', fault);
    await expectWorking(page);
    expect(await cachedSet(page), `after ${fault}`).toEqual(good);
  }
});

test('a stalled page or data request falls back to the cached copy within seconds', async ({ page, context, baseURL }) => {
  test.setTimeout(60_000); // three waits of 4 s for the cache, on a busy machine
  await visitOnce(page);
  let start;
  // No answer at all, or the headers and half the body and then nothing.
  for (const fault of ['stall', 'trickle']) {
    await breakServer(context, baseURL, 'atlas.json', fault);
    start = Date.now();
    await expectWorking(page);
    expect(Date.now() - start, fault).toBeLessThan(12_000);
  }

  await context.clearCookies();
  await breakServer(context, baseURL, 'page', 'stall');
  start = Date.now();
  await expectWorking(page);
  expect(Date.now() - start).toBeLessThan(12_000);
});

test('a broken release keeps the last good one; a whole one replaces it', async ({ page, context, baseURL }) => {
  await visitOnce(page);
  const good = await cachedSet(page);
  expect(good.html).not.toContain('/r2/');
  const release2 = { name: 'release', value: '2', url: baseURL };

  // A new release whose wasm is missing, then one whose data file is cut off: online, the last
  // good release is shown, and it stays the cached one.
  for (const [target, fault] of [['.wasm', '404'], ['atlas.json', 'truncate']]) {
    await context.clearCookies();
    await context.addCookies([release2]);
    await breakServer(context, baseURL, target, fault);
    await expectWorking(page);
    expect(await page.locator('meta[name=trigger-atlas-app]').getAttribute('data-wasm')).not.toContain('/r2/');
    expect(await cachedSet(page), `release 2 with ${target} ${fault}`).toEqual(good);
  }
  await context.clearCookies();
  await expectWorkingOffline(page, context);

  // The release arrives whole: it replaces the old one, and works offline.
  await context.addCookies([release2]);
  await page.goto('/?muscle=soleus');
  await expect.poll(async () => (await cachedSet(page))?.html ?? '', { timeout: 15_000 }).toContain('/r2/');
  await context.setOffline(true);
  await expectWorking(page);
  expect(await page.locator('meta[name=trigger-atlas-app]').getAttribute('data-wasm')).toContain('/r2/');
  expect((await cachedSet(page)).muscles).toBe(good.muscles);
  await context.setOffline(false);
});

test('a first visit with a broken data file caches nothing; the next good visit does', async ({ page, context, baseURL }) => {
  await breakServer(context, baseURL, 'atlas.json', 'html');
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText('web page instead of the atlas data');
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  expect(await cachedSet(page)).toBeNull();

  await context.clearCookies();
  await page.reload();
  await expect.poll(async () => (await cachedSet(page))?.muscles ?? 0, { timeout: 15_000 }).toBeGreaterThan(10);
  await expectWorkingOffline(page, context);
});

test('the app can be installed: a manifest with a name, start page and icon', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('link[rel=manifest]').getAttribute('href');
  const manifest = await (await request.get(href)).json();
  expect(manifest.name).toBe('Trigger Atlas');
  expect(manifest.display).toBe('standalone');
  expect(manifest.icons.length).toBeGreaterThan(0);
  expect((await request.get(manifest.icons[0].src)).ok()).toBe(true);
});
