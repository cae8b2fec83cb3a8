// Clinician tools: related muscles, a share link, the printed handout, the mirrored figure.
import { test, expect } from '@playwright/test';
import { AtlasPage } from './atlas-page.mjs';

test('a muscle page links the muscles found with it and those referring to the same places', async ({ page }) => {
  const atlas = new AtlasPage(page);
  await atlas.open('?muscle=upper-trapezius');
  const associated = page.getByTestId('associated').getByRole('button');
  expect(await associated.count()).toBeGreaterThan(0);
  await expect(page.getByTestId('related').getByRole('button').first()).toBeVisible();
  const name = await associated.first().textContent();
  await associated.first().click();
  await expect(atlas.musclePanel().getByRole('heading', { level: 2 })).toContainText(name);
  atlas.expectNoConsoleErrors();
});

test('copy link puts a link to what is on screen on the clipboard, and it opens the same view', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const atlas = new AtlasPage(page);
  await atlas.open('?muscle=gluteus-medius&side=right');
  await page.getByTestId('copy-link').click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\?muscle=gluteus-medius&side=right$/);
  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByTestId('muscle-panel').getByRole('heading', { level: 2 })).toHaveText('Gluteus medius');
  await expect(other.locator('[data-muscle="gluteus-medius"][data-side="right"]').first()).toHaveAttribute('data-state', 'selected');
  atlas.expectNoConsoleErrors();
});

test('the printed handout shows the figure, where to press and what to do, without controls', async ({ page }) => {
  const atlas = new AtlasPage(page);
  await atlas.open('?muscle=infraspinatus');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('searchbox')).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Muscles' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeHidden();
  await expect(page.locator('[data-view=back] svg.body-figure__svg')).toBeVisible();
  // Views with nothing on them are left out of the handout.
  await expect(page.locator('[data-view=sole] svg.body-figure__svg')).toBeHidden();
  await expect(atlas.marks('infraspinatus').first()).toBeVisible();
  await expect(atlas.musclePanel()).toContainText('What you can do');
  await expect(page.getByText('A reference, not a diagnosis.')).toBeVisible();
  await page.pdf({ path: 'tests/e2e/screenshots/handout-infraspinatus.pdf' });
  await atlas.screenshot('handout-infraspinatus');
  // Paper is narrower than a desktop screen: the handout still holds every view that shows
  // the muscle, and the answer flows after the figure instead of being pinned like a
  // phone's sheet (which printed over every page).
  await page.setViewportSize({ width: 780, height: 1000 });
  for (const view of ['front', 'back', 'side']) {
    await expect(page.locator(`[data-view=${view}] svg.body-figure__svg`)).toBeVisible();
  }
  await expect(page.locator('[data-view=sole] svg.body-figure__svg')).toBeHidden();
  expect(await page.locator('.sheet').evaluate((el) => getComputedStyle(el).position)).toBe('static');
});

test('the mirror switch flips the figure and says so, and is remembered', async ({ page }) => {
  const atlas = new AtlasPage(page);
  await atlas.open();
  const caption = page.locator('[data-view=front] figcaption');
  await expect(caption).toHaveText("Front: the patient's right is on your left");
  await page.getByRole('button', { name: 'Mirror', exact: true }).click();
  await expect(caption).toHaveText("Front: the patient's right is on your right");
  await expect(page.locator('[data-view=front] svg.body-figure__svg')).toHaveClass(/mirrored/);
  // The left temple is still the left temple: only the picture moved.
  const box = await atlas.zone('head.temple', 'left', 'front').boundingBox();
  const figure = await page.locator('[data-view=front] svg.body-figure__svg').boundingBox();
  expect(box.x + box.width / 2).toBeLessThan(figure.x + figure.width / 2);
  await page.reload();
  await expect(caption).toHaveText("Front: the patient's right is on your right");
  atlas.expectNoConsoleErrors();
});

test('the figure can be saved as SVG and PNG, showing what is on screen', async ({ page }) => {
  const atlas = new AtlasPage(page);
  await atlas.open('?muscle=soleus&side=right');
  const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-svg').click()]);
  expect(svgDownload.suggestedFilename()).toBe('trigger-atlas-soleus.svg');
  const svg = (await import('node:fs')).readFileSync(await svgDownload.path(), 'utf8');
  expect(svg).toContain('<svg');
  expect(svg).toContain('Soleus');
  expect(svg).toContain('fill="#c2410c" stroke="#7c2d12"');
  const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-png').click()]);
  expect(pngDownload.suggestedFilename()).toBe('trigger-atlas-soleus.png');
  const png = (await import('node:fs')).readFileSync(await pngDownload.path());
  expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  expect(png.length).toBeGreaterThan(10_000);
  (await import('node:fs')).copyFileSync(await pngDownload.path(), 'tests/e2e/screenshots/export-soleus.png');
  atlas.expectNoConsoleErrors();
});

test('compare two to four muscles side by side, and share the comparison', async ({ page }) => {
  const atlas = new AtlasPage(page);
  await atlas.open('?muscle=gluteus-minimus');
  await page.getByTestId('compare-start').click();
  await expect(page).toHaveURL(/\?compare=gluteus-minimus$/);
  const add = page.getByLabel('Add a muscle to compare');
  await add.selectOption('piriformis');
  await add.selectOption('quadratus-lumborum');
  await expect(page).toHaveURL(/\?compare=gluteus-minimus,piriformis,quadratus-lumborum$/);
  const columns = page.locator('[data-testid=compare] .compare__column');
  await expect(columns).toHaveCount(3);
  // Each column shows its own muscle's pattern.
  const piriformis = page.locator('.compare__column[data-muscle=piriformis]');
  await expect(piriformis.locator('[data-muscle=piriformis][data-state=selected]').first()).toBeVisible();
  await expect(piriformis.locator('[data-muscle=gluteus-minimus][data-state=selected]')).toHaveCount(0);
  await expect(piriformis.locator('.zone[data-state=essential]').first()).toBeAttached();
  await add.selectOption('soleus');
  await expect(columns).toHaveCount(4);
  await expect(add).toHaveCount(0);
  await atlas.screenshot('compare-desktop');
  await page.reload();
  await expect(columns).toHaveCount(4);
  await page.getByRole('button', { name: 'Remove Soleus' }).click();
  await expect(columns).toHaveCount(3);
  // A comparison is saved as one figure, each muscle under its name, and can be presented.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-svg').click()]);
  expect(download.suggestedFilename()).toBe('trigger-atlas-compared-gluteus-minimus-piriformis-quadratus-lumborum.svg');
  const svg = (await import('node:fs')).readFileSync(await download.path(), 'utf8');
  for (const name of ['Gluteus minimus', 'Piriformis', 'Quadratus lumborum']) expect(svg).toContain(`>${name}</text>`);
  await page.getByTestId('present').click();
  await expect(page.locator('body')).toHaveClass(/presenting/);
  await expect(columns).toHaveCount(3);
  await expect(page.getByRole('searchbox')).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(page.locator('body')).not.toHaveClass(/presenting/);
  atlas.expectNoConsoleErrors();
});

test('presentation mode: a large figure, the arrow keys step through muscles, Escape leaves', async ({ page }) => {
  const atlas = new AtlasPage(page);
  await atlas.open('?muscle=infraspinatus');
  await page.getByTestId('present').click();
  await expect(page.locator('body')).toHaveClass(/presenting/);
  await expect(page.getByRole('searchbox')).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Muscles' })).toBeHidden();
  // It opens at the figure, not where the button was, far down the page.
  await expect(page.locator('.explorer__view:visible').first()).toBeInViewport();
  // Only the views that show the muscle, none empty.
  const shown = page.locator('.explorer__view:visible');
  expect(await shown.count()).toBeLessThan(7);
  expect(await shown.locator('figure.body-figure--empty').count()).toBe(0);
  const heading = atlas.musclePanel().getByRole('heading', { level: 2 });
  await page.keyboard.press('ArrowRight');
  // The panel follows the figure a frame later: wait for it rather than read it at once.
  await expect(heading).not.toHaveText('Infraspinatus');
  await page.keyboard.press('ArrowLeft');
  await expect(heading).toHaveText('Infraspinatus');
  await atlas.screenshot('presentation-desktop');
  await page.keyboard.press('Escape');
  await expect(page.locator('body')).not.toHaveClass(/presenting/);
  await expect(page.getByRole('searchbox')).toBeVisible();
  atlas.expectNoConsoleErrors();
});
