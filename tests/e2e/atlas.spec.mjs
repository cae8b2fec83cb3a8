// End-to-end: the release build, as a patient and a clinician use it.
import { test, expect } from '@playwright/test';
import { AtlasPage } from './atlas-page.mjs';

test('loads both views of the body with named, clickable zones', async ({ page }) => {
  const atlas = new AtlasPage(page);
  await atlas.open();
  await expect(page.getByRole('heading', { name: 'Where does it hurt?' })).toBeVisible();
  for (const view of ['front', 'back']) {
    const zones = page.locator(`[data-view=${view}] [data-zone]`);
    expect(await zones.count()).toBeGreaterThan(40);
  }
  await expect(atlas.zone('head.temple', 'left', 'front')).toHaveAttribute('aria-label', 'Left temple');
  await expect(page.locator('[data-view=back]').getByRole('button', { name: 'Right back of the neck' })).toHaveCount(1);
  atlas.expectNoConsoleErrors();
});

test('a patient taps where it hurts and follows a muscle from the ranked list', async ({ page }) => {
  const atlas = new AtlasPage(page);
  await atlas.open();
  await atlas.clickShape(page.locator('[data-view=back] [data-zone="foot.heel"][data-side="right"]'));
  await expect(page).toHaveURL(/\?zone=foot\.heel&side=right$/);
  await expect(page.getByRole('heading', { name: 'Pain in the right heel' })).toBeVisible();
  const first = atlas.referrals().first();
  await expect(first).toHaveAttribute('data-strength', 'essential');
  await expect(first).toHaveAttribute('data-muscle', 'soleus');
  await atlas.screenshot('zone-heel-desktop');

  await first.getByRole('button').click();
  await expect(page).toHaveURL(/\?muscle=soleus&side=right$/);
  await expect(atlas.musclePanel().getByRole('heading', { level: 2 })).toHaveText('Soleus');
  await expect(atlas.zone('foot.heel', 'right', 'back')).toHaveAttribute('data-state', 'essential');
  await expect(atlas.zone('foot.heel', 'right', 'side')).toHaveAttribute('data-state', 'essential');
  await expect(atlas.zone('foot.heel', 'left', 'back')).toHaveAttribute('data-state', 'none');

  // Back and forward walk the history.
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Pain in the right heel' })).toBeVisible();
  await page.goForward();
  await expect(atlas.musclePanel()).toBeVisible();
  atlas.expectNoConsoleErrors();
});

test('a clinician picks a muscle on the figure: shape, marks, essential and spillover', async ({ page }) => {
  const atlas = new AtlasPage(page);
  await atlas.open();
  await page.getByRole('button', { name: 'Muscles', exact: true }).click();
  await atlas.clickShape(atlas.muscle('upper-trapezius', 'left', 'back'));
  await expect(page).toHaveURL(/\?muscle=upper-trapezius&side=left$/);
  await expect(atlas.muscle('upper-trapezius', 'left', 'back')).toHaveAttribute('data-state', 'selected');
  await expect(atlas.muscle('upper-trapezius', 'left', 'head')).toHaveAttribute('data-state', 'selected');
  await expect(atlas.marks('upper-trapezius').first()).toBeVisible();
  expect(await page.locator('[data-trigger-point][data-side="right"]').count()).toBe(0);
  for (const view of ['front', 'head']) {
    await expect(atlas.zone('head.temple', 'left', view)).toHaveAttribute('data-state', 'essential');
    await expect(atlas.zone('face.jaw', 'left', view)).toHaveAttribute('data-state', 'spillover');
  }
  await expect(page.getByText('Essential zone: where most people feel it')).toBeVisible();
  await atlas.screenshot('muscle-upper-trapezius-desktop');
  atlas.expectNoConsoleErrors();
});

test('the side view: tap the outside of the hip, and see a lateral muscle marked from the side', async ({ page }) => {
  const atlas = new AtlasPage(page);
  await atlas.open();
  await atlas.clickShape(atlas.zone('hip.trochanter', 'right', 'side'));
  await expect(page).toHaveURL(/\?zone=hip\.trochanter&side=right$/);
  await expect(page.getByRole('heading', { name: 'Pain in the right bony point at the side of the hip' })).toBeVisible();
  const candidates = await atlas.referrals().evaluateAll((items) => items.map((li) => li.dataset.muscle));
  expect(candidates).toEqual(expect.arrayContaining(['gluteus-minimus', 'tensor-fasciae-latae']));
  // The tapped zone is shown as chosen on the side view.
  await expect(atlas.zone('hip.trochanter', 'right', 'side')).toHaveAttribute('data-state', 'selected');

  // A lateral hip muscle: its points marked from the side, its pattern on that side only.

  await page.goto('/?muscle=gluteus-minimus&side=right');
  await expect(atlas.muscle('gluteus-minimus', 'right', 'side')).toHaveAttribute('data-state', 'selected');
  await expect(page.locator('[data-view=side] [data-trigger-point^="gluteus-minimus/"][data-side="right"]').first()).toBeVisible();
  // Its data names the outside of the hip, thigh and leg; the figure draws each in parts.
  for (const zone of ['hip.trochanter', 'hip.outer-upper', 'thigh.outer-upper', 'thigh.outer-lower', 'leg.outer-upper', 'leg.outer-lower']) {
    await expect(atlas.zone(zone, 'right', 'side')).toHaveAttribute('data-state', 'essential');
    await expect(atlas.zone(zone, 'left', 'side')).toHaveAttribute('data-state', 'none');
  }
  atlas.expectNoConsoleErrors();
});

test('a pattern is drawn as one shape over its zones, and a tap just outside the body picks the nearest zone', async ({ page }) => {
  const atlas = new AtlasPage(page);
  await atlas.open('?muscle=upper-trapezius&side=left');
  const front = page.locator('[data-view=front]');
  await expect(atlas.zone('head.temple', 'left', 'front')).toHaveAttribute('data-state', 'essential');
  // The essential area is one solid path laid over the figure; the zones' own points lie in it.
  const share = await page.evaluate(() => {
    // The pattern is on the overlay, which shares the figure's view box.
    const layer = document.querySelector('[data-view=front] .layer--essential');
    const zone = document.querySelector('[data-view=front] [data-zone="head.temple"][data-side="left"]');
    const box = zone.getBBox();
    let hits = 0, tries = 0;
    for (let i = 0; i < 400; i++) {
      const p = new DOMPoint(box.x + box.width * ((i * 0.618) % 1), box.y + box.height * ((i * 0.382) % 1));
      if (!zone.isPointInFill(p)) continue;
      tries++;
      if (layer.isPointInFill(p)) hits++;
    }
    return { hits, tries };
  });
  expect(share.tries).toBeGreaterThan(5);
  expect(share.hits / share.tries).toBeGreaterThan(0.8);
  expect(await front.locator('.layer--spillover').getAttribute('d')).toMatch(/^M/);

  // In pain mode, a tap a few pixels outside the outline lands on the zone at the edge.
  await atlas.open();
  const edge = await page.evaluate(() => {
    const svg = document.querySelector('[data-view=front] svg');
    const r = svg.getBoundingClientRect();
    const y = r.top + r.height * 0.55;
    for (let x = r.right - 1; x > r.left; x--) {
      const el = document.elementFromPoint(x, y);
      if (el?.dataset?.zone) return { x: x + 3, y, zone: el.dataset.zone, side: el.dataset.side };
    }
    return null;
  });
  expect(edge).not.toBeNull();
  expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.dataset?.zone ?? null, edge)).toBeNull();
  await page.mouse.click(edge.x, edge.y);
  await expect(atlas.zone(edge.zone, edge.side, 'front')).toHaveAttribute('data-drawn', 'true');
  atlas.expectNoConsoleErrors();
});

test('a pasted link restores the selection, and survives a reload', async ({ page }) => {
  const atlas = new AtlasPage(page);
  await atlas.open('?muscle=gluteus-minimus');
  await expect(atlas.musclePanel().getByRole('heading', { level: 2 })).toHaveText('Gluteus minimus');
  await expect(atlas.muscle('gluteus-minimus', 'right', 'back')).toHaveAttribute('data-state', 'selected');
  await expect(atlas.muscle('gluteus-minimus', 'right', 'front')).toHaveAttribute('data-state', 'selected');
  await page.reload();
  await expect(atlas.musclePanel().getByRole('heading', { level: 2 })).toHaveText('Gluteus minimus');
  await expect(atlas.zone('thigh.outer-lower', 'left', 'front')).toHaveAttribute('data-state', 'essential');
  atlas.expectNoConsoleErrors();
});

test('an unknown muscle or zone in a link gets a friendly message, not a blank page', async ({ page }) => {
  const atlas = new AtlasPage(page);
  await atlas.open('?zone=head.tmple&side=left');
  await expect(page.getByTestId('not-found')).toContainText('Did you mean the temple?');
  await page.getByRole('button', { name: 'Back to the body map' }).click();
  await expect(page.getByRole('heading', { name: 'Where does it hurt?' })).toBeVisible();
  await atlas.open('?muscle=biceps');
  await expect(page.getByTestId('not-found')).toContainText('a muscle we do not have');
  atlas.expectNoConsoleErrors();
});

const brokenData = [
  ['a missing file (404)', (route) => route.fulfill({ status: 404, body: 'Not found' }), /server answered 404/],
  ['a network failure', (route) => route.abort('internetdisconnected'), /could not be fetched/],
  ['malformed JSON', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"format": 1, "zones": [' }), /malformed/],
  ['a web page served in its place', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Home</title>' }), /web page instead of the atlas data/],
  ['a server error (503)', (route) => route.fulfill({ status: 503, body: 'Service Unavailable' }), /server answered 503.*server's side, not with your connection/],
];

for (const [what, handler, message] of brokenData) {
  test(`${what} in the data file shows the problem and a retry that recovers`, async ({ page }) => {
    const atlas = new AtlasPage(page);
    let broken = true;
    await page.route('**/atlas.json', (route) => (broken ? handler(route) : route.continue()));
    await page.goto('/');
    await expect(page.getByTestId('load-error')).toContainText(message);
    broken = false;
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.locator('[data-zone]').first()).toBeAttached();
    await expect(page.getByTestId('load-error')).toHaveCount(0);
  });
}

test('a data request that stalls ends in a clear message and a retry, not endless loading', async ({ page }) => {
  // The clock is faked so the 20-second wait takes no time.
  await page.clock.install();
  let stalled = true;
  await page.route('**/atlas.json', (route) => (stalled ? undefined : route.continue()));
  await page.goto('/');
  await expect(page.getByRole('status')).toContainText('Loading the atlas');
  await page.clock.runFor(21_000);
  await expect(page.getByTestId('load-error')).toContainText('did not arrive within 20 seconds');
  stalled = false;
  await page.clock.resume();
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('[data-zone]').first()).toBeAttached();
});

test('the descriptions come after the body; if they cannot, the muscle page still warns and can try again', async ({ page }) => {
  const atlas = new AtlasPage(page);
  // The body is drawn without waiting for them: here they never come until allowed.
  let release;
  const allowed = new Promise((r) => { release = r; });
  let broken = false;
  await page.route('**/atlas-text.json', async (route) => {
    if (broken) return route.fulfill({ status: 503, body: 'Service Unavailable' });
    await allowed;
    return route.continue();
  });
  await page.goto('/?muscle=pectoralis-minor&side=left');
  await expect(page.locator('[data-zone]').first()).toBeAttached();
  const panel = page.getByTestId('muscle-panel');
  await expect(panel.getByRole('heading', { name: 'Pectoralis minor' })).toBeVisible();
  await expect(panel.getByTestId('texts-loading')).toBeVisible();
  release();
  await expect(panel.getByRole('heading', { name: 'What you can do' })).toBeVisible();
  await expect(panel.locator('.red-flags')).toContainText('heart attack');
  await expect(panel.getByTestId('texts-loading')).toHaveCount(0);
  // A server error: the page says so, keeps a general warning, and recovers on request.
  broken = true;
  await page.reload();
  const failed = panel.getByTestId('texts-failed');
  await expect(failed).toContainText("The muscles' descriptions (atlas-text.json) could not be loaded: the server answered 503");
  await expect(failed).toContainText('chest pain');
  broken = false;
  await failed.getByRole('button', { name: 'Try again' }).click();
  await expect(panel.locator('.red-flags')).toContainText('heart attack');
  await expect(panel.getByTestId('texts-failed')).toHaveCount(0);
  // Nothing panicked (the browser itself logs the 503).
  expect(atlas.consoleErrors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
});

test('a view of impossible size is refused with a clear message, and nothing panics', async ({ page }) => {
  const atlas = new AtlasPage(page);
  for (const height of [-500, 1e39]) {
    await page.route('**/atlas.json', async (route) => {
      const response = await route.fetch();
      const json = await response.json();
      json.figure.views.find((v) => v.id === 'front').height = height;
      // JSON has no infinity: 1e39 is a number here, and infinite as the app's f32.
      await route.fulfill({ response, body: JSON.stringify(json), contentType: 'application/json' });
    });
    await page.goto('/');
    const panel = page.getByTestId('load-error');
    await expect(panel).toContainText('front view');
    await expect(panel).toContainText('height');
    await expect(panel).toContainText('must be a number above 0');
    await page.unroute('**/atlas.json');
  }
  atlas.expectNoConsoleErrors();
});

test('a data file with broken references lists each problem precisely', async ({ page }) => {
  await page.route('**/atlas.json', async (route) => {
    const response = await route.fetch();
    const atlas = await response.json();
    atlas.muscles[0].trigger_points[0].essential[0] = 'head.tmple';
    atlas.muscles[1].trigger_points[0].source = 'nowhere';
    await route.fulfill({ response, json: atlas });
  });
  await page.goto('/');
  const panel = page.getByTestId('load-error');
  await expect(panel).toContainText('2 problem(s)');
  await expect(panel.locator('li')).toHaveCount(2);
  await expect(panel).toContainText('refers to unknown zone "head.tmple"; did you mean "head.temple"?');
  await expect(panel).toContainText('refers to unknown source "nowhere"');
});

test('keyboard only: tab into the figure, arrow between areas, choose with Enter, reach the results', async ({ page }) => {
  const atlas = new AtlasPage(page);
  await atlas.open();
  const focused = () => page.evaluate(() => {
    const el = document.activeElement;
    return { zone: el?.getAttribute('data-zone'), side: el?.getAttribute('data-side'), text: el?.textContent, tag: el?.tagName };
  });
  // Tab until the figure has focus: it is one stop, not one per area.
  let presses = 0;
  while (!(await focused()).zone && presses < 30) { await page.keyboard.press('Tab'); presses++; }
  // The figure's stop is the first area of the front view.
  const first = await page.evaluate(() => {
    const el = document.querySelector('[data-view=front] [data-zone]');
    return { zone: el.dataset.zone, side: el.dataset.side };
  });
  const start = await focused();
  expect([start.zone, start.side]).toEqual([first.zone, first.side]);
  await page.keyboard.press('ArrowRight');
  const next = await focused();
  expect([next.zone, next.side]).not.toEqual([first.zone, first.side]);
  await page.keyboard.press('Enter');
  const label = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
  await expect(page.getByRole('heading', { name: `Pain in the ${label.toLowerCase()}` })).toBeVisible();
  await expect(page.locator(':focus')).toHaveAttribute('aria-pressed', 'true');
  // Tab on to the ranked list in a handful of presses, and open the first muscle.
  presses = 0;
  while (presses < 40) {
    await page.keyboard.press('Tab'); presses++;
    const inList = await page.evaluate(() => !!document.activeElement.closest('[data-testid=referrals]'));
    if (inList) break;
  }
  expect(presses).toBeLessThan(40);
  await page.keyboard.press('Enter');
  await expect(atlas.musclePanel()).toBeVisible();
  atlas.expectNoConsoleErrors();
});

test('a click on an area leaves the keyboard there: the arrows go on from the area clicked', async ({ page }) => {
  const atlas = new AtlasPage(page);
  await atlas.open();
  const temple = page.locator('[data-view=front] [data-zone="head.temple"][data-side="left"]');
  const p = await atlas.pointIn(temple);
  await page.mouse.click(p.x, p.y);
  await expect(temple).toHaveAttribute('aria-pressed', 'true');
  // Focus follows the click once its frame is drawn (the press itself does not wait for it).
  await expect(temple).toBeFocused();
  await expect(temple).toHaveAttribute('tabindex', '0');
  await page.keyboard.press('ArrowRight');
  await expect(temple).not.toBeFocused();
  await expect(page.locator('[data-view=front] [data-zone]:focus')).toHaveCount(1);
  atlas.expectNoConsoleErrors();
});

test('the guides explain trigger points and therapy, and the pain guide links to muscles', async ({ page }) => {
  const atlas = new AtlasPage(page);
  await atlas.open();
  await page.getByRole('navigation', { name: 'Guides' }).getByRole('link', { name: 'How therapy helps, and what to expect' }).click();
  await expect(page).toHaveURL(/\?page=therapy$/);
  await expect(page.getByTestId('page')).toContainText('soreness');
  await page.getByRole('link', { name: 'Pain guide' }).click();
  const heel = page.locator('[data-testid=pain-guide] [data-zone="foot.heel"]');
  await expect(heel).toContainText('Soleus');
  await heel.getByRole('button', { name: 'Soleus' }).click();
  await expect(page).toHaveURL(/\?muscle=soleus&side=left$/);
  await page.goBack();
  await expect(page.getByTestId('pain-guide')).toBeVisible();
  atlas.expectNoConsoleErrors();
});

test('the hands up close: the palm side of a finger is tapped on the palms, and a thumb muscle is marked there too', async ({ page }) => {
  const atlas = new AtlasPage(page);
  await atlas.open();
  // On the whole body a finger is a few pixels wide; on the palms view it is a target.
  await atlas.clickShape(atlas.zone('hand.index-palm', 'left', 'palm'));
  await expect(page).toHaveURL(/\?zone=hand\.index-palm&side=left$/);
  await expect(page.getByRole('heading', { name: 'Pain in the left index finger, palm side' })).toBeVisible();
  const box = await atlas.zone('hand.index-palm', 'left', 'palm').boundingBox();
  const front = await atlas.zone('hand.index-palm', 'left', 'front').boundingBox();
  expect(box.width * box.height).toBeGreaterThan(4 * front.width * front.height);
  // Adductor pollicis is authored once, on the front view; its point shows on the palms too.
  await page.goto('/?muscle=adductor-pollicis&side=left');
  await expect(page.locator('[data-view=front] [data-trigger-point^="adductor-pollicis/"][data-side="left"]')).toHaveCount(1);
  await expect(page.locator('[data-view=palm] [data-trigger-point^="adductor-pollicis/"][data-side="left"]')).toHaveCount(1);
  await expect(atlas.muscle('adductor-pollicis', 'left', 'palm')).toHaveAttribute('data-state', 'selected');
  atlas.expectNoConsoleErrors();
});

test('an old link to a zone the figure now divides opens a drawing of its parts', async ({ page }) => {
  const atlas = new AtlasPage(page);
  await atlas.open('?zone=thigh.outer&side=left');
  await expect(page).toHaveURL(/\?draw=left:thigh\.outer-upper,left:thigh\.outer-lower$/);
  for (const part of ['thigh.outer-upper', 'thigh.outer-lower']) {
    await expect(atlas.zone(part, 'left', 'side')).toHaveAttribute('data-drawn', 'true');
  }
  await expect(page.getByTestId('not-found')).toHaveCount(0);
  atlas.expectNoConsoleErrors();
});

test('while a stroke paints, the areas follow the finger and the ranking waits for its end', async ({ page }) => {
  const atlas = new AtlasPage(page);
  await atlas.open();
  await atlas.clickShape(atlas.zone('head.temple', 'left', 'front'));
  await atlas.clickShape(atlas.zone('face.jaw', 'left', 'front'));
  const panel = page.getByTestId('drawing-panel');
  const candidates = page.getByTestId('candidates');
  await expect(candidates).toHaveAttribute('data-areas', '2');
  // Drag from the back of the neck to the top of the shoulder blade, and hold.
  const from = await atlas.pointIn(atlas.zone('neck.back', 'left', 'back'));
  const to = await atlas.pointIn(atlas.zone('back.scapula-top-inner', 'left', 'back'));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await expect(atlas.zone('back.scapula-top-inner', 'left', 'back')).toHaveAttribute('data-drawn', 'true');
  const heading = panel.getByRole('heading', { level: 2 });
  await expect(heading).not.toContainText(' 2 areas');
  const drawn = Number((await heading.textContent()).match(/(\d+) areas/)[1]);
  expect(drawn).toBeGreaterThan(3);
  // The area the stroke started on is answered as a tap is; the ones it went on to, not yet.
  await expect(candidates).toHaveAttribute('data-areas', '3');
  await expect(candidates).toHaveAttribute('aria-busy', 'true');
  // Lifted, the ranking answers the whole drawing.
  await page.mouse.up();
  await expect(candidates).toHaveAttribute('data-areas', String(drawn));
  await expect(candidates).toHaveAttribute('aria-busy', 'false');
  atlas.expectNoConsoleErrors();
});

test('a patient draws their pain across several places and sees ranked, explained candidates', async ({ page }) => {
  const atlas = new AtlasPage(page);
  await atlas.open();
  // Tap the left temple, then drag from the back of the neck down to the top of the shoulder blade.
  await atlas.clickShape(atlas.zone('head.temple', 'left', 'front'));
  const from = await atlas.pointIn(atlas.zone('neck.back', 'left', 'back'));
  const to = await atlas.pointIn(atlas.zone('back.scapula-top-inner', 'left', 'back'));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
  await expect(page).toHaveURL(/draw=left:head\.temple,left:neck\.back/);
  for (const [z, v] of [['head.temple', 'front'], ['neck.back', 'back'], ['back.scapula-top-inner', 'back']]) {
    await expect(atlas.zone(z, 'left', v)).toHaveAttribute('data-drawn', 'true');
  }
  const panel = page.getByTestId('drawing-panel');
  await expect(panel.getByRole('heading', { level: 2 })).toContainText('areas');
  const first = page.locator('[data-testid=candidates] li').first();
  await expect(first).toHaveAttribute('data-side', 'left');
  const percents = await page.locator('[data-testid=candidates] li').evaluateAll((lis) => lis.map((li) => Number(li.dataset.percent)));
  expect(percents.length).toBeGreaterThan(1);
  expect([...percents].sort((a, b) => b - a)).toEqual(percents);
  await expect(first.locator('.candidate__reason')).toContainText('usually felt: left');
  // Hovering a candidate lays its pattern over the drawing.
  await first.hover();
  const muscle = await first.getAttribute('data-muscle');
  await expect(atlas.muscle(muscle, 'left').first()).toHaveAttribute('data-state', 'selected');
  await atlas.screenshot('drawing-desktop');
  // One Back undoes the whole stroke, not each zone of it.
  await page.goBack();
  await expect(page).toHaveURL(/\?zone=head\.temple&side=left$/);
  await page.goForward();
  await expect(page.getByTestId('drawing-panel')).toBeVisible();
  // Opening a candidate shows its page with its pattern over the drawing, said in words, and
  // the drawing one tap away.
  await page.locator('[data-testid=candidates] li').first().getByRole('button').click();
  await expect(page).toHaveURL(new RegExp(`muscle=${muscle}&side=left&draw=left:head\\.temple`));
  await expect(page.getByTestId('candidate-bar')).toContainText(/covers (\d+|all \d+|both) of your/);
  await expect(atlas.musclePanel()).toBeVisible();
  await expect(atlas.zone('neck.back', 'left', 'back')).toHaveAttribute('data-drawn', 'true');
  await expect(atlas.muscle(muscle, 'left').first()).toHaveAttribute('data-state', 'selected');
  await page.getByTestId('back-to-drawing').click();
  await expect(page.getByTestId('drawing-panel')).toBeVisible();
  // A plain visit starts empty (the next patient at a shared computer), and offers the drawing.
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Where does it hurt?' })).toBeVisible();
  await expect(page.locator('[data-zone][data-drawn="true"]')).toHaveCount(0);
  await page.getByTestId('restore-drawing').click();
  await expect(page.getByTestId('drawing-panel')).toBeVisible();
  // Starting over forgets it.
  await page.getByTestId('start-over').click();
  await page.goto('/');
  await expect(page.getByTestId('restore-offer')).toHaveCount(0);
  atlas.expectNoConsoleErrors();
});

test('search finds muscles and places as people type them, typos included', async ({ page }) => {
  const atlas = new AtlasPage(page);
  await atlas.open();
  const search = page.getByRole('searchbox', { name: 'Search muscles, places and complaints' });
  await search.fill('sternocleidomastiod');
  const results = page.getByTestId('search-results');
  await expect(results.locator('li').first()).toContainText('Sternocleidomastoid');
  // A complaint lists the muscles to examine first, saying why, then the place it names.
  await search.fill('tennis elbow');
  await expect(results.locator('[data-muscle]').first()).toHaveAttribute('data-muscle', 'supinator');
  await expect(results.locator('[data-muscle]').first()).toContainText('outside of the elbow');
  await results.getByRole('button', { name: 'Right outside of the elbow' }).click();
  await expect(page).toHaveURL(/\?zone=elbow\.outer&side=right$/);
  await expect(atlas.referrals().first()).toHaveAttribute('data-strength', 'essential');
  await search.fill('QL');
  await results.getByRole('button', { name: 'Quadratus lumborum' }).click();
  await expect(atlas.musclePanel().getByRole('heading', { level: 2 })).toContainText('Quadratus lumborum');
  atlas.expectNoConsoleErrors();
});

test('a complaint lists the usual suspects first: heel pain, soleus', async ({ page }) => {
  const atlas = new AtlasPage(page);
  await atlas.open();
  const search = page.getByRole('searchbox', { name: 'Search muscles, places and complaints' });
  const results = page.getByTestId('search-results');
  for (const query of ['heel pain', 'heal pain in the morning']) {
    await search.fill(query);
    await expect(results.locator('[data-muscle]').first()).toBeVisible();
    const order = await results.locator('[data-muscle]').evaluateAll((els) => els.map((e) => e.dataset.muscle));
    expect(order.slice(0, 3), query).toContain('soleus');
    // Muscles before places, and the heel among the places.
    const kinds = await results.locator('li').evaluateAll((els) => els.map((e) => e.dataset.result));
    expect(kinds.indexOf('zone')).toBeGreaterThan(kinds.lastIndexOf('muscle'));
    await expect(results.locator('[data-zone="foot.heel"]')).toBeVisible();
  }
  await expect(page.locator('[data-complaint="heel pain"]')).toContainText('Plantar fasciitis');
  await results.locator('[data-muscle="soleus"]').getByRole('button').click();
  await expect(page).toHaveURL(/\?muscle=soleus$/);
  // A link in capitals opens the muscle; a comparison keeps the muscles it knows.
  await atlas.open('?muscle=SOLEUS');
  await expect(atlas.musclePanel().getByRole('heading', { level: 2 })).toHaveText('Soleus');
  await atlas.open('?compare=soleus,gastrocnemius,no-such-muscle');
  await expect(page).toHaveURL(/\?compare=soleus,gastrocnemius$/);
  await expect(page.getByTestId('not-found')).toHaveCount(0);
  atlas.expectNoConsoleErrors();
});

test('a complaint that can be serious brings its caution first, in search and on the figure', async ({ page }) => {
  const atlas = new AtlasPage(page);
  await atlas.open();
  const search = page.getByRole('searchbox', { name: 'Search muscles, places and complaints' });
  const searchArea = page.getByRole('search');
  for (const [query, kind] of [['chest pain', 'heart'], ['pain down my left arm', 'heart'], ['worst headache of my life', 'headache'],
    ['stomach ache', 'abdomen'], ['numbness in hand', 'nerve'], ['jaw pain', 'heart'], ['groin pain', 'abdomen'],
    ['sudden headache', 'headache'], ['weakness in my leg', 'nerve'], ['loss of bladder control', 'spine'],
    ['back pain with fever', 'fever'], ['dizzy when I stand up', 'dizziness']]) {
    await search.fill(query);
    const caution = searchArea.locator(`[data-caution="${kind}"]`);
    await expect(caution).toBeVisible();
    // Above any result.
    const results = searchArea.locator('[data-testid=search-results], .search__empty');
    const [c, r] = [await caution.boundingBox(), await results.first().boundingBox()];
    expect(c.y).toBeLessThan(r.y);
  }
  await search.fill('tennis elbow');
  await expect(searchArea.locator('[data-caution]')).toHaveCount(0);
  // The heart caution covers the whole left arm, its outer side too.
  await search.fill('');
  await atlas.clickShape(atlas.zone('arm.outer-lower', 'left', 'side'));
  await expect(page.locator('[data-caution="heart"]')).toBeVisible();
  await page.goto('/?zone=arm.outer-lower&side=right');
  await expect(page.getByRole('heading', { name: 'Pain in the right outside of the upper arm, near the elbow' })).toBeVisible();
  await expect(page.locator('[data-caution="heart"]')).toHaveCount(0);
  atlas.expectNoConsoleErrors();
});

test('zoom and pan: buttons, keys, the wheel with Ctrl, and a two-finger pinch', async ({ page }) => {
  const atlas = new AtlasPage(page);
  await atlas.open();
  const svg = page.locator('[data-view=front] svg.body-figure__svg');
  const viewBox = () => svg.getAttribute('viewBox');
  expect(await viewBox()).toBe('0 0 200 500');
  await page.getByRole('button', { name: 'Zoom in on the front view' }).click();
  await expect(svg).toHaveAttribute('data-zoom', '3.2');
  await page.getByRole('button', { name: 'Zoom in on the front view' }).click();
  await expect(svg).toHaveAttribute('data-zoom', '6');
  await expect(page.getByRole('button', { name: 'Zoom in on the front view' })).toBeDisabled();
  await page.getByRole('button', { name: 'Zoom out of the front view' }).click();
  await expect(svg).toHaveAttribute('data-zoom', '3.2');
  // A zone still chooses where it is drawn, magnified.
  await atlas.clickShape(atlas.zone('abdomen.upper-inner', 'left', 'front'));
  await expect(page.getByRole('heading', { name: 'Pain in the left upper abdomen near the midline' })).toBeVisible();
  // Enter on the same area takes it out of the drawing again.
  await atlas.zone('abdomen.upper-inner', 'left', 'front').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-drawn=true]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Show the whole front view' }).click();
  expect(await viewBox()).toBe('0 0 200 500');
  // Keys: + on a focused area zooms, and focus moving off screen brings the area into view.
  await atlas.zone('head.vertex', 'midline', 'front').focus();
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await page.keyboard.press('End');
  const [, y] = (await viewBox()).split(' ').map(Number);
  expect(y).toBeGreaterThan(100);
  await page.keyboard.press('0');
  expect(await viewBox()).toBe('0 0 200 500');
  // Ctrl and the wheel zoom around the pointer.
  const box = await svg.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.1);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -200);
  await page.keyboard.up('Control');
  await expect.poll(async () => Number(await svg.getAttribute('data-zoom'))).toBeGreaterThan(2);
  await page.getByRole('button', { name: 'Show the whole front view' }).click();
  // Two fingers spreading apart magnify (touch events through the DevTools protocol).
  const cdp = await page.context().newCDPSession(page);
  await svg.scrollIntoViewIfNeeded();
  const now = await svg.boundingBox();
  const cx = now.x + now.width / 2, cy = now.y + now.height / 2;
  const touch = (type, d) => cdp.send('Input.dispatchTouchEvent', { type,
    touchPoints: type === 'touchEnd' ? [] : [{ x: cx - d, y: cy, id: 1 }, { x: cx + d, y: cy, id: 2 }] });
  await touch('touchStart', 10);
  for (const d of [20, 30, 40, 50]) await touch('touchMove', d);
  await touch('touchEnd', 0);
  await expect.poll(async () => Number(await svg.getAttribute('data-zoom'))).toBeGreaterThan(2);
  // The pinch did not draw anything.
  await expect(page.locator('[data-drawn=true]')).toHaveCount(0);
  atlas.expectNoConsoleErrors();
});

test('in muscle mode a tap chooses the muscle under the finger, the smallest shape there', async ({ page }) => {
  const atlas = new AtlasPage(page);
  await atlas.open('?muscle=teres-major&side=right');
  const svg = page.locator('[data-view=back] svg.body-figure__svg');
  await svg.scrollIntoViewIfNeeded();
  // Over the whole back view: at every point where outlines overlap, the one a tap takes is a
  // superficial one if there is any there, and the smallest of those (areas counted on the grid).
  const result = await svg.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const points = [];
    const area = new Map();
    for (let y = r.top + 1; y < Math.min(r.bottom, innerHeight); y += 3) {
      for (let x = r.left + 1; x < r.right; x += 3) {
        const under = document.elementsFromPoint(x, y).filter((e) => e.dataset?.muscle && e.closest('[data-view=back]'));
        for (const m of under) area.set(m, (area.get(m) ?? 0) + 1);
        if (under.length > 1) points.push({ x, y, under });
      }
    }
    const rank = (m) => [m.dataset.depth === 'deep' ? 1 : 0, area.get(m)];
    let wrong = [];
    for (const p of points) {
      const best = [...p.under].sort((a, b) => rank(a)[0] - rank(b)[0] || rank(a)[1] - rank(b)[1])[0];
      const top = p.under[0];
      // Near-equal areas are a tie the grid cannot settle.
      const tie = rank(best)[0] === rank(top)[0] && Math.abs(area.get(best) - area.get(top)) < 0.1 * area.get(top);
      if (top !== best && !tie) wrong.push(`${top.dataset.muscle} over ${best.dataset.muscle}`);
    }
    return { overlaps: points.length, wrong: [...new Set(wrong)] };
  });
  expect(result.overlaps).toBeGreaterThan(200);
  expect(result.wrong).toEqual([]);
  // And a real tap inside infraspinatus, where nothing smaller lies, chooses it.
  const own = await atlas.pointIn(atlas.muscle('infraspinatus', 'right', 'back'));
  await page.mouse.click(own.x, own.y);
  await expect(page).toHaveURL(/\?muscle=infraspinatus&side=right$/);
});

test('screen reader and keyboard: a short status on each change, arrows move in their direction, focus kept after removing an area', async ({ page }) => {
  const atlas = new AtlasPage(page);
  await atlas.open('?draw=left:head.temple,left:neck.back,left:face.eye');
  // The answer panel is not a live region (it would be read whole); a short status line is.
  await expect(page.locator('.explorer__panel [aria-live]')).toHaveCount(0);
  const status = page.locator('.explorer__panel > [role=status]');
  await expect(status).toHaveText('Your pain drawing: 3 areas.');
  // Removing an area by keyboard leaves focus on the next one, not at the top of the page.
  const chips = page.locator('.chips button');
  await chips.nth(1).focus();
  await page.keyboard.press('Enter');
  await expect(chips).toHaveCount(2);
  await expect(page.locator(':focus')).toHaveClass(/chip/);
  await expect(status).toHaveText('Your pain drawing: 2 areas.');
  await page.getByTestId('start-over').click();
  await expect(status).toHaveText('The body map is empty.');
  // ArrowDown moves to the area below, ArrowRight to one on the right.
  const zone = atlas.zone('chest.upper-inner', 'right', 'front');
  await zone.focus();
  const box = async () => page.locator(':focus').boundingBox();
  const start = await box();
  await page.keyboard.press('ArrowDown');
  const below = await box();
  expect(below.y + below.height / 2).toBeGreaterThan(start.y + start.height / 2);
  await page.keyboard.press('ArrowRight');
  const right = await box();
  expect(right.x + right.width / 2).toBeGreaterThan(below.x + below.width / 2);
  await page.keyboard.press('Enter');
  await expect(status).toContainText('chosen');
});

test('the folded muscle list on a phone says it can be opened', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const atlas = new AtlasPage(page);
  await atlas.open();
  const summary = page.locator('.muscle-list summary');
  await expect(summary.getByText('show the list')).toBeVisible();
  await expect(summary.getByText('hide the list')).toBeHidden();
  await summary.tap();
  await expect(summary.getByText('hide the list')).toBeVisible();
  await page.getByTestId('muscle-link-soleus').tap();
  // The chosen muscle is shown on the figure, scrolled back into view, on its best view.
  await expect(page.locator('[data-view-tab=back]')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('[data-view=back] [data-trigger-point^="soleus/"]').first()).toBeInViewport();
  await context.close();
});

test('a data author opens an atlas file and sees it drawn and checked, nothing sent', async ({ page }) => {
  const atlas = new AtlasPage(page);
  await atlas.open();
  const fs = await import('node:fs');
  const mine = JSON.parse(fs.readFileSync('public/atlas.json', 'utf8'));
  mine.muscles.find((m) => m.id === 'soleus').name = 'Soleus, edited';
  // The published page has fetched everything it needs; from here on nothing may be asked for.
  await page.waitForLoadState('networkidle');
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.getByText('For data authors: check an atlas file').click();
  const open = (name, json) => page.getByTestId('atlas-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) });
  await open('mine.json', mine);
  await expect(page.getByTestId('opened-file')).toContainText('mine.json: it is valid');
  await expect(page.getByTestId('muscle-link-soleus')).toHaveText('Soleus, edited');
  // A broken file gets the data tool's messages, naming the record.
  mine.muscles[1].trigger_points[0].source = 'nowhere';
  await open('broken.json', mine);
  await expect(page.getByTestId('load-error')).toContainText('refers to unknown source "nowhere"');
  expect(requests).toEqual([]);
  await page.getByRole('button', { name: 'Back to the published atlas' }).click();
  await expect(page.getByTestId('muscle-link-soleus')).toHaveText('Soleus');
});
