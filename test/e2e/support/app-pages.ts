/**
 * The every-view e2e tests' shared set-up (languages.test.ts, display.test.ts): a paired meter
 * stack and Chromium, pages opened in a browser language at a size, each view opened and waited
 * for, what sticks out sideways, and screenshots kept under test-artifacts/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { LanguageCode } from '../../../renderer/i18n/languages.ts';
import { installAxe } from './axe.ts';
import { buildRenderer } from './build-renderer.ts';
import { collectPageErrors, launchChromium } from './chromium.ts';
import { readingOf, WAIT } from './dashboard-page.ts';
import { type MeterStack, startMeterStack } from './meter-stack.ts';
import { makeTempDir } from './temp-dir.ts';

export const APP_VIEWS = ['dashboard', 'history', 'pairing', 'service', 'settings'] as const;
export type AppView = (typeof APP_VIEWS)[number];
/** The browser languages a household in each language would have. */
export const BROWSER_LOCALE: Record<LanguageCode, string> = { en: 'en-GB', fr: 'fr-LU', de: 'de-LU', lb: 'lb-LU' };

export interface AppPages {
  stack: MeterStack;
  browser: Browser;
  pageErrors: string[];
  /** A fresh context in `locale` at `size`, on the app, once a live reading is shown. */
  open(locale: string, size: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

export async function startAppPages(name: string): Promise<AppPages> {
  const build = makeTempDir(`e2e-${name}-page`);
  const staticDir = await buildRenderer('app', build.path);
  installAxe(staticDir);
  const stack = await startMeterStack({ staticDir, intervalMs: 1000, paired: true });
  const browser = await launchChromium();
  const pageErrors: string[] = [];
  return {
    stack,
    browser,
    pageErrors,
    async open(locale, size) {
      const context = await browser.newContext({ locale, viewport: size });
      const page = await context.newPage();
      collectPageErrors(page, pageErrors);
      await page.goto(stack.server.url);
      await readingOf(page, 'importPowerW');
      return { context, page };
    },
    async close() {
      await browser.close();
      await stack.close();
      build.remove();
    },
  };
}

/** Opens a view by its tab and waits until its live content is there; Home's Details opened on request. */
export async function openView(page: Page, view: AppView, opts: { details?: boolean } = {}): Promise<void> {
  await page.getByTestId(`tab-${view}`).click();
  await page.locator(`[data-testid="tab-${view}"][aria-current="page"]`).waitFor(WAIT);
  await page.getByTestId(`view-${view}`).waitFor(WAIT);
  if (view === 'dashboard') {
    await page.locator('[data-testid="power-chart"] svg').first().waitFor(WAIT);
    await page.locator('[data-testid="tile-mbus-1"]').waitFor(WAIT);
    if (opts.details) {
      const details = page.getByTestId('dashboard-details');
      if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
      await page.getByTestId('phase-table').waitFor(WAIT);
    }
  }
  if (view === 'pairing') await page.locator('[data-testid="pairing-port"][data-diagnosis="key-ok"]').waitFor(WAIT);
  if (view === 'history') await page.locator('[data-testid="history-body"][data-state="ready"]').waitFor(WAIT);
  if (view === 'service') await page.getByTestId('service-frame-detail').waitFor(WAIT);
  if (view === 'settings') {
    await page.locator('[data-testid="source-kind-tcp"]:checked').waitFor(WAIT);
    await page.getByTestId('alert-settings').waitFor(WAIT);
  }
}

/** How far the page scrolls sideways, and the outermost elements sticking out (to say what to fix). */
export function sideways(page: Page): Promise<{ scroll: number; offenders: string[] }> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const width = root.clientWidth;
    const offenders = new Set<string>();
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= width + 1) continue;
      const parent = el.parentElement?.getBoundingClientRect();
      if (parent && parent.right > width + 1) continue; // the outermost one, not each of its children
      offenders.add(el.closest('[data-testid]')?.getAttribute('data-testid') ?? el.tagName.toLowerCase());
    }
    return { scroll: root.scrollWidth - width, offenders: [...offenders] };
  });
}

/** A full-page screenshot as test-artifacts/<folder>/<name>.png. */
export async function keepScreenshot(page: Page, folder: string, name: string): Promise<void> {
  const dir = join(process.cwd(), 'test-artifacts', folder);
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}
