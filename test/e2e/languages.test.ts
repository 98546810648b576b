/**
 * The four languages end to end, in Chromium against browser mode with live data (the real central
 * system, a simulated Smarty, paired): each language is picked up from the browser's language, every
 * view shows it with no message key and no unfilled placeholder, `<html lang>` follows it, axe stays
 * clean, and at 390 px nothing overflows sideways. The Settings picker wins over the browser and
 * survives a reload. Screenshots of every view in every language and width: test-artifacts/i18n/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../renderer/i18n/en.ts';
import { LANGUAGES, type LanguageCode } from '../../renderer/i18n/languages.ts';
import { axeViolations, installAxe } from './support/axe.ts';
import { buildRenderer } from './support/build-renderer.ts';
import { collectPageErrors, launchChromium } from './support/chromium.ts';
import { readingOf, WAIT } from './support/dashboard-page.ts';
import { startMeterStack, type MeterStack } from './support/meter-stack.ts';
import { makeTempDir, type TempDir } from './support/temp-dir.ts';

const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'i18n');
const STEP_MS = 120_000;
const KEYS = Object.keys(en);
const VIEWS = ['dashboard', 'history', 'pairing', 'service', 'settings'] as const;
type View = (typeof VIEWS)[number];
// The browser languages a household in each language would have.
const BROWSER_LOCALE: Record<LanguageCode, string> = { en: 'en-GB', fr: 'fr-LU', de: 'de-LU', lb: 'lb-LU' };
// Overflow at 390 px known not to be the language's doing: none since the phone layout (issue 11;
// test/e2e/display.test.ts checks 360 and 390 px). Reported, not hidden, if one is ever added here.
const KNOWN_PHONE_OVERFLOW = new Set<string>();
const WIDTHS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

let build: TempDir;
let stack: MeterStack;
let browser: Browser;
const pageErrors: string[] = [];

beforeAll(async () => {
  build = makeTempDir('e2e-i18n-page');
  const staticDir = await buildRenderer('app', build.path);
  installAxe(staticDir);
  stack = await startMeterStack({ staticDir, intervalMs: 1000, paired: true });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
  build?.remove();
});

async function openPage(locale: string, size: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale, viewport: size });
  const page = await context.newPage();
  collectPageErrors(page, pageErrors);
  await page.goto(stack.server.url);
  await readingOf(page, 'importPowerW');
  return { context, page };
}

/** Opens a view by its tab and waits until its live content is there. */
async function openView(page: Page, view: View): Promise<void> {
  await page.getByTestId(`tab-${view}`).click();
  await page.locator(`[data-testid="tab-${view}"][aria-current="page"]`).waitFor(WAIT);
  await page.getByTestId(`view-${view}`).waitFor(WAIT);
  if (view === 'dashboard') {
    await page.locator('[data-testid="power-chart"] svg').first().waitFor(WAIT);
    await page.locator('[data-testid="tile-mbus-1"]').waitFor(WAIT);
  }
  if (view === 'pairing') await page.locator('[data-testid="pairing-port"][data-diagnosis="key-ok"]').waitFor(WAIT);
  if (view === 'history') await page.locator('[data-testid="history-body"][data-state="ready"]').waitFor(WAIT);
  if (view === 'service') await page.getByTestId('service-frame-detail').waitFor(WAIT);
  if (view === 'settings') await page.locator('[data-testid="source-kind-tcp"]:checked').waitFor(WAIT);
}

/** Text a person reads or hears on the page (hidden text too): labels, tooltips, placeholders, the title. */
function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const attrs = [...document.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-valuetext]')].flatMap((el) =>
      ['aria-label', 'title', 'placeholder', 'alt', 'aria-valuetext'].map((a) => el.getAttribute(a) ?? ''),
    );
    return [document.title, document.body.textContent ?? '', ...attrs].join('\n');
  });
}

/** What is wrong with the page's words: a message key shown raw, a `{placeholder}` left, NaN. */
async function wordProblems(page: Page): Promise<string[]> {
  const text = await pageText(page);
  return [
    ...KEYS.filter((key) => text.includes(key)).map((key) => `raw key ${key}`),
    ...[...text.matchAll(/\{\w+[},]/g)].map((m) => `unfilled ${m[0]}`),
    ...(/\bNaN\b|\bundefined\b/.test(text) ? ['NaN or undefined shown'] : []),
  ];
}

/** Elements whose box sticks out past the right edge of the viewport, and the page's sideways scroll. */
function overflow(page: Page): Promise<{ scroll: number; offenders: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const offenders = new Set<string>();
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= width + 1) continue;
      // Report the outermost element that overflows, not each of its children.
      const parent = el.parentElement?.getBoundingClientRect();
      if (parent && parent.right > width + 1) continue;
      offenders.add(el.closest('[data-testid]')?.getAttribute('data-testid') ?? el.tagName.toLowerCase());
    }
    return { scroll: document.documentElement.scrollWidth - width, offenders: [...offenders] };
  });
}

async function keep(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

describe.each(Object.keys(LANGUAGES) as LanguageCode[])('%s', (code) => {
  const catalogue = LANGUAGES[code].catalogue;

  it.each(WIDTHS)(
    'from the browser language, every view at $name width: the language, no raw key, axe clean',
    async (size) => {
      const { context, page } = await openPage(BROWSER_LOCALE[code], size);
      try {
        const found: Record<string, unknown> = {};
        for (const view of VIEWS) {
          await openView(page, view);
          await keep(page, `${code}-${size.width}-${view}`);
          expect(await page.evaluate(() => document.documentElement.lang)).toBe(code);
          expect(await page.getByTestId(`tab-${view}`).textContent()).toBe(catalogue[`nav.${view}`]);
          const problems = await wordProblems(page);
          const violations = size.name === 'desktop' ? await axeViolations(page) : [];
          const sideways = size.name === 'phone' ? (await overflow(page)).offenders : [];
          const known = sideways.filter((o) => KNOWN_PHONE_OVERFLOW.has(o));
          if (known.length) console.info(`${code} ${view} at ${size.width} px: known overflow ${known.join(', ')}`);
          const unknown = sideways.filter((o) => !KNOWN_PHONE_OVERFLOW.has(o));
          if (problems.length || violations.length || unknown.length) found[view] = { problems, violations, overflow: unknown };
        }
        expect(found).toEqual({});
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    STEP_MS,
  );
  it(
    'in the views’ other states: a wrong pairing code (with its count of attempts), staff signed in, a change timed',
    async () => {
      const { context, page } = await openPage(BROWSER_LOCALE[code], WIDTHS[0]);
      try {
        await openView(page, 'pairing');
        await page.getByTestId('pairing-meter-id').fill(stack.central.demo!.meterId);
        await page.getByTestId('pairing-code').fill('000000'); // wrong: one attempt less, never a lock in 4 languages
        await page.getByTestId('pairing-submit').click();
        // Four wrong codes in a row: a central that throttles sooner says "locked until …", as worded.
        const outcome = page.locator('[data-testid="pairing-outcome"]:is([data-status="bad-code"], [data-status="locked"])');
        await outcome.waitFor(WAIT);
        expect(await outcome.textContent()).toMatch(/\d/);
        await keep(page, `${code}-1280-pairing-bad-code`);
        expect(await wordProblems(page)).toEqual([]);

        await openView(page, 'service');
        // The host keeps the staff session: only the first language's page signs in.
        if ((await page.getByTestId('service-staff').getAttribute('data-signed-in')) === 'false') {
          await page.getByTestId('staff-token').fill(stack.central.staffToken);
          await page.getByTestId('staff-central-url').fill(stack.central.url);
          await page.getByTestId('staff-signin-submit').click();
        }
        await page.getByTestId('staff-controls').waitFor(WAIT);
        await page.getByTestId('staff-fields-full').click();
        await page.locator('[data-testid="service-timing"][data-seen="true"]').first().waitFor(WAIT);
        await keep(page, `${code}-1280-service-staff`);
        expect(await wordProblems(page)).toEqual([]);
        expect(await axeViolations(page)).toEqual([]);
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    },
    STEP_MS,
  );
});

describe('operator messages', () => {
  it(
    'with accents (é, ü, ë) are accepted by the central and show as sent, in the inbox of any language',
    async () => {
      const text = 'Coupure prévue le 3 décembre · Wartung am Zähler · Ënnerbriechung vum Stroum';
      const put = await stack.staffCall('PUT', `/api/meters/${stack.central.demo!.meterId}/messages/0`, { text });
      expect(put.status).toBe(200);
      const { context, page } = await openPage('lb-LU', WIDTHS[1]);
      try {
        const message = page.getByTestId('message').filter({ hasText: 'Ënnerbriechung' });
        await message.waitFor(WAIT);
        expect(await message.textContent()).toContain(text);
        await keep(page, 'lb-390-dashboard-message');
        expect(await wordProblems(page)).toEqual([]);
      } finally {
        await context.close();
      }
    },
    STEP_MS,
  );
});

describe('the Settings picker', () => {
  it(
    'wins over the browser language, is remembered across a reload, and "system language" goes back',
    async () => {
      const { context, page } = await openPage('fr-LU', WIDTHS[0]);
      try {
        await openView(page, 'settings');
        expect(await page.getByTestId('tab-settings').textContent()).toBe('Paramètres');
        await page.getByTestId('language-select').selectOption('lb');
        await page.locator('html[lang="lb"]').waitFor(WAIT);
        expect(await page.getByTestId('tab-settings').textContent()).toBe('Astellungen');
        expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('language-select');

        await page.reload();
        await readingOf(page, 'importPowerW');
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('lb');
        // Numbers in Luxembourgish text: lb-LU where the browser has it, de-LU where it does not.
        expect(await page.getByTestId('value-importEnergyWh').textContent()).toMatch(/^\d{1,3}(\.\d{3})*,\d{3}\u00a0kWh$/);

        await openView(page, 'settings');
        await page.getByTestId('language-select').selectOption('auto');
        await page.locator('html[lang="fr"]').waitFor(WAIT);
        expect(await page.evaluate(() => localStorage.getItem('luxp1.language'))).toBeNull();
        expect(await wordProblems(page)).toEqual([]);
      } finally {
        await context.close();
      }
    },
    STEP_MS,
  );
});
