/**
 * The staff tools as a DSO tester tries them (issue 9), in Chromium against browser mode with the
 * real central system and a simulated Smarty: sign-in belongs to one window (a new private window
 * is not signed in, a reload ends it), the key rotation asks first, a refused message is explained
 * next to its text box, relays, pairing codes and the audit log work, the export's count is true and
 * its redacted file decodes honestly with `luxp1 decode`, axe finds nothing on the signed-in view,
 * and when the central goes away the view says so and keeps the session.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, installAxe } from './support/axe.ts';
import { buildRenderer } from './support/build-renderer.ts';
import { collectPageErrors, launchChromium, screenshot } from './support/chromium.ts';
import { startMeterStack, type MeterStack } from './support/meter-stack.ts';
import { makeTempDir, type TempDir } from './support/temp-dir.ts';

const run = promisify(execFile);
const WAIT = { timeout: 15_000 };
const STEP_MS = 60_000;
let build: TempDir;
let stack: MeterStack;
let browser: Browser;
let windowA: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  build = makeTempDir('e2e-staff-page');
  const staticDir = await buildRenderer('app', build.path);
  installAxe(staticDir);
  stack = await startMeterStack({ staticDir, intervalMs: 500, paired: true });
  browser = await launchChromium();
  windowA = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page = await windowA.newPage();
  collectPageErrors(page, pageErrors);
  await openService(page);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
  build?.remove();
});

afterEach(async (ctx) => {
  if (page && ctx.task.result?.state === 'fail') await screenshot(page, `staff-failed-${ctx.task.name}`).catch(() => {});
});

async function openService(p: Page): Promise<void> {
  await p.goto(stack.server.url);
  await p.getByTestId('tab-service').click();
  await p.getByTestId('view-service').waitFor(WAIT);
}

/** Opens the service view and waits for the host's answer to its session check: "not signed in". */
async function openServiceSignedOut(p: Page): Promise<void> {
  const refused = new Promise<void>((resolve) =>
    p.on('websocket', (ws) =>
      ws.on('framereceived', (f) => {
        if (String(f.payload).includes('"NOT_SIGNED_IN"')) resolve();
      }),
    ),
  );
  await openService(p);
  await refused;
  await p.getByTestId('staff-signin').waitFor(WAIT);
}

async function signIn(p: Page): Promise<void> {
  await p.getByTestId('staff-token').fill(stack.central.staffToken);
  await p.getByTestId('staff-signin-submit').click();
  await p.getByTestId('staff-controls').waitFor(WAIT);
}

describe('staff tools in the browser', () => {
  it(
    'signs in one window only: a new private window and a reload are not signed in',
    async () => {
      await signIn(page);
      expect(await page.getByTestId('staff-signed-in').textContent()).toMatch(
        /^Signed in as staff on http:\/\/127\.0\.0\.1:\d+\/?\. This window only; you are signed out after 15 minutes/,
      );

      const windowB = await browser.newContext();
      const other = await windowB.newPage();
      await openServiceSignedOut(other);
      expect(await other.getByTestId('staff-controls').count()).toBe(0);
      expect(await other.evaluate(() => document.body.textContent ?? '')).not.toContain('Signed in as staff');
      await windowB.close();

      const reloaded = await windowA.newPage();
      await openServiceSignedOut(reloaded);
      expect(await reloaded.getByTestId('staff-controls').count()).toBe(0);
      await reloaded.close();
      expect(await page.getByTestId('staff-controls').count()).toBe(1); // window A itself is still signed in
    },
    STEP_MS,
  );

  it(
    'asks before rotating the key, explains a refused message next to its box, and switches a relay',
    async () => {
      const versionBefore = (await stack.staffCall('GET', `/api/meters/${stack.central.demo!.meterId}`)).json.keyVersion;
      await page.getByTestId('staff-rotate-key').click();
      await page.getByTestId('staff-rotate-key-confirm').waitFor(WAIT);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('staff-rotate-key-cancel');
      expect((await axeViolations(page)).join('\n')).toBe('');
      await page.keyboard.press('Escape');
      await page.getByTestId('staff-rotate-key').waitFor(WAIT);
      expect((await stack.staffCall('GET', `/api/meters/${stack.central.demo!.meterId}`)).json.keyVersion).toBe(versionBefore);

      await page.getByTestId('staff-message-text').fill('Coupure\nà 14h'); // accents are fine, a line break is not
      await page.getByTestId('staff-message-send').click();
      const error = page.getByTestId('staff-error-message');
      await error.waitFor(WAIT);
      expect(await error.textContent()).toMatch(/1,024 bytes .*no line breaks/);
      expect(await page.getByTestId('staff-message-text').getAttribute('aria-describedby')).toBe(await error.getAttribute('id'));

      await page.getByTestId('staff-relay1').selectOption('ready');
      await page.getByTestId('staff-relay1-apply').click();
      await page.locator('[data-testid="service-timing"]', { hasText: 'Relay 1 ready' }).first().waitFor(WAIT);
      expect((await stack.staffCall('GET', `/api/meters/${stack.central.demo!.meterId}`)).json.relays.relay1).toBe('ready');
      await page.locator('[data-testid="service-timing"][data-seen="true"]', { hasText: 'Relay 1 ready' }).first().waitFor(WAIT);
    },
    STEP_MS,
  );

  it(
    'issues a pairing code that pairs, shows the audit log, and stays clean for axe',
    async () => {
      await page.getByTestId('staff-code-issue').click();
      await page.getByTestId('staff-code-issue-yes').click();
      const shown = (await page.getByTestId('staff-code-shown').textContent()) ?? '';
      const code = /: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})\./.exec(shown)?.[1];
      expect(code).toBeDefined();
      const paired = await stack.services.handle('pairing:pair', {
        centralUrl: stack.central.url,
        meterId: stack.central.demo!.meterId,
        code: code!,
      });
      expect(paired.ok && paired.value.status).toBe('paired');

      await page.getByTestId('staff-audit-load').click();
      await page.getByTestId('staff-audit-entry').first().waitFor(WAIT);
      expect(await page.getByTestId('staff-audit-list').textContent()).toMatch(/staff:\d+/);
      await page.locator('[data-testid="staff-controls"] details summary').first().click();
      await page.getByTestId('staff-field-chooser').waitFor(WAIT);
      expect(await page.locator('[data-testid="staff-field-chooser"] input[data-obis="1-0:1.8.0"]').locator('xpath=..').textContent()).toBe(
        'Energy imported (A+) (1-0:1.8.0)',
      );
      expect((await axeViolations(page)).join('\n')).toBe('');
      await screenshot(page, 'staff-tools-signed-in');
    },
    STEP_MS,
  );

  it(
    'exports as many frames as it says, and a redacted capture decodes as redacted records',
    async () => {
      const download = page.waitForEvent('download');
      await page.getByTestId('service-export-button').click();
      const file = await (await download).path();
      const note = (await page.getByTestId('service-export-note').textContent()) ?? '';
      const said = Number(/\(([\d,]+) frames, redacted\)/.exec(note)?.[1]?.replace(/,/g, ''));
      const lines = readFileSync(file, 'utf8').trim().split('\n');
      expect(lines.slice(1).every((l) => JSON.parse(l).type === 'redacted')).toBe(true);
      expect(said).toBe(lines.length - 1);
      expect(readFileSync(file, 'utf8')).not.toContain(stack.central.demo!.meterId);

      const { stdout } = await run(process.execPath, ['electron/cli/luxp1.ts', 'decode', file], { maxBuffer: 64 << 20 });
      const records = stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { type: string; code?: string; redacted?: boolean });
      expect(records).toHaveLength(said);
      expect(records.every((r) => r.redacted === true)).toBe(true);
      expect(records.some((r) => r.type === 'telegram')).toBe(true);
      expect(records.filter((r) => r.code === 'AUTH_FAILED').length).toBeLessThan(records.length);
    },
    STEP_MS,
  );

  it(
    'says the central does not answer, and keeps the session, when the central goes away',
    async () => {
      await stack.central.close();
      await page.getByTestId('staff-refresh').click();
      await page.getByTestId('staff-unreachable').waitFor(WAIT);
      expect(await page.getByTestId('service-staff').getAttribute('data-signed-in')).toBe('true');
      expect(await page.getByTestId('staff-signed-in').count()).toBe(1);
      expect(pageErrors).toEqual([]);
    },
    STEP_MS,
  );
});
