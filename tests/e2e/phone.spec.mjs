// End-to-end on a 390 px touch phone, where most patients are: one view at a time, a swipe
// scrolls, a tap answers on screen, painting is a deliberate mode. And the desktop still shows
// figure and answer side by side.
import { test, expect } from '@playwright/test';
import { AtlasPage } from './atlas-page.mjs';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

const drawn = (page) => page.locator('[data-zone][data-drawn="true"]');

/** Tap a shape where it is the topmost element, as a finger would, with the shape in the
 *  middle of the screen, above the answer sheet. */
async function tap(atlas, locator) {
  await locator.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const p = await atlas.pointIn(locator);
  await atlas.page.touchscreen.tap(p.x, p.y);
}

/** A finger put down at the first point and moved through the others, a frame apart. */
async function swipe(page, points) {
  const client = await page.context().newCDPSession(page);
  const touch = (type, p) => client.send('Input.dispatchTouchEvent', { type, touchPoints: p ? [{ x: p.x, y: p.y }] : [] });
  await touch('touchStart', points[0]);
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1], points[i]];
    for (let k = 1; k <= 10; k++) {
      await touch('touchMove', { x: a.x + (b.x - a.x) * k / 10, y: a.y + (b.y - a.y) * k / 10 });
      await page.waitForTimeout(16);
    }
  }
  await touch('touchEnd');
}

test('a swipe over the figure scrolls the page and paints nothing', async ({ page }) => {
  const atlas = new AtlasPage(page);
  await atlas.open();
  const body = await page.locator('[data-view=front] .body-figure__svg').boundingBox();
  // A finger put down on the thigh and pulled up the screen.
  const x = body.x + body.width / 2, y = body.y + body.height * 0.55;
  await swipe(page, [{ x, y }, { x, y: y - 300 }]);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
  await expect(drawn(page)).toHaveCount(0);
  expect(new URL(page.url()).search).toBe('');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  atlas.expectNoConsoleErrors();
});

test('a tap on the body shows the answer on screen, without scrolling', async ({ page }) => {
  const atlas = new AtlasPage(page);
  await atlas.open();
  // One view at a time: the front, large.
  await expect(page.locator('.explorer__view:visible')).toHaveCount(1);
  const front = await page.locator('[data-view=front] .body-figure__svg').boundingBox();
  expect(front.width).toBeGreaterThan(340);
  await tap(atlas, atlas.zone('knee.kneecap', 'left', 'front'));
  const heading = page.getByRole('heading', { name: 'Pain in the left kneecap' });
  await expect(heading).toBeInViewport();
  await expect(atlas.referrals().first()).toBeInViewport();
  await expect(atlas.zone('knee.kneecap', 'left', 'front')).toHaveAttribute('data-drawn', 'true');
  // A second tap adds to the drawing, and its ranked muscles are on screen.
  await tap(atlas, atlas.zone('thigh.front-upper', 'left', 'front'));
  await expect(page.getByTestId('candidates').locator('li').first()).toBeInViewport();
  await atlas.screenshot('phone-tap-knee');
  atlas.expectNoConsoleErrors();
});

test('a tap low on the body, where the sheet comes up, scrolls the tapped area above it', async ({ page }) => {
  const atlas = new AtlasPage(page);
  await atlas.open();
  const knee = atlas.zone('knee.kneecap', 'right', 'front');
  const box = await knee.boundingBox();
  const height = page.viewportSize().height;
  // The whole body fits the screen, the knee in its lower part, where the sheet will be.
  expect(box.y + box.height).toBeLessThan(height);
  expect(box.y).toBeGreaterThan(height * 0.58);
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByRole('heading', { name: 'Pain in the right kneecap' })).toBeInViewport();
  await expect.poll(async () => {
    const [k, sheet] = [await knee.boundingBox(), await page.locator('.sheet').boundingBox()];
    return k.y + k.height <= sheet.y;
  }).toBe(true);
});

test('draw mode: a finger dragged across the body paints the zones it crosses', async ({ page }) => {
  const atlas = new AtlasPage(page);
  await atlas.open();
  await page.getByRole('button', { name: 'Draw', exact: true }).tap();
  await expect(page.getByRole('button', { name: 'Draw', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await atlas.zone('knee.kneecap', 'right', 'front').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const to = await atlas.pointIn(atlas.zone('knee.kneecap', 'right', 'front'));
  const from = await atlas.pointIn(atlas.zone('thigh.front-upper', 'right', 'front'));
  const scrolled = await page.evaluate(() => window.scrollY);
  await swipe(page, [from, to]);
  await expect.poll(() => drawn(page).count()).toBeGreaterThanOrEqual(2);
  await expect(atlas.zone('knee.kneecap', 'right', 'front')).toHaveAttribute('data-drawn', 'true');
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
  atlas.expectNoConsoleErrors();
});

test('a shared muscle link opens on the view that shows it, its name and pattern on screen', async ({ page }) => {
  const atlas = new AtlasPage(page);
  await atlas.open('?muscle=infraspinatus');
  await expect(page.locator('[data-view-tab=back]')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.explorer__view:visible')).toHaveAttribute('data-view', 'back');
  await expect(page.locator('[data-view=back]').locator('[data-trigger-point^="infraspinatus/"]').first()).toBeInViewport();
  const panel = atlas.musclePanel();
  await expect(panel.getByRole('heading', { level: 2 })).toBeInViewport();
  await expect(panel.getByTestId('places')).toBeInViewport();
  await expect(panel.getByTestId('places')).toContainText('shoulder');
  // A muscle whose trigger points lie low on the body (soleus, in the calf) is scrolled so they
  // are above the answer sheet.
  await atlas.open('?muscle=soleus');
  await expect.poll(async () => {
    const marks = await page.locator('.explorer__view--shown [data-trigger-point]').evaluateAll((ms) => ms.map((m) => m.getBoundingClientRect().bottom));
    const sheet = await page.locator('.sheet').boundingBox();
    return marks.length > 0 && Math.max(...marks) <= sheet.y;
  }).toBe(true);
  // And the pain it sends down to the heel (and up to the low back) shows with them, between
  // the view switch and the sheet.
  await expect.poll(async () => {
    const pain = await page.locator('.explorer__view--shown .layer--essential').boundingBox();
    const sheet = await page.locator('.sheet').boundingBox();
    const tabs = await page.locator('.view-switch').boundingBox();
    return pain.y >= tabs.y + tabs.height - 1 && pain.y + pain.height <= sheet.y;
  }).toBe(true);
  await page.goto('/?muscle=infraspinatus');
  // Views that show something of it are marked; another view is a tap away.
  await expect(page.locator('[data-view-tab=front] .view-switch__dot')).toBeVisible();
  await page.locator('[data-view-tab=front]').tap();
  await expect(page.locator('.explorer__view:visible')).toHaveAttribute('data-view', 'front');
  await atlas.screenshot('phone-muscle-infraspinatus');
  atlas.expectNoConsoleErrors();
});

test('a view off screen catches up with a tap: the pattern is there when it is shown', async ({ page }) => {
  // Only the view on screen answers a tap in its own frame; the others follow just after.
  const atlas = new AtlasPage(page);
  await atlas.open();
  await page.getByRole('button', { name: 'Muscles', exact: true }).tap();
  await page.locator('[data-view-tab=back]').tap();
  await tap(atlas, atlas.muscle('upper-trapezius', 'left', 'back'));
  await expect(page).toHaveURL(/\?muscle=upper-trapezius&side=left$/);
  const essential = (view) => page.locator(`figure[data-view=${view}] .layer--essential`);
  await expect(essential('back')).toHaveAttribute('d', /^M/);
  // The head view, hidden until now, already holds the temple pattern once it is shown.
  await page.locator('[data-view-tab=head]').tap();
  await expect(page.locator('.explorer__view:visible')).toHaveAttribute('data-view', 'head');
  await expect(essential('head')).toHaveAttribute('d', /^M/);
  await expect(atlas.zone('head.temple', 'left', 'head')).toHaveAttribute('data-state', 'essential');
  // Choosing another muscle clears it there too.
  await page.locator('[data-view-tab=back]').tap();
  await tap(atlas, atlas.muscle('soleus', 'right', 'back'));
  await expect(page).toHaveURL(/\?muscle=soleus&side=right$/);
  await expect(essential('head')).toHaveAttribute('d', '');
  atlas.expectNoConsoleErrors();
});

test('the zoom buttons are within reach with the answer open, and zoom in on the trigger points', async ({ page }) => {
  const atlas = new AtlasPage(page);
  await atlas.open('?muscle=infraspinatus');
  const view = page.locator('.explorer__view--shown');
  const zoomIn = view.getByRole('button', { name: /^Zoom in on the/ });
  // The topmost thing at the button's middle is the button: not under the sheet, not off screen.
  await expect.poll(async () => {
    const box = await zoomIn.boundingBox();
    return page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('.zoom-controls__button') !== null
      && y < innerHeight, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
  }).toBe(true);
  // Nor does it hide the body: it sits beside the caption, above the figure.
  const stage = await view.locator('.body-figure__stage').boundingBox();
  expect((await zoomIn.boundingBox()).y + (await zoomIn.boundingBox()).height).toBeLessThanOrEqual(stage.y + 1);
  const scrolled = await page.evaluate(() => scrollY);
  const p = await atlas.pointIn(zoomIn);
  await page.touchscreen.tap(p.x, p.y);
  await expect(view.locator('svg.body-figure__svg')).toHaveAttribute('data-zoom', '3.2');
  // The magnified view goes to the marks (one shoulder blade's), on screen above the sheet.
  const sheet = await page.locator('.sheet').boundingBox();
  for (const mark of await view.locator('[data-trigger-point^="infraspinatus/"]').all()) {
    const box = await mark.boundingBox();
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(sheet.y);
  }
  expect(await page.evaluate(() => scrollY)).toBe(scrolled);
  atlas.expectNoConsoleErrors();
});

test('the answer sheet pulls up and down, and Start over is always within reach', async ({ page }) => {
  const atlas = new AtlasPage(page);
  await atlas.open('?zone=head.temple&side=left');
  const sheet = page.locator('.sheet');
  await expect(sheet).toHaveAttribute('data-sheet', 'open');
  await page.getByTestId('sheet-handle').tap();
  await expect(sheet).toHaveAttribute('data-sheet', 'full');
  await page.getByTestId('sheet-handle').tap();
  await expect(sheet).toHaveAttribute('data-sheet', 'peek');
  // Peeking, the figure has the screen and the sheet still says what it holds.
  await expect(page.getByRole('heading', { name: 'Pain in the left temple' })).toBeInViewport();
  // A finger pulls it up a step, and down again (where the handle is once the sheet has moved).
  const settled = async () => {
    let last;
    await expect.poll(async () => {
      const box = await page.getByTestId('sheet-handle').boundingBox();
      const same = last && Math.abs(box.y - last.y) < 0.5;
      last = box;
      return same;
    }).toBe(true);
    return last;
  };
  const handle = await settled();
  const x = handle.x + handle.width / 2, y = handle.y + handle.height / 2;
  await swipe(page, [{ x, y }, { x, y: y - 200 }]);
  await expect(sheet).toHaveAttribute('data-sheet', 'open');
  const lowered = await settled();
  await swipe(page, [{ x, y: lowered.y + 10 }, { x, y: lowered.y + 210 }]);
  await expect(sheet).toHaveAttribute('data-sheet', 'peek');
  await settled();
  await page.getByTestId('start-over-sheet').tap();
  await expect(drawn(page)).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Where does it hurt?' })).toBeVisible();
  await expect(page.getByTestId('start-over-sheet')).toBeHidden();
  atlas.expectNoConsoleErrors();
});

test('presenting on a phone: the figure takes the screen, Next steps to a related muscle', async ({ page }) => {
  const atlas = new AtlasPage(page);
  await atlas.open('?muscle=infraspinatus');
  await atlas.musclePanel().getByTestId('present').tap();
  await expect(page.locator('body')).toHaveClass(/presenting/);
  await expect(page.locator('.sheet')).toHaveAttribute('data-sheet', 'peek');
  const heading = atlas.musclePanel().getByRole('heading', { level: 2 });
  await expect(heading).toBeInViewport();
  await page.getByTestId('present-next').tap();
  await expect(heading).not.toHaveText('Infraspinatus');
  await page.getByTestId('present-previous').tap();
  await expect(heading).toHaveText('Infraspinatus');
  await page.getByRole('button', { name: 'Leave', exact: true }).tap();
  await expect(page.locator('body')).not.toHaveClass(/presenting/);
  atlas.expectNoConsoleErrors();
});

test.describe('desktop', () => {
  test.use({ viewport: { width: 1280, height: 900 }, hasTouch: false, isMobile: false });
  test('keeps every view, and the answer beside the figure', async ({ page }) => {
    const atlas = new AtlasPage(page);
    await atlas.open('?muscle=infraspinatus');
    await expect(page.locator('.explorer__view:visible')).toHaveCount(7);
    await expect(page.locator('.view-switch')).toBeHidden();
    const figure = await page.locator('[data-view=back] .body-figure__svg').boundingBox();
    const panel = await atlas.musclePanel().boundingBox();
    expect(panel.x).toBeGreaterThan(figure.x + figure.width);
    await expect(atlas.musclePanel().getByRole('heading', { level: 2 })).toBeInViewport();
    await expect(page.getByRole('button', { name: 'Draw', exact: true })).toBeHidden();
  });
});
