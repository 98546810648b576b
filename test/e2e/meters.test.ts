/**
 * Several meters (issue 12) end to end: two simulated Smartys from the real central system, each
 * with its own key, on two socat pty pairs. The primary is set up and paired; the second is added
 * in Settings → Other meters with its key, as a customer would. Home shows both side by side with
 * the property's net flow, and a real mosquitto receives both meters' states.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentral, type Central } from '../../central-mock/server.ts';
import { startSimulator } from '../../central-mock/simulator/run-meter.ts';
import { type CentralResult, createCentralClient } from '../../contracts/central-client.ts';
import type { HostServices } from '../../contracts/ipc.ts';
import { startBrowserServer, type BrowserServer } from '../../electron/host/serve.ts';
import { createHostServices } from '../../electron/host/services.ts';
import { type Broker, startBroker, type Subscriber, subscribe } from '../electron/host/integrations/broker.ts';
import { buildRenderer } from './support/build-renderer.ts';
import { collectPageErrors, launchChromium } from './support/chromium.ts';
import { keepScreenshot, WAIT } from './support/dashboard-page.ts';
import { startPtyPair } from './support/pty-pair.ts';
import { createPtyWriter } from './support/pty-writer.ts';
import { makeTempDir } from './support/temp-dir.ts';

const tmp = makeTempDir('e2e-meters');
const closers: (() => Promise<void> | void)[] = [];
let central: Central;
let services: HostServices;
let server: BrowserServer;
let broker: Broker;
let sub: Subscriber;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const meters: { meterId: string; key: string; pairingCode: string; appPath: string }[] = [];

beforeAll(async () => {
  central = await startCentral({ dataDir: join(tmp.path, 'central'), port: 0, masterKeyEnv: undefined, log: () => {} });
  closers.push(() => central.close());
  // The central's own client, as a DSO back office would use it.
  const staff = createCentralClient({ baseUrl: central.url, token: central.staffToken });
  const value = <T>(r: CentralResult<T>): T => {
    if (!r.ok) throw new Error(`central: ${r.error.message}`);
    return r.value;
  };
  for (const name of ['house', 'pv']) {
    const created = value(await staff.call('POST', '/api/meters', { preset: 'basic', encryption: true })) as {
      meterId: string;
      pairingCode: string;
    };
    const port = value(await staff.port(created.meterId));
    mkdirSync(join(tmp.path, name)); // each meter's pty pair in its own folder (same link names)
    const pty = await startPtyPair(join(tmp.path, name));
    closers.push(() => pty.close());
    const sim = await startSimulator({
      centralUrl: central.url,
      token: central.staffToken,
      meterId: created.meterId,
      sink: createPtyWriter(pty.meterPath),
      intervalMs: 1_000,
      log: () => {},
    });
    closers.push(() => sim.stop());
    meters.push({ meterId: created.meterId, key: port.key, pairingCode: created.pairingCode, appPath: pty.appPath });
  }
  broker = await startBroker(tmp.path);
  closers.push(() => broker.close());
  sub = await subscribe(broker.url, 'luxp1/#');
  closers.push(() => sub.close());
  services = await createHostServices({
    dataDir: join(tmp.path, 'host'),
    log: () => {},
    integrations: { mqtt: { url: broker.url, baseTopic: 'luxp1', discovery: false, discoveryPrefix: 'homeassistant' } },
  });
  closers.push(() => services.close());
  // The primary meter as before: its port, then paired with the central system.
  const [house] = meters;
  expect((await services.handle('source:set', { kind: 'serial', path: house!.appPath })).ok).toBe(true);
  const paired = await services.handle('pairing:pair', { centralUrl: central.url, meterId: house!.meterId, code: house!.pairingCode });
  expect(paired.ok && paired.value.status).toBe('paired');
  server = await startBrowserServer({ services, staticDir: await buildRenderer('app', join(tmp.path, 'page')), port: 0 });
  closers.push(() => server.close());
  browser = await launchChromium();
  closers.push(() => browser.close());
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  collectPageErrors(page, pageErrors);
  await page.goto(server.url);
}, 120_000);

afterAll(async () => {
  for (const c of closers.splice(0).reverse()) await c();
  tmp.remove();
});

/** A row's watts as a number ("2,345 W" → 2345; "no value yet" → 0). */
const watts = (text: string | null): number => Number((text ?? '').replace(/[^\d]/g, '') || 0);

describe('two meters, side by side', () => {
  it('the second meter is added in Settings with its key; Home shows both and the net flow; MQTT publishes both', async () => {
    const [house, pv] = meters;
    await page.getByTestId('tab-settings').click();
    await page.getByTestId('other-meter-label').fill('Solar roof');
    await page.getByTestId('other-meter-address').fill(pv!.appPath);
    await page.getByTestId('other-meter-add').click();
    const row = page.getByTestId('other-meter-solar-roof');
    await row.waitFor(WAIT);
    // Once its frames arrive (encrypted, no key yet), the house's key is refused on them: nothing stored.
    await expect
      .poll(async () => {
        const r = await services.handle('meters:list', null);
        return r.ok ? r.value[0]?.diagnosis : null;
      }, WAIT)
      .toBe('encrypted-no-key');
    await row.getByTestId('other-meter-key-input').fill(house!.key);
    await row.getByTestId('other-meter-key-save').click();
    await page.getByTestId('other-meters-result').filter({ hasText: 'does not open the data of Solar roof' }).waitFor(WAIT);
    await row.getByTestId('other-meter-key-input').fill(pv!.key);
    await row.getByTestId('other-meter-key-save').click();
    await row.getByTestId('other-meter-key').filter({ hasText: 'A key is stored.' }).waitFor(WAIT);

    await page.getByTestId('tab-dashboard').click();
    const tile = page.getByTestId('tile-meters');
    await tile.waitFor(WAIT);
    await tile.locator('[data-testid="meter-row-solar-roof"] [data-testid="meter-link"][data-status="open"]').waitFor(WAIT);
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="meter-row-solar-roof"] [data-testid="meter-import"]')?.textContent?.includes('no value'),
      null,
      WAIT,
    );
    // Both rows and the net flow are drawn from one state: the sum of import − export over both.
    const seen = await page.evaluate(() => {
      const text = (sel: string) => document.querySelector(sel)?.textContent ?? null;
      return {
        houseImport: text('[data-testid="meter-row-primary"] [data-testid="meter-import"]'),
        houseExport: text('[data-testid="meter-row-primary"] [data-testid="meter-export"]'),
        pvImport: text('[data-testid="meter-row-solar-roof"] [data-testid="meter-import"]'),
        pvExport: text('[data-testid="meter-row-solar-roof"] [data-testid="meter-export"]'),
        net: document.querySelector('[data-testid="meters-net"]')?.getAttribute('data-watts') ?? null,
        label: text('[data-testid="meter-row-solar-roof"] th'),
      };
    });
    expect(seen.label).toBe('Solar roof');
    expect(seen.houseImport).toMatch(/W$/);
    expect(Number(seen.net)).toBe(watts(seen.houseImport) - watts(seen.houseExport) + watts(seen.pvImport) - watts(seen.pvExport));
    await keepScreenshot(page, 'meters-home-two-meters');

    // MQTT: each meter's verified telegrams under its own meter id.
    for (const m of meters) {
      const state = await sub.waitFor((msg) => msg.topic === `luxp1/${m.meterId}/state`, 30_000);
      expect(JSON.parse(state.payload)).toMatchObject({ encrypted: true });
    }
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
