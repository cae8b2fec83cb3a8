// Browser benchmark of the release build in dist/ (built and precompressed by scripts/bench.sh):
// cold loads in headless Chromium, transfer sizes, time until the body is drawn and until it is
// on screen, interaction
// latency from input to the next painted frame (read from a Chromium performance trace), heap
// and DOM size. Prints figures and checks them against the budgets; it never fails on time.
import { chromium } from '@playwright/test';
import { serveDist } from './serve-dist.mjs';

const PORT = 4180;
// The build to measure: dist/ by default, or another folder (a build of an earlier commit, to
// compare before and after in one sitting).
const DIST = process.argv[2] || 'dist';
const COLD_LOADS = +(process.env.BENCH_LOADS || 5);
const CLICKS = 30;
const BUDGET = { firstLoadBrotli: 250 * 1000, drawnMs: 300, p95Ms: 16, targetPx: 24 };
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const DESKTOP = { viewport: { width: 1280, height: 900 } };
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]; };
const median = (xs) => pct(xs, 0.5);
const verdict = (ok) => (ok ? 'under budget' : 'OVER budget');

/** A point inside the element where it is the topmost thing, in page coordinates. */
async function pointIn(page, selector) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    const r = el.getBoundingClientRect();
    for (let i = 0; i < 400; i++) {
      const x = r.left + r.width * ((i * 0.618) % 1);
      const y = r.top + r.height * (((i * 0.382) + 0.5) % 1);
      if (document.elementFromPoint(x, y) === el) return { x, y };
    }
    return null;
  }, selector);
}

async function coldLoad(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const files = new Map();
  const asked = new Map();
  cdp.on('Network.requestWillBeSent', (e) => asked.set(e.requestId, e.wallTime * 1000));
  cdp.on('Network.responseReceived', (e) => files.set(e.requestId, { url: e.response.url, encoding: e.response.headers['content-encoding'] || 'none', asked: asked.get(e.requestId) }));
  cdp.on('Network.loadingFinished', (e) => { const f = files.get(e.requestId); if (f) f.bytes = e.encodedDataLength; });
  await page.addInitScript(() => {
    window.__drawn = new Promise((resolve) => {
      new MutationObserver((_, obs) => {
        if (document.querySelector('svg [data-zone]')) {
          performance.mark('bench:drawn');
          resolve([performance.now(), performance.timeOrigin + performance.now()]);
          obs.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
  });
  // A trace of the load, for the frame that first puts the body on screen.
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing', transferMode: 'ReportEvents' });
  // Waited for through the protocol: Playwright's own waits and evaluations first run its
  // injected script in the page, about 30 to 70 ms of main-thread work that would land in the
  // middle of the load (since 2026-12-02; figures before include it).
  await page.goto(`http://127.0.0.1:${PORT}/`);
  const seen = await cdp.send('Runtime.evaluate', { expression: 'window.__drawn', awaitPromise: true, returnByValue: true });
  const [drawn, drawnAt] = seen.result.value;
  await page.waitForLoadState('networkidle');
  await cdp.send('Tracing.end');
  await traced;
  // The end of the first frame painted after the first zone was in the page.
  const mark = events.find((e) => e.name === 'bench:drawn');
  const frame = mark && events.filter((e) => (e.name === 'Paint' || e.name === 'Commit') && e.ph === 'X' && e.ts > mark.ts)
    .sort((a, b) => a.ts - b.ts)[0];
  const onScreen = frame ? drawn + (frame.ts + (frame.dur || 0) - mark.ts) / 1000 : NaN;
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (n) => metrics.find((m) => m.name === n)?.value ?? 0;
  // Files asked for after the body was drawn (the muscles' long texts) are not part of what
  // the first view waits for.
  const all = [...files.values()].map((f) => ({ ...f, later: f.asked > drawnAt }));
  const result = { drawn, onScreen, files: all, heap: metric('JSHeapUsedSize'), nodes: metric('Nodes') };
  await context.close();
  return result;
}

/** Input-to-paint latency from a trace: from the start of each input event's dispatch on the
 *  main thread to the end of the first frame commit (or paint) after its handlers ran.
 *  `act(page)` performs the interaction; `types` are the DOM event types to time. */
async function latencies(browser, setup, act, types, device = DESKTOP) {
  const context = await browser.newContext(device);
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.waitForSelector('svg [data-zone]');
  await setup(page);
  // One untimed round first: the first taps also compile code paths and create the panels,
  // which the timed, steady-state round should not count.
  await act(page);
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await act(page);
  await page.waitForTimeout(100);
  await cdp.send('Tracing.end');
  await done;
  await context.close();
  const inputs = events.filter((e) => e.name === 'EventDispatch' && types.includes(e.args?.data?.type)).sort((a, b) => a.ts - b.ts);
  const frames = events.filter((e) => (e.name === 'Commit' || e.name === 'Paint') && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  const latency = inputs.map((c) => {
    const f = frames.find((fr) => fr.ts >= c.ts + (c.dur || 0));
    return f ? (f.ts + (f.dur || 0) - c.ts) / 1000 : NaN;
  }).filter((x) => !Number.isNaN(x));
  // The main thread's busy time within each input's wait (tasks clipped to it): the latency
  // less the idle wait for the next frame, which depends on when in a frame the input came.
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.tid === inputs[0]?.tid);
  const busy = inputs.map((c) => {
    const f = frames.find((fr) => fr.ts >= c.ts + (c.dur || 0));
    if (!f) return NaN;
    const end = f.ts + (f.dur || 0);
    return tasks.reduce((sum, t) => sum + Math.max(0, Math.min(end, t.ts + t.dur) - Math.max(c.ts, t.ts)), 0) / 1000;
  }).filter((x) => !Number.isNaN(x));
  if (process.env.BENCH_DEBUG) {
    const names = {};
    for (const e of events) if (e.ph === 'X' && e.dur) names[e.name] = (names[e.name] || 0) + e.dur / 1000;
    console.log(Object.entries(names).sort((a, b) => b[1] - a[1]).slice(0, 12).map(([n, d]) => `${n} ${d.toFixed(1)}`).join(', '));
    console.log('handler ms', inputs.map((c) => ((c.dur || 0) / 1000).toFixed(1)).join(' '));
  }
  return { latency, busy };
}

/** On a 390 px phone: for every zone on each side, its largest tap target over the views that
 *  draw it (the smaller side of its box, in CSS px), as shown and magnified by the first zoom
 *  step (the view's "+" button). */
async function tapTargets(browser) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.waitForFunction(() => document.querySelectorAll('figure[data-view] svg [data-zone]').length > 0
    && [...document.querySelectorAll('figure[data-view]')].every((f) => f.querySelector('svg [data-zone]')));
  // A phone that shows one view at a time is measured view by view, each as it is shown.
  const tabs = await page.locator('[data-view-tab]').all();
  const out = {};
  for (const tab of tabs.length ? tabs : [null]) {
    if (tab) await tab.tap();
    await page.evaluate((out) => {
      for (const z of document.querySelectorAll('svg.body-figure__svg [data-zone]')) {
        const r = z.getBoundingClientRect();
        const key = `${z.dataset.zone}:${z.dataset.side}`;
        out[key] = Math.max(out[key] ?? 0, Math.min(r.width, r.height));
      }
      return out;
    }, out).then((seen) => Object.assign(out, seen));
  }
  // One zoom step, on a view that is shown.
  const figure = page.locator('figure[data-view]').filter({ visible: true }).first();
  await figure.getByRole('button', { name: /^Zoom in on the/ }).click();
  const step = Number(await figure.locator('svg.body-figure__svg').getAttribute('data-zoom'));
  await context.close();
  return { best: Object.values(out), step };
}

/** Click each target in turn, CLICKS times, as a hand does: the pointer comes to rest on the
 *  shape (its hover shows what a click would choose), then presses. With BENCH_INSTANT=1 it
 *  moves and presses in the same instant, as this bench did until 2026-12-02: the hover's frame
 *  then holds back the click's, which no hand does. */
const clicking = (targets) => async (page) => {
  const points = [];
  for (const t of targets) points.push(await pointIn(page, t));
  for (let i = 0; i < CLICKS; i++) {
    const p = points[i % points.length];
    if (process.env.BENCH_INSTANT) {
      await page.mouse.click(p.x, p.y);
    } else {
      await page.mouse.move(p.x, p.y);
      await page.waitForTimeout(100);
      await page.mouse.down();
      await page.mouse.up();
    }
    await page.waitForTimeout(60);
  }
};

/** Tap each target in turn with a finger, CLICKS times, on a phone (where it is found again
 *  before each tap: the answer sheet coming up may scroll the page). */
const tapping = (targets) => async (page) => {
  for (let i = 0; i < CLICKS; i++) {
    const target = targets[i % targets.length];
    await page.evaluate((sel) => document.querySelector(sel).scrollIntoView({ block: 'center' }), target);
    const p = await pointIn(page, target);
    await page.touchscreen.tap(p.x, p.y);
    await page.waitForTimeout(100);
  }
};

/** Drag across a run of zones, as a patient painting their pain, several times. */
const painting = (targets) => async (page) => {
  const points = [];
  for (const t of targets) points.push(await pointIn(page, t));
  for (let stroke = 0; stroke < 4; stroke++) {
    await page.mouse.move(points[0].x, points[0].y);
    await page.mouse.down();
    for (const p of points.slice(1)) await page.mouse.move(p.x, p.y, { steps: 3 });
    await page.mouse.up();
    await page.waitForTimeout(60);
  }
};

/** Type queries into the search box one key at a time. */
const typing = (queries) => async (page) => {
  const box = page.getByRole('searchbox');
  for (const q of queries) {
    await box.fill('');
    await box.pressSequentially(q, { delay: 40 });
  }
};

const server = await serveDist(DIST, PORT);
console.log(`Benchmarking the build in ${DIST}/`);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ARGS });
try {
  const loads = [];
  for (let i = 0; i < COLD_LOADS; i++) loads.push(await coldLoad(browser));

  console.log(`\nFirst load (cold cache, served with brotli as a production server would; ${COLD_LOADS} loads)`);
  const first = loads[0];
  for (const f of first.files) console.log(`  ${String(f.bytes ?? 0).padStart(9)} B  ${f.encoding.padEnd(5)} ${f.url.replace(`http://127.0.0.1:${PORT}`, '')}${f.later ? '  (asked for after the body was drawn)' : ''}`);
  const before = first.files.filter((f) => !f.later);
  const transfer = before.reduce((s, f) => s + (f.bytes ?? 0), 0);
  const later = first.files.filter((f) => f.later).reduce((s, f) => s + (f.bytes ?? 0), 0);
  console.log(`  ${String(transfer).padStart(9)} B  until the body is drawn, over ${before.length} requests: ${verdict(transfer <= BUDGET.firstLoadBrotli)} (${BUDGET.firstLoadBrotli} B)`);
  console.log(`  ${String(later).padStart(9)} B  after it (${transfer + later} B in all)`);
  const drawn = loads.map((l) => l.drawn);
  console.log(`\nBody drawn and interactive after navigation: median ${median(drawn).toFixed(0)} ms, worst ${Math.max(...drawn).toFixed(0)} ms: ${verdict(median(drawn) <= BUDGET.drawnMs)} (${BUDGET.drawnMs} ms)`);
  const onScreen = loads.map((l) => l.onScreen).filter((x) => !Number.isNaN(x));
  if (onScreen.length) console.log(`Body on screen (the first frame painted with it): median ${median(onScreen).toFixed(0)} ms, worst ${Math.max(...onScreen).toFixed(0)} ms: ${verdict(median(onScreen) <= BUDGET.drawnMs)} (${BUDGET.drawnMs} ms)`);
  console.log(`JS heap after load: ${(median(loads.map((l) => l.heap)) / 1024).toFixed(0)} KB; DOM nodes: ${median(loads.map((l) => l.nodes))}`);

  // BENCH_LOADS_ONLY=1: only the loads, to compare builds' loads with more of them (BENCH_LOADS=20).
  if (process.env.BENCH_LOADS_ONLY) process.exit(0);
  const { best, step } = await tapTargets(browser);
  const under = (f) => best.filter((px) => px * f < BUDGET.targetPx).length;
  console.log(`\nTap targets on a 390 px phone, ${best.length} zones counting each side, at their largest view: ` +
    `${under(1)} under ${BUDGET.targetPx} px as shown, ${under(step)} after one zoom step (x${step}): ` +
    `${verdict(under(step) === 0)} (none under ${BUDGET.targetPx} px one step away)`);

  console.log('\nInteraction latency, input to next painted frame');
  const none = async () => {};
  const muscleMode = async (page) => { await page.getByRole('button', { name: 'Muscles', exact: true }).click(); };
  const interactions = [
    ['choose a zone', none, clicking(['[data-view=front] [data-zone="head.temple"][data-side="left"]', '[data-view=back] [data-zone="foot.heel"][data-side="right"]']), ['pointerdown']],
    ['tap a zone, phone', none, tapping(['.explorer__view--shown [data-zone="head.temple"][data-side="left"]', '.explorer__view--shown [data-zone="knee.kneecap"][data-side="right"]']), ['click'], PHONE],
    ['choose a muscle', muscleMode, clicking(['[data-view=back] [data-muscle="upper-trapezius"][data-side="left"]', '[data-view=back] [data-muscle="soleus"][data-side="right"]']), ['click']],
    // Zones that every build since the first mesh figure has, so builds can be compared.
    ['paint zones', none, painting(['[data-view=back] [data-zone="knee.back"][data-side="left"]', '[data-view=back] [data-zone="calf.upper"][data-side="left"]',
      '[data-view=back] [data-zone="calf.lower"][data-side="left"]', '[data-view=back] [data-zone="ankle.back"][data-side="left"]']), ['pointerdown', 'pointermove']],
    ['type a search', none, typing(['sternocleidomastoid', 'pain behind the eye']), ['input']],
  ];
  for (const [what, setup, act, types, device] of interactions) {
    const { latency: l, busy } = await latencies(browser, setup, act, types, device);
    if (l.length === 0) { console.log(`  ${what.padEnd(18)} no frames found in the trace`); continue; }
    const p95 = pct(l, 0.95);
    console.log(`  ${what.padEnd(18)} median ${median(l).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, worst ${Math.max(...l).toFixed(1)} ms (${l.length} events): ${verdict(p95 <= BUDGET.p95Ms)} (${BUDGET.p95Ms} ms)`);
    console.log(`  ${''.padEnd(18)} of which the main thread was busy: median ${median(busy).toFixed(1)} ms, p95 ${pct(busy, 0.95).toFixed(1)} ms`);
  }
} finally {
  await browser.close();
  server.close();
}
