/**
 * Accessibility end to end, in Chromium against browser mode with live data (the real central
 * system, a simulated Smarty, paired): axe-core's WCAG 2.x A/AA rules on every view, and the
 * keyboard: Tab visits every control of the dashboard and the settings view in document order,
 * each with a visible focus outline.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, installAxe } from './support/axe.ts';
import { buildRenderer } from './support/build-renderer.ts';
import { collectPageErrors, launchChromium, screenshot } from './support/chromium.ts';
import { readingOf, WAIT } from './support/dashboard-page.ts';
import { startMeterStack, type MeterStack } from './support/meter-stack.ts';
import { makeTempDir, type TempDir } from './support/temp-dir.ts';

// axe is served beside the app, so the page's CSP (script-src 'self') stays on while it runs.
const STEP_MS = 60_000;

let build: TempDir;
let stack: MeterStack;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  build = makeTempDir('e2e-a11y-page');
  const staticDir = await buildRenderer('app', build.path);
  installAxe(staticDir);
  stack = await startMeterStack({ staticDir, intervalMs: 1000, paired: true });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  collectPageErrors(page, pageErrors);
  await page.goto(stack.server.url);
  await readingOf(page, 'importPowerW');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
  build?.remove();
});

afterEach(async (ctx) => {
  if (page && ctx.task.result?.state === 'fail') await screenshot(page, `a11y-failed-${ctx.task.name}`).catch(() => {});
});

async function openView(view: string): Promise<void> {
  await page.getByTestId(`tab-${view}`).click();
  await page.locator(`[data-testid="tab-${view}"][aria-current="page"]`).waitFor(WAIT);
  await page.getByTestId(`view-${view}`).waitFor(WAIT);
}

describe('axe-core, WCAG 2.x A and AA, live data', () => {
  it(
    'reports a planted violation (the check itself works)',
    async () => {
      await openView('dashboard');
      await page.evaluate(() =>
        document.getElementById('main')!.append(Object.assign(document.createElement('button'), { id: 'planted' })),
      );
      try {
        expect((await axeViolations(page)).join('\n')).toMatch(/button-name[\s\S]*#planted/);
      } finally {
        await page.evaluate(() => document.getElementById('planted')?.remove());
      }
    },
    STEP_MS,
  );

  it(
    'finds nothing on the dashboard',
    async () => {
      await openView('dashboard');
      await page.locator('[data-testid="power-chart"] svg').first().waitFor(WAIT);
      await page.locator('[data-testid="tile-mbus-1"]').waitFor(WAIT);
      expect((await axeViolations(page)).join('\n\n')).toBe('');
    },
    STEP_MS,
  );

  it(
    'finds nothing on the pairing view',
    async () => {
      await openView('pairing');
      await page.locator('[data-testid="pairing-port"][data-diagnosis="key-ok"]').waitFor(WAIT);
      expect((await axeViolations(page)).join('\n\n')).toBe('');
    },
    STEP_MS,
  );

  it(
    'finds nothing on the service view with staff signed out',
    async () => {
      await openView('service');
      await page.locator('[data-testid="service-staff"][data-signed-in="false"]').waitFor(WAIT);
      await page.getByTestId('service-frame-detail').waitFor(WAIT);
      await page.locator('[data-testid="service-interval"] svg').first().waitFor(WAIT);
      expect((await axeViolations(page)).join('\n\n')).toBe('');
    },
    STEP_MS,
  );

  it(
    'finds nothing on the settings view',
    async () => {
      await openView('settings');
      await page.locator('[data-testid="source-kind-tcp"]:checked').waitFor(WAIT); // prefilled from the running source
      // Each source kind shows its own fields: check them all (choosing one applies nothing).
      for (const kind of ['serial', 'file', 'demo', 'tcp']) {
        await page.getByTestId(`source-kind-${kind}`).check();
        expect((await axeViolations(page)).join('\n\n'), kind).toBe('');
      }
      await page.getByTestId('key-input').fill('00112233445566778899AABBCCDDEEFF');
      await page.getByTestId('key-save').click();
      await page.getByTestId('key-error').waitFor(WAIT); // the inline refusal of the published key
      expect((await axeViolations(page)).join('\n\n'), 'key error').toBe('');
      await page.getByTestId('key-input').fill('');
      expect(pageErrors).toEqual([]);
    },
    STEP_MS,
  );
});

interface Stop {
  id: string; // data-testid, else tag#id / tag[name] / tag:text, to name it in a failure
  outline: string; // computed outline while focused
}

/** Every element Tab should reach on the page, in document order (one radio per group: the checked one). */
function expectedStops(): Promise<string[]> {
  return page.evaluate(() => {
    // A live chart's text changes between two looks: name a nameless element by its labelled container.
    const name = (el: Element): string =>
      el.getAttribute('data-testid') ??
      `${el.tagName.toLowerCase()}:${(el.getAttribute('aria-label') ?? el.parentElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? el.textContent ?? '').trim().slice(0, 40)}`;
    const candidates = document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]');
    const out: string[] = [];
    for (const el of candidates) {
      if (el.tabIndex < 0 || (el as HTMLButtonElement).disabled) continue;
      if (el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      if (el instanceof HTMLInputElement && el.type === 'radio' && !el.checked) continue;
      out.push(name(el));
    }
    return out;
  });
}

/** Presses Tab from the top of the page until focus leaves the document's controls; where it went. */
async function tabStops(max: number): Promise<Stop[]> {
  // A click on the page's empty top-left corner puts the browser's Tab starting point before everything.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.click(1, 1);
  const stops: Stop[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      const name =
        el.getAttribute('data-testid') ??
        `${el.tagName.toLowerCase()}:${(el.getAttribute('aria-label') ?? el.parentElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? el.textContent ?? '').trim().slice(0, 40)}`;
      return { id: name, outline: `${s.outlineStyle} ${s.outlineWidth}` };
    });
    if (stop === null) break;
    stops.push(stop);
  }
  return stops;
}

const visibleOutline = (outline: string): boolean => !outline.startsWith('none') && parseFloat(outline.split(' ')[1] ?? '0') >= 2;

describe('keyboard', () => {
  it(
    'reaches every control of the dashboard in document order, each with a visible focus ring',
    async () => {
      await openView('dashboard');
      await page.locator('[data-testid="power-chart"] svg').first().waitFor(WAIT);
      const expected = await expectedStops();
      const stops = await tabStops(expected.length + 5);
      expect(stops.map((s) => s.id)).toEqual(expected);
      expect(stops[0]!.id).toBe('skip-to-main'); // the first stop jumps past the tabs and health panel
      expect(stops.filter((s) => !visibleOutline(s.outline))).toEqual([]);
    },
    STEP_MS,
  );

  it(
    'reaches every control of the settings view in document order, each with a visible focus ring',
    async () => {
      await openView('settings');
      await page.locator('[data-testid="source-kind-tcp"]:checked').waitFor(WAIT);
      const expected = await expectedStops();
      expect(expected).toEqual(
        expect.arrayContaining(['source-kind-tcp', 'source-host', 'source-tcp-port', 'source-apply', 'key-input', 'key-save']),
      );
      const stops = await tabStops(expected.length + 5);
      expect(stops.map((s) => s.id)).toEqual(expected);
      expect(stops.filter((s) => !visibleOutline(s.outline))).toEqual([]);
    },
    STEP_MS,
  );

  it(
    'the skip link moves focus to the view',
    async () => {
      await openView('settings');
      await tabStops(1);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('source-kind-tcp');
    },
    STEP_MS,
  );
});
