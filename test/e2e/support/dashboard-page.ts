/**
 * What the issue 4 tests ask of the dashboard page: values by test id, waiting for one to change,
 * driving the settings panel, and screenshots kept in test-artifacts/e2e/ (git-ignored).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export const WAIT = { timeout: 20_000 };
const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'e2e');

/** Saves a full-page screenshot as test-artifacts/e2e/<name>.png. */
export async function keepScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Waits until `value-<name>` holds a reading and returns its text. */
export async function readingOf(page: Page, name: string): Promise<string> {
  const el = page.locator(`[data-testid="value-${name}"][data-state="value"]`);
  await el.waitFor(WAIT);
  return (await el.textContent()) ?? '';
}

/** Waits until `value-<name>` shows a reading other than `before`. */
export async function readingChangesFrom(page: Page, name: string, before: string): Promise<string> {
  const handle = await page.waitForFunction(
    ([id, old]) => {
      const el = document.querySelector(`[data-testid="value-${id}"][data-state="value"]`);
      const now = el?.textContent ?? null;
      return now !== null && now !== old ? now : null;
    },
    [name, before] as const,
    WAIT,
  );
  return (await handle.jsonValue()) as string;
}

/** Every `value-*` element's state, by test id (for "fills every tile" and "no values"). */
export function fieldStates(page: Page, within = 'view-dashboard'): Promise<Record<string, string>> {
  return page.evaluate((root) => {
    const out: Record<string, string> = {};
    const scope = document.querySelector(`[data-testid="${root}"]`) ?? document;
    for (const el of scope.querySelectorAll('[data-testid^="value-"]'))
      out[el.getAttribute('data-testid')!] = el.getAttribute('data-state') ?? '';
    return out;
  }, within);
}

/** Waits for an element by test id with the given attribute value. */
export function waitAttr(page: Page, testId: string, attr: string, value: string): Promise<void> {
  return page.locator(`[data-testid="${testId}"][${attr}="${value}"]`).waitFor(WAIT);
}

/** Settings panel: choose the serial source, type the path and apply. */
export async function chooseSerialPort(page: Page, path: string): Promise<string> {
  await page.getByTestId('tab-settings').click();
  await page.getByTestId('source-kind-serial').check();
  await page.getByTestId('source-path').fill(path);
  await page.getByTestId('source-apply').click();
  await page.waitForFunction(() => (document.querySelector('[data-testid="source-result"]')?.textContent ?? '') !== '', null, WAIT);
  return (await page.getByTestId('source-result').textContent()) ?? '';
}

/** Settings panel: enter a meter key and save it (the caller waits for what the port makes of it). */
export async function enterKey(page: Page, hex: string): Promise<void> {
  await page.getByTestId('tab-settings').click();
  await page.getByTestId('key-input').fill(hex);
  await page.getByTestId('key-save').click();
  await page.getByTestId('key-clear').waitFor(WAIT); // offered once a key is stored
}
