/**
 * Issue 9 end to end, on a real pty pair: only authenticated, fresh frames become readings. While a
 * simulated Smarty pushes verified encrypted frames, a forged plain telegram (valid CRC) and a
 * recorded frame replayed after the counter restarted are written onto the same line; neither may
 * reach the screen, and both are counted as what they are.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asciiToBytes, encodeTelegram } from '../../protocol/index.ts';
import type { Telegram } from '../../protocol/types.ts';
import { buildRenderer } from './support/build-renderer.ts';
import { collectPageErrors, launchChromium } from './support/chromium.ts';
import { chooseSerialPort, enterKey, keepScreenshot, readingOf, WAIT, waitAttr } from './support/dashboard-page.ts';
import { createPtyWriter } from './support/pty-writer.ts';
import { type SerialStack, startSerialStack } from './support/serial-stack.ts';
import { makeTempDir, type TempDir } from './support/temp-dir.ts';

const temps: TempDir[] = [];
let browser: Browser;
let stack: SerialStack;
let page: Page;
const pageErrors: string[] = [];
const frames: { bytes: Uint8Array; frameCounter: number | null; telegram: Telegram }[] = [];

beforeAll(async () => {
  const build = makeTempDir('e2e-trust-page');
  temps.push(build);
  const rendererDir = await buildRenderer('app', build.path);
  browser = await launchChromium();
  stack = await startSerialStack({ staticDir: rendererDir, intervalMs: 500 });
  stack.simulator?.onFrame((f) => frames.push({ bytes: f.bytes, frameCounter: f.frameCounter, telegram: f.telegram }));
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  collectPageErrors(page, pageErrors);
  await page.goto(stack.server.url);
  await chooseSerialPort(page, stack.pty.appPath);
  await enterKey(page, stack.meter.key);
  await waitAttr(page, 'diagnosis', 'data-diagnosis', 'key-ok');
  await page.getByTestId('tab-dashboard').click();
}, 120_000);

afterAll(async () => {
  await page?.close();
  await browser?.close();
  await stack?.close();
  for (const t of temps) t.remove();
});

/** Resolves shortly after the simulated meter's next frame is on the line. */
function afterNextFrame(): Promise<void> {
  const seen = frames.length;
  return new Promise((resolve) => {
    const poll = setInterval(() => {
      if (frames.length === seen) return;
      clearInterval(poll);
      setTimeout(resolve, 50);
    }, 5);
  });
}

/** The count the service view shows for `code`. */
async function countOf(code: string): Promise<number> {
  await page.getByTestId('tab-service').click();
  const text = await page.getByTestId(`service-count-${code}`).textContent();
  await page.getByTestId('tab-dashboard').click();
  return Number(text);
}

describe('only authenticated, fresh frames become readings', () => {
  it('never shows a forged plain telegram injected between verified encrypted frames', async () => {
    const writer = createPtyWriter(stack.pty.meterPath);
    const genuine = frames.at(-1)!.telegram;
    const forged: Telegram = {
      ...genuine,
      message: 'Pay your bill at evil.example',
      electricity: { ...genuine.electricity, importPowerW: 99_999 },
    };
    const before = await countOf('PLAIN_REFUSED');
    for (let i = 0; i < 3; i++) {
      // Between two of the meter's frames: two writers at once on one line would interleave their bytes.
      await afterNextFrame();
      await writer.write(asciiToBytes(encodeTelegram(forged)));
    }
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="health-decoded"]')?.textContent) > 0, null, WAIT);
    await expect.poll(() => countOf('PLAIN_REFUSED'), { timeout: 10_000 }).toBeGreaterThanOrEqual(before + 3);
    // The genuine meter goes on: its value, never the forged one, and no forged message in the inbox.
    await waitAttr(page, 'diagnosis', 'data-diagnosis', 'key-ok');
    expect(await readingOf(page, 'importPowerW')).not.toMatch(/99\D?999/);
    expect(await page.getByTestId('view-dashboard').textContent()).not.toContain('evil.example');
    await keepScreenshot(page, 'trust-injection-refused');
    await writer.close?.();
  });

  it('refuses a recorded frame replayed after the counter went back to 0, under the same key', async () => {
    const writer = createPtyWriter(stack.pty.meterPath);
    const first = frames.find((f) => f.frameCounter !== null)!;
    expect(frames.at(-1)!.frameCounter!).toBeGreaterThan(first.frameCounter!);
    const before = await countOf('REPLAY');
    await afterNextFrame();
    await writer.write(first.bytes);
    await expect.poll(() => countOf('REPLAY'), { timeout: 10_000 }).toBeGreaterThan(before);
    await writer.close?.();
    expect(pageErrors).toEqual([]);
  });
});
