// Accessibility: axe-core (WCAG 2.2 A and AA rules) on every kind of page, failing on any
// serious or critical violation.
import { test, expect } from '@playwright/test';
import { createRequire } from 'node:module';
import { AtlasPage } from './atlas-page.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

// axe-core goes in as an inline script, which the page's Content-Security-Policy blocks (that
// the app itself runs under the policy is csp.spec.mjs's concern).
test.use({ bypassCSP: true });

async function seriousViolations(page) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

const states = [
  ['the body map', ''],
  ['a muscle', '?muscle=sternocleidomastoid'],
  ['a zone', '?zone=head.temple&side=left'],
  ['a drawing', '?draw=left:head.temple,left:neck.back,left:shoulder.top'],
  ['a guide', '?page=therapy'],
  ['the pain guide', '?page=pain-guide'],
  ['a broken link', '?muscle=nope'],
];

// axe checks every shape of the seven views (about 3,000 elements with names and roles): 5 to
// 12 s a page on a quiet machine, over the default 30 s on a busy one, which says nothing about
// the page.
const AXE_TIMEOUT = 90_000;

for (const scheme of ['light', 'dark']) {
  for (const [what, query] of states) {
    test(`${what} has no serious accessibility violations (${scheme})`, async ({ page }) => {
      test.setTimeout(AXE_TIMEOUT);
      await page.emulateMedia({ colorScheme: scheme });
      const atlas = new AtlasPage(page);
      await atlas.open(query);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
}

test('the load-error page has no serious accessibility violations', async ({ page }) => {
  await page.route('**/atlas.json', (route) => route.fulfill({ status: 500, body: 'oops' }));
  await page.goto('/');
  await expect(page.getByTestId('load-error')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
