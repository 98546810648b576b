/**
 * `npm run bench:history`: the history recorder at household scale. Fills N days (default three
 * years) of 10-s telegrams from the project's meter simulator (electricity with PV, gas, water,
 * heat; detail kept for the whole period) and prints:
 *   bytes on disk per telegram (target ≤ 10), live ingest cost per telegram and the longest
 *   event-loop block, bulk import rate including decryption (`luxp1 history import` on encrypted
 *   frames, in this process, extrapolated to a year; target ≤ 5 min), query time p50/p95 for the day, week, month
 *   and year views (targets: day ≤ 10 ms, year ≤ 50 ms), a whole-period CSV export, peak RSS.
 *
 *   node test/bench/history.bench.ts [--days N | --years N] [--import-days N]
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { historyCsv } from '../../contracts/history.ts';
import { main } from '../../electron/cli/history.ts';
import type { HistoryKind, HistoryStep } from '../../contracts/history.ts';
import { luxDayStart, luxMidnight, luxMonthStart } from '../../electron/host/history/lux-calendar.ts';
import { createLiveRecorder } from '../../electron/host/history/live-recorder.ts';
import { createRecorder } from '../../electron/host/history/recorder.ts';
import type { Recorder } from '../../electron/host/history/recorder.ts';
import { historyPath } from '../../electron/host/history/store.ts';
import { encryptedFrame, KEY_HEX, METER_ID, simulatedMeter } from '../electron/host/history/simulated.ts';

const { values } = parseArgs({ options: { days: { type: 'string' }, years: { type: 'string' }, 'import-days': { type: 'string' } } });
const DAYS = values.days ? Number(values.days) : Math.round(Number(values.years ?? 3) * 365.25);
const IMPORT_DAYS = Number(values['import-days'] ?? 2);
if (!(DAYS >= 2) || !(IMPORT_DAYS > 0)) {
  console.error('usage: node test/bench/history.bench.ts [--days N (≥ 2) | --years N] [--import-days N]');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'luxp1-bench-history-'));
const dataDir = join(work, 'data');
const path = historyPath(dataDir);
const START = luxMidnight(2023, 12, 1) * 1000;
const END = START + DAYS * 86_400_000;
const clock = { now: () => END + 3_600_000 };
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const rows: [string, string, string][] = [];
const report = (what: string, value: string, target = '') => {
  rows.push([what, value, target]);
  console.log(`${what.padEnd(44)} ${value.padEnd(26)} ${target}`);
};

try {
  console.log(`history bench: ${DAYS} days of 10-s telegrams, electricity + gas + water + heat, detail kept\n`);
  const meter = simulatedMeter(7, 4_000);

  // 1. Fill (bulk, as an import does): one transaction per 5000 telegrams.
  let rec: Recorder = createRecorder({ path, clock, detailRetentionDays: DAYS + 10 });
  let telegrams = 0;
  let recordMs = 0;
  const batch = [];
  const fillStart = performance.now();
  for (let at = START; at < END - 3_600_000; at += 10_000) {
    batch.push(meter.reading(at));
    if (batch.length === 5_000 || at + 10_000 >= END - 3_600_000) {
      const t = performance.now();
      const counts = rec.recordMany(batch);
      recordMs += performance.now() - t;
      if (counts.failed > 0) throw new Error('fill failed');
      telegrams += batch.length;
      batch.length = 0;
    }
  }
  report('fill: telegrams', telegrams.toLocaleString('en'), `${((performance.now() - fillStart) / 1000).toFixed(0)} s incl. simulation`);
  report('fill: recorder cost per telegram (bulk)', `${((recordMs * 1000) / telegrams).toFixed(1)} µs`);

  // 2. Live: the last hour one telegram at a time, each its own durable transaction.
  const durations: number[] = [];
  for (let at = END - 3_600_000; at < END; at += 10_000) {
    const reading = meter.reading(at);
    const t = performance.now();
    rec.record(reading);
    durations.push(performance.now() - t);
    telegrams++;
  }
  report('live, in thread: record() p50 / p99', `${ms(pct(durations, 50))} / ${ms(pct(durations, 99))}`);
  const longest = Math.max(...durations.slice(1));
  report(
    'live, in thread: longest event-loop block',
    ms(longest),
    `target: a few ms (at #${durations.indexOf(longest)} of ${durations.length})`,
  );
  report('live, in thread: first record (prune, load)', ms(durations[0]!));
  rec.close();

  // 2b. Live through the writer thread (createLiveRecorder): record() only posts the telegram.
  const later = { now: () => END + 3_600_000 };
  const live = createLiveRecorder({ path, clock: later, detailRetentionDays: DAYS + 10 });
  const posted: number[] = [];
  for (let at = END; at < END + 3_600_000; at += 10_000) {
    const reading = meter.reading(at);
    const t = performance.now();
    live.record(reading);
    posted.push(performance.now() - t);
    telegrams++;
  }
  const committed = performance.now();
  await live.flush();
  await live.close();
  report(
    'live, writer thread: record() p50 / longest',
    `${ms(pct(posted, 50))} / ${ms(Math.max(...posted))}`,
    'the event loop never waits for the disk',
  );
  report('live, writer thread: an hour committed in', ms(performance.now() - committed + posted.reduce((a, b) => a + b, 0)));
  const bytes = statSync(path).size;
  report(
    'disk: database size',
    `${(bytes / 1e6).toFixed(1)} MB`,
    `${((bytes / telegrams) * (9.5e6 / 1e6)).toFixed(1)} MB per 9.5 M telegrams`,
  );
  report('disk: bytes per telegram', (bytes / telegrams).toFixed(2), 'target ≤ 10');

  // 3. Views: the History view asks one series per kind for the shown period.
  rec = createRecorder({ path, clock, detailRetentionDays: DAYS + 10 });
  const kinds: HistoryKind[] = ['electricity', 'gas', 'water', 'heat'];
  const view = (from: number, to: number, step: HistoryStep, power: boolean) => {
    const t = performance.now();
    for (const kind of kinds) rec.series({ meterId: METER_ID, kind, step, from, to });
    if (power) rec.power({ meterId: METER_ID, from, to }); // the day's power line
    return performance.now() - t;
  };
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const dayAt = (f: number) => luxDayStart((START + f * (END - START - 86_400_000 * 370)) / 1000) * 1000;
  const views: [string, (d: number) => [number, number], HistoryStep, boolean, string][] = [
    ['day view (15-min bars + 10-s power line)', (d) => [d, d + 86_400_000], '15m', true, 'target ≤ 10 ms'],
    ['day view (15-min bars only)', (d) => [d, d + 86_400_000], '15m', false, ''],
    ['week view (hours)', (d) => [d, d + 7 * 86_400_000], '1h', false, ''],
    ['month view (days)', (d) => [luxMonthStart(d / 1000) * 1000, luxMonthStart(d / 1000 + 32 * 86_400) * 1000], '1d', false, ''],
    ['year view (days)', (d) => [d, d + 365 * 86_400_000], '1d', false, 'target ≤ 50 ms'],
    ['year view (months)', (d) => [d, d + 365 * 86_400_000], '1mo', false, 'target ≤ 50 ms'],
  ];
  for (const [name, range, step, power, target] of views) {
    const times: number[] = [];
    for (let i = 0; i < 40; i++) {
      const [from, to] = range(dayAt(DAYS > 400 ? random() : 0));
      times.push(view(from, to, step, power));
    }
    report(`query: ${name} p50 / p95`, `${ms(pct(times, 50))} / ${ms(pct(times, 95))}`, target);
  }

  // 4. Exports of the whole period, written to a file as the CLI would.
  for (const step of ['15m', '10s'] as const) {
    const file = join(work, `export-${step}.csv`);
    const t = performance.now();
    const parts: string[] = [historyCsv('electricity', [])];
    let size = 0;
    for (const records of rec.iterateSeries({ meterId: METER_ID, kind: 'electricity', step, from: START, to: END })) {
      parts.push(historyCsv('electricity', records, false));
      if (parts.length > 200) {
        const text = parts.join('');
        size += text.length;
        writeFileSync(file, text, { flag: 'a' });
        parts.length = 0;
      }
    }
    writeFileSync(file, parts.join(''), { flag: 'a' });
    report(
      `export: whole period, ${step} CSV`,
      `${((performance.now() - t) / 1000).toFixed(1)} s`,
      `${((size + parts.join('').length) / 1e6).toFixed(0)} MB`,
    );
    rmSync(file, { force: true });
  }
  rec.close();

  // 5. Bulk import of encrypted frames through the CLI (decryption and parsing included).
  const framesFile = join(work, 'frames.bin');
  const importMeter = simulatedMeter(99, 0);
  const chunks: Uint8Array[] = [];
  const frames = IMPORT_DAYS * 8640;
  for (let i = 0; i < frames; i++) chunks.push(encryptedFrame(importMeter.telegram(START + i * 10_000), 1 + i, importMeter.config));
  writeFileSync(framesFile, Buffer.concat(chunks));
  const rssBeforeImport = process.resourceUsage().maxRSS;
  const cpu = process.cpuUsage();
  const t = performance.now();
  process.env.LUXP1_KEY = KEY_HEX;
  const quiet = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write; // the CLI's summary line
  const code = await main(['import', '--data', join(work, 'import'), framesFile]).finally(() => {
    process.stdout.write = quiet;
  });
  const seconds = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  if (code !== 0) throw new Error(`import failed with exit code ${code}`);
  report(
    'import: encrypted frames per second',
    `${Math.round(frames / seconds).toLocaleString('en')}`,
    `${frames} frames in ${seconds.toFixed(1)} s (CPU ${cpuSeconds.toFixed(1)} s)`,
  );
  const year = (s: number) => `${(((s / frames) * 3_155_760) / 60).toFixed(1)} min`;
  report('import: a year of frames (extrapolated)', `${year(seconds)} wall, ${year(cpuSeconds)} CPU`, 'target ≤ 5 min');
  report('peak RSS before the import phase', `${Math.round(rssBeforeImport / 1024)} MB`);
  report('peak RSS (this process)', `${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
