/**
 * `npm run bench:ui`: how fast a telegram reaches the screen, and whether the renderer's heap stays
 * flat. The real host services read one end of a socat pty through serialport; this script writes
 * encrypted frames (encodeTelegram + encryptFrame) into the other end, and Chromium shows browser
 * mode. Latency = last byte written -> the new value in the DOM (MutationObserver, page clock synced
 * to ours). Heap = CDP Runtime.getHeapUsage after a forced GC, before and after a fast replay.
 * Prints numbers; asserts nothing. Targets: p95 <= 100 ms; heap within 10 MB of the start.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { asciiToBytes, encodeTelegram, encryptFrame, hexToBytes } from '../../protocol/index.ts';
import type { Telegram } from '../../protocol/index.ts';
import { startBrowserServer } from '../../electron/host/serve.ts';
import { createHostServices } from '../../electron/host/services.ts';
import { buildRenderer } from '../e2e/support/build-renderer.ts';
import { launchChromium } from '../e2e/support/chromium.ts';
import { clearSeen, nodeNow, pageClockOffset, seenAt, watchText } from '../e2e/support/page-clock.ts';
import { startPtyPair } from '../e2e/support/pty-pair.ts';
import { createPtyWriter } from '../e2e/support/pty-writer.ts';
import { makeTempDir } from '../e2e/support/temp-dir.ts';

const LATENCY_TELEGRAMS = Number(process.env.BENCH_UI_TELEGRAMS ?? 200);
const HEAP_TELEGRAMS = Number(process.env.BENCH_UI_REPLAY ?? 20_000);
const KEY = '5AD87FE4DB2A2B49CC7A3C1B7B8E0E3F';
const SYSTEM_TITLE = '534147677001BD54';
const BATCH = 100; // frames written back to back during the replay
const MAX_BEHIND = 500; // replay waits when the screen is this many telegrams behind the port
const REPLAY_BUDGET_MS = Number(process.env.BENCH_UI_BUDGET_S ?? 600) * 1000; // the replay stops here, and says so

const fixture = JSON.parse(readFileSync(join(process.cwd(), 'test/fixtures/vectors/lux_spec_v1.1.3_example_plain.json'), 'utf8'));
const base = fixture.value as Telegram;

let counter = 1;
/** One encrypted frame whose import power is `watts` (the value the DOM is watched for). */
function frame(watts: number): Uint8Array {
  const telegram: Telegram = { ...base, electricity: { ...base.electricity, importPowerW: watts } };
  const plaintext = asciiToBytes(encodeTelegram(telegram));
  return encryptFrame({ key: hexToBytes(KEY), systemTitle: hexToBytes(SYSTEM_TITLE), frameCounter: counter++, plaintext });
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const ms = (n: number): string => `${n.toFixed(1)} ms`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  } finally {
    await cdp.detach();
  }
}

const decodedOnScreen = (page: Page): Promise<number> =>
  page.evaluate(() => Number(document.querySelector('[data-testid="health-decoded"]')?.textContent?.replace(/\D/g, '') || 0));

async function main(): Promise<void> {
  const tmp = makeTempDir('bench-ui');
  const closers: (() => unknown)[] = [() => tmp.remove()];
  try {
    console.log('bench:ui: building the renderer…');
    const staticDir = await buildRenderer('app', join(tmp.path, 'page'));
    const pty = await startPtyPair(tmp.path);
    closers.push(() => pty.close());
    const writer = createPtyWriter(pty.meterPath);
    closers.push(() => writer.close());
    const services = await createHostServices({ dataDir: join(tmp.path, 'host'), protector: 'memory', log: () => {} });
    closers.push(() => services.close());
    const key = await services.handle('key:set', { hex: KEY });
    if (!key.ok) throw new Error(`key:set: ${key.error.message}`);
    const source = await services.handle('source:set', { kind: 'serial', path: pty.appPath });
    if (!source.ok) throw new Error(`source:set: ${source.error.message}`);
    const server = await startBrowserServer({ services, staticDir, port: 0 });
    closers.push(() => server.close());
    const browser = await launchChromium();
    closers.push(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server.url);
    await page.getByTestId('health').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="health-link"][data-status="open"]').waitFor({ timeout: 30_000 });
    await watchText(page, 'value-importPowerW');

    // Warm-up: the first telegram mounts every tile; it is not what a customer waits for each time.
    await writer.write(frame(100));
    await seenAt(page, '100', 30_000);

    const clock = await pageClockOffset(page);
    const latencies: number[] = [];
    const writeCalls: number[] = [];
    for (let i = 0; i < LATENCY_TELEGRAMS; i++) {
      const watts = 200 + i; // distinct, and below 1,000 W: one formatted number per telegram
      const bytes = frame(watts);
      // Timed from the write call: a frame is one write(2) of ~1 kB, and the promise resolves only
      // after a thread-pool hop, by which time the host may already have drawn it.
      const writing = nodeNow();
      await writer.write(bytes);
      writeCalls.push(nodeNow() - writing);
      const shown = (await seenAt(page, String(watts))) - clock.offsetMs;
      latencies.push(shown - writing);
    }
    const after = await pageClockOffset(page);
    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(`latency, last byte written -> value in the DOM, ${LATENCY_TELEGRAMS} telegrams (one at a time):`);
    console.log(
      `  p50 ${ms(percentile(sorted, 50))}  p95 ${ms(percentile(sorted, 95))}  max ${ms(sorted.at(-1)!)}  min ${ms(sorted[0]!)}  (target p95 <= 100 ms)`,
    );
    const writeSorted = writeCalls.sort((a, b) => a - b);
    console.log(`  the write call itself: p50 ${ms(percentile(writeSorted, 50))}, max ${ms(writeSorted.at(-1)!)}`);
    console.log(
      `  clock sync: offset ${ms(clock.offsetMs)} (round trip ${ms(clock.rttMs)}), drift over the run ${ms(after.offsetMs - clock.offsetMs)}`,
    );

    await clearSeen(page);
    const heapStart = await heapUsed(page);
    const startedAt = nodeNow();
    const decodedBefore = await decodedOnScreen(page);
    let last = 0;
    let sent = 0;
    while (sent < HEAP_TELEGRAMS && nodeNow() - startedAt < REPLAY_BUDGET_MS) {
      const n = Math.min(BATCH, HEAP_TELEGRAMS - sent);
      for (let j = 0; j < n; j++) {
        last = 1_000 + ((sent + j) % 9_000);
        await writer.write(frame(last));
      }
      sent += n;
      // Flow control: a pty buffers only a few kB, so the host reads as fast as it decodes; the
      // screen may fall behind, and a replay far ahead of it would measure a backlog, not the heap.
      while (sent - ((await decodedOnScreen(page)) - decodedBefore) > MAX_BEHIND) await new Promise((r) => setTimeout(r, 20));
      if (sent % 2_000 !== 0) continue;
      // The latency watcher still records every new value: forget them, or the bench's own map
      // (up to 9,000 strings) would count as renderer heap.
      await clearSeen(page);
      console.log(`  replay: ${sent} telegrams after ${((nodeNow() - startedAt) / 1000).toFixed(0)} s`);
    }
    if (sent < HEAP_TELEGRAMS)
      console.log(`  replay stopped at the ${REPLAY_BUDGET_MS / 1000} s budget (BENCH_UI_BUDGET_S) after ${sent} telegrams`);
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="health-decoded"]')?.textContent?.replace(/\D/g, '') || 0) >= n,
      decodedBefore + sent,
      { timeout: 120_000 },
    );
    const replaySeconds = (nodeNow() - startedAt) / 1000;
    await clearSeen(page);
    const heapEnd = await heapUsed(page);
    const onScreen = await page.getByTestId('value-importPowerW').textContent();
    console.log(
      `renderer heap (CDP Runtime.getHeapUsage after GC), ${sent} telegrams replayed in ${replaySeconds.toFixed(1)} s (${Math.round(sent / replaySeconds)}/s):`,
    );
    console.log(`  start ${mb(heapStart)}  end ${mb(heapEnd)}  growth ${mb(heapEnd - heapStart)}  (target: within 10 MB)`);
    console.log(`  last value on screen ${onScreen} (last written ${last} W)`);
  } finally {
    for (const c of closers.reverse()) await Promise.resolve(c()).catch((err: Error) => console.error(`bench:ui: cleanup: ${err.message}`));
  }
}

main().catch((err: Error) => {
  console.error(`bench:ui: ${err.stack ?? err.message}`);
  process.exitCode = 1;
});
