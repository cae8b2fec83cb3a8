// The Content-Security-Policy the page ships with (index.html): strict, and the app runs under
// it without a single violation.
import { test, expect } from '@playwright/test';
import { AtlasPage } from './atlas-page.mjs';

/** The policy's directives: { 'script-src': ["'self'", ...], ... }. */
function directives(policy) {
  return Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0])
    .map(([name, ...values]) => [name, values]));
}

test('the policy is strict: no inline script, no eval, nothing from other sites', async ({ page }) => {
  const response = await page.goto('/');
  const policy = await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content');
  // The test server sends it as a header too, as README "Deploying" asks, with frame-ancestors.
  expect(response.headers()['content-security-policy']).toBe(`${policy}; frame-ancestors 'none'`);
  const d = directives(policy);
  expect(d['default-src']).toEqual(["'none'"]);
  expect(d['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  expect(d['style-src']).toEqual(["'self'"]);
  for (const [name, values] of Object.entries(d)) {
    for (const v of values) {
      expect(v, `${name} allows ${v}`).not.toMatch(/^'unsafe-inline'$|^'unsafe-eval'$|^\*$|^https?:|^data:|^\w[\w.-]*\.\w+/);
    }
  }
  // The policy comes before anything it must cover, and the page has no inline script at all.
  expect(await page.evaluate(() => document.head.firstElementChild.nextElementSibling.httpEquiv))
    .toBe('Content-Security-Policy');
  expect(await page.evaluate(() => [...document.scripts].filter((s) => !s.src).length)).toBe(0);
});

test('the app runs under the policy with no violation', async ({ page }) => {
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.cspViolations.push(`${e.effectiveDirective} ${e.blockedURI}`);
    });
  });
  const atlas = new AtlasPage(page);
  await atlas.open();
  // A zone, the saved figure (a PNG is drawn from a blob: image) and a muscle.
  await atlas.clickShape(atlas.zone('head.temple', 'left', 'front'));
  await expect(atlas.referrals().first()).toBeVisible();
  await page.getByRole('button', { name: 'Muscles', exact: true }).click();
  await page.getByTestId('muscle-link-gastrocnemius').click();
  await expect(atlas.musclePanel()).toContainText('Gastrocnemius');
  const download = page.waitForEvent('download');
  await page.getByTestId('save-png').click();
  await download;

  expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
  atlas.expectNoConsoleErrors();

  // And the policy is in force: an injected inline script does not run.
  const ran = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.injected = true';
    document.head.append(s);
    await new Promise((r) => setTimeout(r, 50));
    return window.injected === true;
  });
  expect(ran).toBe(false);
  // (Reported once by each policy in force: the header's and the meta tag's.)
  await expect.poll(() => page.evaluate(() => window.cspViolations)).toContain('script-src-elem inline');
});
