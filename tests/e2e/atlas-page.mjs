// A page object for the body map: how a user finds and uses things, in one place.
import { expect } from '@playwright/test';

export class AtlasPage {
  constructor(page) {
    this.page = page;
    this.consoleErrors = [];
    page.on('console', (m) => { if (m.type() === 'error') this.consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => this.consoleErrors.push(String(e)));
  }

  async open(query = '') {
    await this.page.goto(`/${query}`);
    await expect(this.page.locator('[data-zone]').first()).toBeAttached();
  }

  /** A zone on one side; a zone seen from front and back (the outside of the hip) is drawn on
   *  both views, so name the view for those. */
  zone(id, side, view) {
    const scope = view ? `[data-view=${view}] ` : '';
    return this.page.locator(`${scope}[data-zone="${id}"][data-side="${side}"]`);
  }
  muscle(id, side, view) {
    const scope = view ? `[data-view=${view}] ` : '';
    return this.page.locator(`${scope}[data-muscle="${id}"][data-side="${side}"]`);
  }
  marks(muscleId) { return this.page.locator(`[data-trigger-point^="${muscleId}/"]`); }
  referrals() { return this.page.locator('[data-testid=referrals] li'); }
  musclePanel() { return this.page.getByTestId('muscle-panel'); }

  /** Click a shape where it is visible: zones are clipped to the body, so their box centre
   *  may lie outside it. Find a point whose topmost element is the shape, and click there. */
  async clickShape(locator) {
    const point = await this.pointIn(locator);
    await this.page.mouse.click(point.x, point.y);
  }

  /** A point inside the shape where it is the topmost element. */
  async pointIn(locator) {
    await locator.scrollIntoViewIfNeeded();
    const handle = await locator.elementHandle();
    const point = await this.page.evaluate((el) => {
      const r = el.getBoundingClientRect();
      for (let fy = 0.5, i = 0; i < 400; i++) {
        const fx = ((i * 0.618) % 1);
        const y = r.top + r.height * (((i * 0.382) + fy) % 1);
        const x = r.left + r.width * fx;
        if (document.elementFromPoint(x, y) === el) return { x, y };
      }
      return null;
    }, handle);
    expect(point, 'shape has a visible, clickable point').not.toBeNull();
    return point;
  }

  async screenshot(name) {
    await this.page.screenshot({ path: `tests/e2e/screenshots/${name}.png`, fullPage: true });
  }

  expectNoConsoleErrors() {
    expect(this.consoleErrors, 'console errors').toEqual([]);
  }
}
