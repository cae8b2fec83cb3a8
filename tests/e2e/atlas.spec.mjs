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
  await expect(atlas.zone('head.temple', 'left')).toHaveAttribute('aria-label', 'Left temple');
  await expect(page.getByRole('button', { name: 'Right back of the neck' })).toHaveCount(1);
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
  await expect(atlas.zone('foot.heel', 'right')).toHaveAttribute('data-state', 'essential');
  await expect(atlas.zone('foot.heel', 'left')).toHaveAttribute('data-state', 'none');

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
  await atlas.clickShape(atlas.muscle('upper-trapezius', 'left'));
  await expect(page).toHaveURL(/\?muscle=upper-trapezius&side=left$/);
  await expect(atlas.muscle('upper-trapezius', 'left')).toHaveAttribute('data-state', 'selected');
  await expect(atlas.marks('upper-trapezius').first()).toBeVisible();
  expect(await page.locator('[data-trigger-point][data-side="right"]').count()).toBe(0);
  await expect(atlas.zone('head.temple', 'left')).toHaveAttribute('data-state', 'essential');
  await expect(atlas.zone('face.jaw', 'left')).toHaveAttribute('data-state', 'spillover');
  await expect(page.getByText('Essential zone: where most people feel it')).toBeVisible();
  await atlas.screenshot('muscle-upper-trapezius-desktop');
  atlas.expectNoConsoleErrors();
});

test('a pasted link restores the selection, and survives a reload', async ({ page }) => {
  const atlas = new AtlasPage(page);
  await atlas.open('?muscle=gluteus-minimus');
  await expect(atlas.musclePanel().getByRole('heading', { level: 2 })).toHaveText('Gluteus minimus');
  await expect(atlas.muscle('gluteus-minimus', 'right')).toHaveAttribute('data-state', 'selected');
  await page.reload();
  await expect(atlas.musclePanel().getByRole('heading', { level: 2 })).toHaveText('Gluteus minimus');
  await expect(atlas.zone('thigh.outer', 'left', 'front')).toHaveAttribute('data-state', 'essential');
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

test('works on a phone: no sideways scrolling, figure and panel usable by touch', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const atlas = new AtlasPage(page);
  await atlas.open('?muscle=infraspinatus');
  await expect(atlas.musclePanel()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await atlas.screenshot('muscle-infraspinatus-phone');
  await page.getByRole('button', { name: 'Where it hurts' }).tap();
  const knee = page.locator('[data-view=front] [data-zone="knee.front"][data-side="left"]');
  const box = await knee.boundingBox();
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByRole('heading', { name: 'Pain in the left front of the knee' })).toBeVisible();
  await atlas.screenshot('zone-knee-phone');
  atlas.expectNoConsoleErrors();
  await context.close();
});

test('keyboard only: tab to a zone, choose it with Enter', async ({ page }) => {
  const atlas = new AtlasPage(page);
  await atlas.open();
  const zone = atlas.zone('knee.front', 'right');
  await zone.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Pain in the right front of the knee' })).toBeVisible();
  await expect(atlas.referrals().first()).toHaveAttribute('data-muscle', 'vastus-medialis');
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
