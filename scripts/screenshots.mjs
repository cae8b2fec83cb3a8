// Screenshots for docs/ and the README, taken from the release build in dist/ in headless
// Chromium: a patient with a temple headache and a clinician explaining low back pain, at
// desktop and phone widths. Usage (after a build): node scripts/screenshots.mjs
import { chromium } from '@playwright/test';
import { serveDist } from './serve-dist.mjs';

const PORT = 4190;
const base = `http://127.0.0.1:${PORT}/`;
const server = await serveDist('dist', PORT);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

async function shot(name, query, { width = 1280, height = 900, full = false, act, element, scale } = {}) {
  // A phone is a touch screen: the layout and the controls it shows depend on it.
  const phone = width < 500;
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: scale ?? (phone ? 2 : 1), hasTouch: phone, isMobile: phone });
  await page.goto(base + query);
  await page.waitForSelector('svg [data-zone]', { state: 'attached' });
  if (act) await act(page);
  await page.waitForTimeout(200);
  const path = `docs/${name}.png`;
  if (element) await page.locator(element).screenshot({ path });
  else await page.screenshot({ path, fullPage: full });
  await page.close();
  console.log(`docs/${name}.png`);
}

const headache = '?draw=left:head.temple,left:face.eye,left:neck.back,left:head.mastoid';
const hover = async (page) => page.locator('[data-testid=candidates] li').first().hover();
await shot('patient-headache-desktop', headache, { act: hover });
// The phone as the patient sees it, without scrolling: after a tap, after a search, after
// opening a candidate over the drawing.
await shot('patient-headache-phone', headache, { width: 390, height: 844 });
const tapKnee = async (page) => {
  const knee = page.locator('[data-view=front] [data-zone="knee.kneecap"][data-side="left"]');
  const box = await knee.boundingBox();
  await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
};
await shot('patient-tap-phone', '', { width: 390, height: 844, act: tapKnee });
const search = (q) => async (page) => page.getByRole('searchbox').fill(q);
await shot('patient-search-heel-phone', '', { width: 390, height: 844, act: search('heel pain in the morning') });
await shot('patient-search-heel-desktop', '', { act: search('heel pain in the morning') });
await shot('patient-search-chest-phone', '', { width: 390, height: 844, act: search('pain down my left arm') });
const candidate = `?muscle=upper-trapezius&side=left&${headache.slice(1)}`;
await shot('patient-candidate-phone', candidate, { width: 390, height: 844 });
await shot('patient-candidate-desktop', candidate);
await shot('patient-muscle-phone', '?muscle=upper-trapezius&side=left', { width: 390, height: 844 });
await shot('clinician-low-back-desktop', '?muscle=quadratus-lumborum');
await shot('clinician-low-back-phone', '?muscle=quadratus-lumborum', { width: 390, height: 844 });
await shot('clinician-compare-low-back', '?compare=quadratus-lumborum,gluteus-medius,iliopsoas,piriformis', { height: 760 });
await shot('screenshot-desktop', '?muscle=upper-trapezius&side=left');
// One muscle of each region on all seven views at desktop width, so every view is seen with
// something on it; and on a phone (one device pixel per CSS pixel, to keep the files small) the
// screen as the patient sees it: the view that shows the muscle best, scrolled so its trigger
// points clear the answer sheet.
for (const [name, query] of [
  ['region-head-neck-masseter', '?muscle=masseter'],
  ['region-head-neck-sternocleidomastoid', '?muscle=sternocleidomastoid'],
  ['region-head-neck-upper-trapezius', '?muscle=upper-trapezius'],
  ['region-shoulder-arm-infraspinatus', '?muscle=infraspinatus'],
  ['region-forearm-hand-brachioradialis', '?muscle=brachioradialis'],
  ['region-torso-pectoralis-major', '?muscle=pectoralis-major'],
  ['region-low-back-hip-quadratus-lumborum', '?muscle=quadratus-lumborum'],
  ['region-low-back-hip-gluteus-minimus', '?muscle=gluteus-minimus'],
  ['region-thigh-knee-vastus-lateralis', '?muscle=vastus-lateralis'],
  ['region-leg-foot-soleus', '?muscle=soleus'],
  ['region-leg-foot-flexor-digitorum-brevis', '?muscle=flexor-digitorum-brevis'],
]) {
  await shot(name, query, { element: '.explorer__figures' });
  await shot(`${name}-phone`, query, { width: 390, height: 844, scale: 1 });
}
// The side view on a phone.
await shot('side-view-phone', '?muscle=gluteus-minimus', { width: 390, height: 844, element: 'figure[data-view=side]' });
await browser.close();
server.close();
