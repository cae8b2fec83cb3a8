// Offline: after one visit the app and its data work with no network, and it can be installed.
import { test, expect } from '@playwright/test';

test.use({ serviceWorkers: 'allow' });

test('after the first visit the app and its data work offline', async ({ page, context }) => {
  await page.goto('/?muscle=soleus');
  await expect(page.getByTestId('muscle-panel')).toBeVisible();
  // Wait until the service worker has cached everything and controls the page.
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

  await context.setOffline(true);
  await page.goto('/?zone=foot.heel&side=right');
  await expect(page.getByRole('heading', { name: 'Pain in the right heel' })).toBeVisible();
  await expect(page.locator('[data-testid=referrals] li').first()).toHaveAttribute('data-muscle', /.+/);
  await page.getByRole('button', { name: 'Muscles', exact: true }).click();
  await page.getByTestId('muscle-link-gastrocnemius').click();
  await expect(page.getByTestId('muscle-panel')).toContainText('Gastrocnemius');
  await context.setOffline(false);
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
