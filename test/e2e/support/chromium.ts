/**
 * Chromium for end-to-end tests: Debian's /usr/bin/chromium driven by playwright-core, headless,
 * with the flags that keep it quiet on a shared box. Screenshots go to test-artifacts/ (git-ignored).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.LUXP1_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const ARTIFACTS = join(process.cwd(), 'test-artifacts');

/** Launches Chromium; close it with `browser.close()` in afterAll. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS, headless: true });
}

/** Saves a full-page screenshot as test-artifacts/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  // Viewport only: a full page with a 1024-character message can exceed Chromium's capture limit.
  await page.screenshot({ path });
  return path;
}

/** Forwards the page's console errors and crashes to `sink` (a test can assert there were none). */
export function collectPageErrors(page: Page, sink: string[]): void {
  page.on('pageerror', (err) => sink.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    // The browser's own favicon probe is not the app's error.
    const url = msg.location().url;
    if (msg.type() === 'error' && !url.endsWith('/favicon.ico')) sink.push(`console: ${msg.text()} (${url})`);
  });
}
