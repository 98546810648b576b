/**
 * Look at it: serves dist/renderer (run `npx vite build` first), injects a filled fake LuxApi as
 * window.luxp1, and saves a full-page PNG. Prints CSP violations and page errors, exits 1 on any.
 *   node_modules/.bin/node test/renderer/screenshot.ts [out.png] [width]
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = join(import.meta.dirname, '../../dist/renderer');
const OUT = process.argv[2] ?? '/tmp/luxp1-dashboard.png';
const WIDTH = Number(process.argv[3] ?? 1280);
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

const server = createServer(async (req, res) => {
  const path = normalize(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
  try {
    const body = await readFile(join(ROOT, path));
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = (server.address() as AddressInfo).port;

/** Runs in the page: a LuxApi with a filled snapshot and one new reading every second. */
function installFakeApi(): void {
  const now = Date.now();
  const elec = (w: number) => ({
    meterId: 'SAG1030700012701',
    importEnergyWh: 12_345_678,
    exportEnergyWh: 1_234_005,
    importReactiveVarh: 345_600,
    exportReactiveVarh: 12_000,
    importPowerW: w,
    exportPowerW: 0,
    importReactivePowerVar: 120,
    exportReactivePowerVar: 0,
    powerLimitKva: 7,
    currentLimitsA: { import: 40, export: -40 },
    breaker: 'ready',
    relays: { relay1: 'connected', relay2: 'disconnected' },
    powerFailures: 3,
    phases: {
      l1: { voltageV: 231.4, currentA: 4.2, importPowerW: 980 },
      l2: { voltageV: 229.8, currentA: 2.1, importPowerW: 480 },
      l3: { voltageV: 230.2, currentA: 3.9, importPowerW: w - 1460 },
    },
  });
  const mbus = [
    {
      channel: 1,
      deviceType: 7,
      kind: 'water',
      equipmentId: '3232323241424344313233343536',
      value: 872.123,
      unit: 'm3',
      capturedAt: new Date(now - 300_000).toISOString(),
      valve: 'connected',
    },
    {
      channel: 2,
      deviceType: 3,
      kind: 'gas',
      equipmentId: '4730303332353631323334353637',
      value: 4021.37,
      unit: 'm3',
      capturedAt: new Date(now - 300_000).toISOString(),
    },
    { channel: 3, deviceType: 4, kind: 'heat', equipmentId: null, value: null, unit: null, capturedAt: null },
  ];
  const reading = (at: number, w: number) => ({
    receivedAt: at,
    encrypted: true,
    frame: null,
    telegram: {
      header: '/Lux5\\253663629_D',
      electricity: elec(w),
      mbus,
      unknown: [],
      crc: 0,
      channelMessages: { '2': 'Planned maintenance on Friday 9:00-11:00: short interruption possible.' },
    },
  });
  const history = Array.from({ length: 360 }, (_, i) => ({
    at: now - (360 - i) * 10_000,
    importPowerW: Math.round(1800 + 900 * Math.sin(i / 25) + 300 * Math.sin(i / 3)),
    exportPowerW: i % 90 < 30 ? 400 : 0,
  }));
  const snapshot = {
    link: { status: 'open', source: { kind: 'serial', path: '/dev/ttyUSB0' }, since: now - 3_600_000, lastDataAt: now - 4000 },
    health: {
      encrypted: true,
      systemTitle: '5341473103070001',
      lastFrameCounter: 4711,
      lastTelegramAt: now - 4000,
      framesDecoded: 361,
      rejected: { AUTH_FAILED: 0, CRC_MISMATCH: 1, REPLAY: 0, NO_KEY: 0, MALFORMED: 0 },
      counterGaps: 1,
      framesMissed: 2,
      noiseBytes: 0,
      diagnosis: 'key-ok',
    },
    key: { hasKey: true, origin: 'manual', meterId: null, systemTitle: null, storage: 'safeStorage' },
    latest: reading(now - 4000, 3460),
    history,
    messages: [{ channel: '0', text: 'Welcome to Smarty.', firstSeenAt: now - 86_400_000, readAt: null }],
    problems: [],
  };
  const listeners: Record<string, ((p: unknown) => void)[]> = {};
  const ok = (value: unknown) => Promise.resolve({ ok: true, value });
  const api: Record<string, unknown> = {
    'app:snapshot': () => ok(snapshot),
    'ports:list': () => ok({ ports: [{ path: '/dev/ttyUSB0', manufacturer: 'FTDI' }] }),
    'source:get': () => ok(snapshot.link.source),
    'key:status': () => ok(snapshot.key),
    'messages:markRead': () => ok(null),
    on: (event: string, l: (p: unknown) => void) => {
      listeners[event] ??= [];
      listeners[event].push(l);
      return () => {};
    },
  };
  for (const c of ['source:set', 'source:stop', 'key:set', 'key:clear', 'pairing:pair', 'capture:export', 'central:info']) {
    api[c] = () => Promise.resolve({ ok: false, error: { code: 'NOT_IMPLEMENTED', message: c } });
  }
  (window as unknown as { luxp1: unknown }).luxp1 = api;
  setInterval(() => listeners['meter:reading']?.forEach((l) => l(reading(Date.now(), 2000 + Math.round(Math.random() * 1500)))), 1000);
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const problems: string[] = [];
const page = await browser.newPage({ viewport: { width: WIDTH, height: 900 } });
try {
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.addInitScript(installFakeApi);
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.getByTestId('tile-mbus-3').waitFor();
  await page.getByTestId('power-chart').locator('svg.recharts-surface').first().waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="inbox-notice"]')?.textContent !== '');
  await page.screenshot({ path: OUT, fullPage: true });
  console.log(`saved ${OUT}`);
} catch (e) {
  problems.push(String(e), `page text: ${((await page.locator('body').textContent()) ?? '').slice(0, 800)}`);
} finally {
  await browser.close();
  server.close();
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exitCode = 1;
}
