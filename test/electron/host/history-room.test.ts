import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ElectricityRecord } from '../../../contracts/history.ts';
import type { LinkState } from '../../../contracts/ipc.ts';
import { createHistoryRoom, type HistoryRoom } from '../../../electron/host/history-room.ts';
import { historyPath } from '../../../electron/host/history/index.ts';
import { createRecorder } from '../../../electron/host/history/recorder.ts';
import { createNotices } from '../../../electron/host/notices.ts';
import { createSettingsStore, DEFAULT_SETTINGS, loadSettings } from '../../../electron/host/settings.ts';
import { createFakeClock } from './fake-clock.ts';
import { at, reading } from './history/readings.ts';
import { startHost, type Harness } from './host-harness.ts';
import { plainTelegram } from './vectors.ts';

const root = mkdtempSync(join(tmpdir(), 'luxp1-history-room-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const NOW = Date.parse('2026-12-01T12:00:00Z');
const T0 = at('2026-11-30T10:00:00+01:00');
const DAY = { meterId: 'M1', from: T0 * 1000, to: (T0 + 86_400) * 1000 };

function room(dir: string, over: { maxBytes?: number } = {}) {
  const notices = createNotices();
  const settings = createSettingsStore(join(dir, 'settings.json'), { ...DEFAULT_SETTINGS });
  const clock = createFakeClock(NOW);
  const r = createHistoryRoom({ path: historyPath(dir), settings, notices, clock, ...over });
  return { room: r, notices, clock };
}

const link = (status: LinkState['status'], message?: string): LinkState => ({
  status,
  source: { kind: 'tcp', host: '127.0.0.1', port: 1 },
  since: NOW,
  lastDataAt: null,
  ...(message ? { message } : {}),
});

let open: HistoryRoom[] = [];
afterEach(async () => {
  for (const r of open) await r.close();
  open = [];
});

describe('history room', () => {
  it('records every reading into DATA/history.sqlite, and a restart keeps them', async () => {
    const dir = join(root, `d${n++}`);
    const first = room(dir).room;
    for (let i = 0; i <= 90; i++) first.record(reading(T0 + i * 10, { imp: 5000 + 3 * i, pImp: 1080 }));
    await first.flush();
    const quarters = await first.handlers['history:series']({ ...DAY, kind: 'electricity', step: '15m' });
    expect(quarters.ok && (quarters.value.records as ElectricityRecord[]).map((q) => q.importWh)).toEqual([270, 0]); // the 10:15 telegram opens the next quarter
    await first.close();

    const again = room(dir).room;
    open.push(again);
    const info = await again.handlers['history:info'](null);
    if (!info.ok) throw new Error(info.error.message);
    expect(info.value.meters.map((m) => [m.meterId, m.first, m.last])).toEqual([
      ['M1', '2026-11-30T10:00:00+01:00', '2026-11-30T10:15:00+01:00'],
    ]);
    expect(info.value.bytes).toBeGreaterThan(0);
    const power = await again.handlers['history:power'](DAY);
    expect(power.ok && power.value.at.length).toBe(91);
  });

  it('files link losses, their end and key changes under the meter that last sent a telegram', async () => {
    const dir = join(root, `d${n++}`);
    const { room: r, clock } = room(dir);
    open.push(r);
    r.linkChanged(link('open')); // no meter known yet: nothing to file it under
    r.linkChanged(link('reconnecting'));
    r.linkChanged(link('open'));
    r.record(reading(T0, { imp: 1 }));
    clock.advance(1000);
    r.linkChanged(link('reconnecting', 'ECONNRESET'));
    r.linkChanged(link('error', 'ECONNREFUSED')); // still the same loss
    clock.advance(1000);
    r.linkChanged(link('open'));
    clock.advance(1000);
    r.keyChanged('new key (pairing)');
    await r.flush();
    const recorder = createRecorder({ path: historyPath(dir), clock: { now: () => NOW } });
    const events = recorder.events({ from: 0, to: NOW * 2 }).reverse();
    recorder.close();
    expect(events.map((e) => [e.kind, e.detail])).toEqual([
      ['link-lost', 'reconnecting: ECONNRESET'],
      ['link-restored', 'receiving again'],
      ['key-changed', 'new key (pairing)'],
    ]);
  });

  it('with several meters, each port’s events go under its own meter, whichever sent the last telegram', async () => {
    const dir = join(root, `d${n++}`);
    const { room: r, clock } = room(dir);
    open.push(r);
    r.record(reading(T0, { imp: 1 }, { meterId: 'HOUSE' }));
    r.record(reading(T0, { imp: 1 }, { meterId: 'PV' }), 'other:pv');
    r.linkChanged(link('open'));
    r.linkChanged(link('reconnecting', 'ECONNRESET')); // the house meter's port, after a PV telegram
    clock.advance(1000);
    r.linkChanged(link('open'), 'other:pv');
    r.linkChanged(link('silent'), 'other:pv');
    clock.advance(1000);
    r.keyChanged('new key', 'other:pv');
    await r.flush();
    const recorder = createRecorder({ path: historyPath(dir), clock: { now: () => NOW } });
    const events = recorder.events({ from: 0, to: NOW * 2 }).reverse();
    recorder.close();
    expect(events.map((e) => [e.meterId, e.kind])).toEqual([
      ['HOUSE', 'link-lost'],
      ['PV', 'link-lost'],
      ['PV', 'key-changed'],
    ]);
  });

  it('a damaged database: one notice, typed failures, no crash, and the file left as it was', async () => {
    const dir = join(root, `d${n++}`);
    const { room: first } = room(dir);
    await first.close(); // creates the directory
    const garbage = Buffer.from('this is no database '.repeat(300));
    writeFileSync(historyPath(dir), garbage);
    const { room: r, notices } = room(dir);
    open.push(r);
    expect(notices.list()).toEqual([expect.stringMatching(/not a LuxP1 history database or damaged.*runs on without recording history/)]);
    expect(() => r.record(reading(T0, { imp: 1 }))).not.toThrow();
    const info = await r.handlers['history:info'](null);
    expect(info).toMatchObject({ ok: false, error: { code: 'HISTORY_UNAVAILABLE' } });
    const series = await r.handlers['history:series']({ ...DAY, kind: 'gas', step: '1h' });
    expect(series).toMatchObject({ ok: false, error: { code: 'HISTORY_UNAVAILABLE' } });
    expect(await r.handlers['history:retention']({ days: 30 })).toMatchObject({ ok: false, error: { code: 'HISTORY_UNAVAILABLE' } });
    expect(readFileSync(historyPath(dir)).equals(garbage)).toBe(true);
  });

  it('no room left for the database: HISTORY_FULL', async () => {
    const dir = join(root, `d${n++}`);
    const { room: r, notices } = room(dir, { maxBytes: 4096 }); // one page: the schema does not fit
    open.push(r);
    expect(await r.handlers['history:info'](null)).toMatchObject({ ok: false, error: { code: 'HISTORY_FULL' } });
    expect(notices.list()[0]).toMatch(/full/);
  });

  it('an unknown meter and a bad request are typed failures', async () => {
    const dir = join(root, `d${n++}`);
    const { room: r } = room(dir);
    open.push(r);
    expect(await r.handlers['history:power']({ ...DAY, meterId: 'nobody' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METER' } });
  });

  it('retention: saved in settings.json, applied by the reopened recorder, readings meanwhile kept', async () => {
    const dir = join(root, `d${n++}`);
    const { room: r } = room(dir);
    open.push(r);
    r.record(reading(T0, { imp: 10 }));
    const changing = r.handlers['history:retention']({ days: 30 });
    r.record(reading(T0 + 10, { imp: 12 })); // arrives while the recorder reopens
    const changed = await changing;
    expect(changed.ok && changed.value.detailRetentionDays).toBe(30);
    expect((await loadSettings(join(dir, 'settings.json'))).settings.historyRetentionDays).toBe(30);
    await r.flush();
    const power = await r.handlers['history:power'](DAY);
    expect(power.ok && power.value.at).toEqual([T0 * 1000, (T0 + 10) * 1000]);
  });
});

describe('history in the host services', () => {
  let h: Harness | null = null;
  afterEach(async () => {
    await h?.close();
    h = null;
  });

  it('records the telegrams the session verifies', async () => {
    h = await startHost();
    const path = join(h.dir, 'plain.txt');
    writeFileSync(path, plainTelegram());
    const mark = h.events.length;
    await h.host.handle('source:set', { kind: 'file', path, speed: 0 });
    await h.next('meter:link', (s) => s.status === 'idle' && /finished/.test(s.message ?? ''), mark);
    const reading = await h.next('meter:reading');
    let info = await h.host.handle('history:info', null);
    for (let i = 0; i < 100 && info.ok && info.value.meters.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 20)); // the writer thread commits on its own time
      info = await h.host.handle('history:info', null);
    }
    expect(info.ok && info.value.meters.map((m) => m.meterId)).toEqual([reading.telegram.electricity.meterId]);
  });

  it('a damaged history file: the host starts, says so in the snapshot, and history requests fail typed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'luxp1-host-'));
    writeFileSync(historyPath(dir), 'SQLite format 3\u0000'.padEnd(8192, 'x'));
    h = await startHost({}, dir);
    const snap = await h.host.handle('app:snapshot', null);
    expect(snap.ok && snap.value.notices).toEqual([expect.stringMatching(/history database .*runs on without recording history/)]);
    expect(await h.host.handle('history:info', null)).toMatchObject({ ok: false, error: { code: 'HISTORY_UNAVAILABLE' } });
  });

  it('an in-memory host keeps no history unless asked to', async () => {
    h = await startHost({ protector: 'memory' });
    expect(await h.host.handle('history:info', null)).toMatchObject({ ok: false, error: { code: 'HISTORY_UNAVAILABLE' } });
    await h.close();
    h = await startHost({ protector: 'memory', history: true });
    expect(await h.host.handle('history:info', null)).toMatchObject({ ok: true, value: { meters: [] } });
  });
});
