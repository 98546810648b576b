/**
 * The four languages end to end, in Chromium against browser mode with live data (the real central
 * system, a simulated Smarty, paired): each language is picked up from the browser's language, every
 * view shows it with no message key and no unfilled placeholder, `<html lang>` follows it, axe stays
 * clean, and at 390 px nothing overflows sideways. The Settings picker wins over the browser and
 * survives a reload. Screenshots of every view in every language and width: test-artifacts/i18n/.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../renderer/i18n/en.ts';
import { LANGUAGES, type LanguageCode } from '../../renderer/i18n/languages.ts';
import { APP_VIEWS, type AppPages, BROWSER_LOCALE, keepScreenshot, openView, sideways, startAppPages } from './support/app-pages.ts';
import { axeViolations } from './support/axe.ts';
import { readingOf, WAIT } from './support/dashboard-page.ts';

const STEP_MS = 120_000;
const KEYS = Object.keys(en);
// Overflow at 390 px known not to be the language's doing: none since the phone layout (issue 11;
// test/e2e/display.test.ts checks 360 and 390 px). Reported, not hidden, if one is ever added here.
const KNOWN_PHONE_OVERFLOW = new Set<string>();
const WIDTHS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

let app: AppPages;
beforeAll(async () => {
  app = await startAppPages('i18n');
}, 120_000);
afterAll(async () => app?.close());

const openPage = (locale: string, size: { width: number; height: number }) => app.open(locale, size);

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

const keep = (page: Page, name: string) => keepScreenshot(page, 'i18n', name);

describe.each(Object.keys(LANGUAGES) as LanguageCode[])('%s', (code) => {
  const catalogue = LANGUAGES[code].catalogue;

  it.each(WIDTHS)(
    'from the browser language, every view at $name width: the language, no raw key, axe clean',
    async (size) => {
      const { context, page } = await openPage(BROWSER_LOCALE[code], size);
      try {
        const found: Record<string, unknown> = {};
        for (const view of APP_VIEWS) {
          await openView(page, view);
          await keep(page, `${code}-${size.width}-${view}`);
          expect(await page.evaluate(() => document.documentElement.lang)).toBe(code);
          expect(await page.getByTestId(`tab-${view}`).textContent()).toBe(catalogue[`nav.${view}`]);
          const problems = await wordProblems(page);
          const violations = size.name === 'desktop' ? await axeViolations(page) : [];
          const overflow = size.name === 'phone' ? (await sideways(page)).offenders : [];
          const known = overflow.filter((o) => KNOWN_PHONE_OVERFLOW.has(o));
          if (known.length) console.info(`${code} ${view} at ${size.width} px: known overflow ${known.join(', ')}`);
          const unknown = overflow.filter((o) => !KNOWN_PHONE_OVERFLOW.has(o));
          if (problems.length || violations.length || unknown.length) found[view] = { problems, violations, overflow: unknown };
        }
        expect(found).toEqual({});
        expect(app.pageErrors).toEqual([]);
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
        await page.getByTestId('pairing-meter-id').fill(app.stack.central.demo!.meterId);
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
          await page.getByTestId('staff-token').fill(app.stack.central.staffToken);
          await page.getByTestId('staff-central-url').fill(app.stack.central.url);
          await page.getByTestId('staff-signin-submit').click();
        }
        await page.getByTestId('staff-controls').waitFor(WAIT);
        await page.getByTestId('staff-fields-full').click();
        await page.locator('[data-testid="service-timing"][data-seen="true"]').first().waitFor(WAIT);
        await keep(page, `${code}-1280-service-staff`);
        expect(await wordProblems(page)).toEqual([]);
        expect(await axeViolations(page)).toEqual([]);
        expect(app.pageErrors).toEqual([]);
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
      const put = await app.stack.staffCall('PUT', `/api/meters/${app.stack.central.demo!.meterId}/messages/0`, { text });
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
