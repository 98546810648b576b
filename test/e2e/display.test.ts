/**
 * Issue 11's first screen and alerts end to end, in Chromium against browser mode with live data
 * (the real central system, a simulated Smarty, paired). Every view in every language at phone
 * widths (360 and 390 px): no sideways scroll (document.scrollingElement.scrollWidth <= clientWidth),
 * axe clean, Home's Details opened too. Then the operator cuts the supply and lets it back on:
 * the in-app alert and Home's banner come and go; a new message raises its alert and "mark all as
 * read" clears it. Screenshots: test-artifacts/display/.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES, type LanguageCode } from '../../renderer/i18n/languages.ts';
import {
  APP_VIEWS,
  type AppPages,
  BROWSER_LOCALE,
  keepScreenshot,
  openView as openAppView,
  sideways,
  startAppPages,
} from './support/app-pages.ts';
import { axeViolations } from './support/axe.ts';
import { WAIT } from './support/dashboard-page.ts';

const STEP_MS = 150_000;
const WIDTHS = [360, 390] as const;

let app: AppPages;
beforeAll(async () => {
  app = await startAppPages('display');
}, 120_000);
afterAll(async () => app?.close());

const openPage = (locale: string, width: number) => app.open(locale, { width, height: 800 });
const keep = (page: Page, name: string) => keepScreenshot(page, 'display', name);
const openView = (page: Page, view: (typeof APP_VIEWS)[number]) => openAppView(page, view, { details: true });

describe.each(Object.keys(LANGUAGES) as LanguageCode[])('%s at phone widths', (code) => {
  it(
    'every view at 360 and 390 px: no sideways scroll, axe clean',
    async () => {
      const { context, page } = await openPage(BROWSER_LOCALE[code], WIDTHS[0]);
      try {
        const found: Record<string, unknown> = {};
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 800 });
          for (const view of APP_VIEWS) {
            await openView(page, view);
            await keep(page, `${code}-${width}-${view}`);
            const over = await sideways(page);
            const violations = await axeViolations(page);
            if (over.scroll > 0 || violations.length) found[`${width} ${view}`] = { ...over, violations };
          }
        }
        expect(found).toEqual({});
        expect(app.pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    STEP_MS,
  );
});

describe('Home → Today', () => {
  it('today’s energy and cost from the recorder, and the power class this quarter-hour, live', async () => {
    const { context, page } = await openPage('en-GB', 390);
    try {
      const today = page.getByTestId('today-import');
      await expect.poll(() => today.getAttribute('data-state'), { timeout: 20_000 }).toBe('value');
      // At night the simulated home draws ~150 W: a few seconds are 0.000 kWh, truthfully; the form is what counts here.
      expect(await today.textContent()).toMatch(/^\d+\.\d{3} kWh$/);
      expect(await page.getByTestId('today-cost').textContent()).toMatch(/^Cost so far: €\d+\.\d\d/);
      expect(await page.getByTestId('power-class-projected').textContent()).toMatch(/^Until \d\d:\d\d: [\d.]+ kW against your 3 kW class$/);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});

describe('alerts', () => {
  it(
    'the supply cut and ready for reconnection: an alert on every view and a banner on Home, gone when the supply is back',
    async () => {
      const meter = `/api/meters/${app.stack.central.demo!.meterId}`;
      const { context, page } = await openPage('en-GB', 390);
      try {
        expect(await page.getByTestId('supply-banner').count()).toBe(0);
        // Relay 1 simply off: not an alarm, no alert and no banner.
        expect((await app.stack.staffCall('PATCH', meter, { relays: { relay1: 'disconnected' } })).status).toBe(200);
        await page.locator('[data-testid="relay-1-state"][data-state="disconnected"]').waitFor(WAIT);
        expect(await page.getByTestId('alert').count()).toBe(0);

        expect((await app.stack.staffCall('PATCH', meter, { breaker: 'disconnected' })).status).toBe(200);
        // On Home the supply's banner says it (once, not twice); every other view shows the alert.
        await page.locator('[data-testid="supply-banner"][data-state="disconnected"]').waitFor(WAIT);
        expect(await page.getByTestId('supply-banner').textContent()).toMatch(/supply is cut/);
        await keep(page, 'alert-supply-cut-390');
        const cut = page.locator('[data-testid="alert"][data-kind="supply-cut"]');
        expect(await cut.count()).toBe(0);
        await page.getByTestId('tab-settings').click();
        await cut.waitFor(WAIT);
        expect(await cut.textContent()).toMatch(/Supply cut.*cut the electricity supply/);
        await keep(page, 'alert-supply-cut-settings-390');
        expect(await axeViolations(page)).toEqual([]);
        await page.getByTestId('tab-dashboard').click();

        expect((await app.stack.staffCall('PATCH', meter, { breaker: 'ready' })).status).toBe(200);
        await page.locator('[data-testid="supply-banner"][data-state="ready"]').waitFor(WAIT);
        await keep(page, 'alert-supply-ready-390');
        await page.getByTestId('tab-pairing').click();
        await page.locator('[data-testid="alert"][data-kind="supply-ready"]').waitFor(WAIT);
        expect(await cut.count()).toBe(0); // no longer cut: that alert is over

        expect((await app.stack.staffCall('PATCH', meter, { breaker: 'connected', relays: { relay1: 'connected' } })).status).toBe(200);
        await page.getByTestId('alerts').waitFor({ ...WAIT, state: 'detached' });
        await page.getByTestId('tab-dashboard').click();
        await page.getByTestId('view-dashboard').waitFor(WAIT);
        expect(await page.getByTestId('supply-banner').count()).toBe(0);
        // The recorder kept it: History lists the breaker's changes of today.
        await page.getByTestId('tab-history').click();
        const events = page.getByTestId('history-events');
        await expect.poll(() => events.locator('li[data-kind="breaker"]').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
        expect(await events.textContent()).toMatch(/Breaker.*Connected → Disconnected/);
        await keep(page, 'history-events-390');
        expect(app.pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    STEP_MS,
  );

  it(
    'new operator messages raise one alert; "mark all as read" reads them; a dismissed alert stays away',
    async () => {
      const meter = `/api/meters/${app.stack.central.demo!.meterId}`;
      const { context, page } = await openPage('fr-LU', 360);
      try {
        for (const [channel, text] of [
          ['2', 'Travaux prévus lundi de 9 h à 11 h.'],
          [
            '3',
            `Information importante : ${'le compteur sera relevé à distance et la fourniture pourra être brièvement interrompue. '.repeat(4)}`,
          ],
        ] as const)
          expect((await app.stack.staffCall('PUT', `${meter}/messages/${channel}`, { text })).status).toBe(200);
        const alert = page.locator('[data-testid="alert"][data-kind="message"]');
        await alert.waitFor(WAIT);
        await page.locator('[data-testid="message"][data-unread="true"]').nth(1).waitFor(WAIT);
        expect(await page.getByTestId('message-toggle').first().getAttribute('aria-expanded')).toBe('false');
        await keep(page, 'alert-messages-fr-360');
        expect(await axeViolations(page)).toEqual([]);
        await page.getByTestId('mark-all-read').click();
        await page
          .locator('[data-testid="message"][data-unread="true"]')
          .first()
          .waitFor({ ...WAIT, state: 'detached' });
        await alert.getByRole('button').click();
        await alert.waitFor({ ...WAIT, state: 'detached' });
        expect(app.pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    STEP_MS,
  );
});
