import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ElectricityRecord } from '../../../../contracts/history.ts';
import { createRecorder } from '../../../../electron/host/history/recorder.ts';
import { HistoryError } from '../../../../electron/host/history/store.ts';
import type { MbusChannel } from '../../../../protocol/types.ts';
import { at, reading } from './readings.ts';

const dir = mkdtempSync(join(tmpdir(), 'luxp1-history-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = () => join(dir, `h${++n}.sqlite`);
const NOW = Date.parse('2026-12-01T12:00:00Z');
const ALL = { meterId: 'M1', from: 0, to: Date.parse('2030-01-01T00:00:00Z') };

const gas = (capturedAt: string, value: number): MbusChannel => ({ channel: 1, kind: 'gas', value, unit: 'm3', capturedAt });

describe('history recorder: M-Bus', () => {
  it('keeps each hourly value once and derives hourly and daily consumption; a gap is spread, estimated', () => {
    const rec = createRecorder({ path: file(), clock: { now: () => NOW } });
    const t0 = at('2026-11-30T10:00:05+01:00');
    const values: [string, number][] = [
      ['2026-11-30T10:00:00+01:00', 100.0],
      ['2026-11-30T11:00:00+01:00', 100.25],
      ['2026-11-30T14:00:00+01:00', 101.15], // two hourly values missed
    ];
    values.forEach(([capturedAt, value], i) => {
      // the meter repeats the value in every telegram of the hour
      for (let k = 0; k < 3; k++) rec.record(reading(t0 + i * 3600 + k * 10, { imp: 1 }, { mbus: [gas(capturedAt, value)] }));
    });
    const hours = rec.series({ ...ALL, kind: 'gas', step: '1h' }).records;
    expect(hours).toEqual([
      {
        start: '2026-11-30T10:00:00+01:00',
        end: '2026-11-30T11:00:00+01:00',
        channel: 1,
        kind: 'gas',
        consumption: 0.25,
        unit: 'm3',
        estimated: false,
      },
      {
        start: '2026-11-30T11:00:00+01:00',
        end: '2026-11-30T12:00:00+01:00',
        channel: 1,
        kind: 'gas',
        consumption: 0.3,
        unit: 'm3',
        estimated: true,
      },
      {
        start: '2026-11-30T12:00:00+01:00',
        end: '2026-11-30T13:00:00+01:00',
        channel: 1,
        kind: 'gas',
        consumption: 0.3,
        unit: 'm3',
        estimated: true,
      },
      {
        start: '2026-11-30T13:00:00+01:00',
        end: '2026-11-30T14:00:00+01:00',
        channel: 1,
        kind: 'gas',
        consumption: 0.3,
        unit: 'm3',
        estimated: true,
      },
    ]);
    expect(rec.series({ ...ALL, kind: 'gas', step: '1d' }).records).toMatchObject([
      { start: '2026-11-30T00:00:00+01:00', consumption: 1.15, estimated: true },
    ]);
    expect(rec.series({ ...ALL, kind: 'water', step: '1d' }).records).toEqual([]);
    expect(rec.meters()[0]!.channels).toEqual([{ channel: 1, kind: 'gas', unit: 'm3' }]);
    rec.close();
  });
});

describe('history recorder: events', () => {
  it('derives breaker, relay, power-failure and message events from successive telegrams, and keeps host events', () => {
    const rec = createRecorder({ path: file(), clock: { now: () => NOW } });
    const t = at('2026-11-30T10:00:00+01:00');
    const e = (breaker: 'connected' | 'disconnected', powerFailures: number) => ({
      meterId: 'M1',
      importEnergyWh: 10,
      breaker,
      relays: { relay1: 'connected' as const },
      powerFailures,
    });
    rec.record(reading(t, { imp: 10 }, { electricity: e('connected', 3) }));
    rec.record(reading(t + 10, { imp: 10 }, { electricity: e('disconnected', 3) }));
    rec.record(reading(t + 20, { imp: 10 }, { electricity: e('disconnected', 4), message: 'Coupure prévue demain' }));
    rec.record(reading(t + 20, { imp: 10 }, { electricity: e('connected', 9) })); // a replay: no event
    expect(rec.recordEvent({ meterId: 'M1', at: (t + 30) * 1000, kind: 'link-lost', detail: 'cable out' })).toBe(true);
    const events = rec.events({ from: 0, to: ALL.to });
    expect(events.map((x) => [x.at, x.kind, x.detail])).toEqual([
      ['2026-11-30T10:00:30+01:00', 'link-lost', 'cable out'],
      ['2026-11-30T10:00:20+01:00', 'message', 'message: Coupure prévue demain'],
      ['2026-11-30T10:00:20+01:00', 'power-failure', 'power failures 3 → 4'],
      ['2026-11-30T10:00:10+01:00', 'breaker', 'breaker connected → disconnected'],
    ]);
    expect(rec.events({ from: 0, to: ALL.to, meterId: 'other' })).toEqual([]);
    rec.close();
  });

  it('records a register going backwards as a new series', () => {
    const rec = createRecorder({ path: file(), clock: { now: () => NOW } });
    const t = at('2026-11-30T10:00:00+01:00');
    rec.record(reading(t, { imp: 9_000_000 }));
    rec.record(reading(t + 10, { imp: 9_000_002 }));
    rec.record(reading(t + 20, { imp: 12 })); // the simulator restarted
    rec.record(reading(t + 30, { imp: 15 }));
    expect(rec.series({ ...ALL, kind: 'electricity', step: '1d' }).records).toMatchObject([{ importWh: 5 }]);
    expect(rec.events({ from: 0, to: ALL.to }).map((x) => x.kind)).toEqual(['series-reset']);
    rec.close();
  });
});

describe('history recorder: meter clocks gone wrong', () => {
  it('does not record a telegram stamped more than a day ahead of the host clock', () => {
    const rec = createRecorder({ path: file(), clock: { now: () => NOW } });
    expect(rec.record(reading(NOW / 1000 + 2 * 86_400, { imp: 5 }))).toBe('future');
    expect(rec.record(reading(NOW / 1000 + 3600, { imp: 5 }))).toBe('stored');
    expect(rec.meters()).toHaveLength(1);
    rec.close();
  });

  it('starts a new series after more than 400 days without a telegram instead of spreading over them', () => {
    const rec = createRecorder({ path: file(), clock: { now: () => NOW }, detailRetentionDays: 2000 });
    rec.record(reading(at('2024-01-01T00:00:00+01:00'), { imp: 100 }));
    rec.record(reading(at('2025-06-01T00:00:00+02:00'), { imp: 5_000 }));
    rec.record(reading(at('2025-06-01T00:00:10+02:00'), { imp: 5_001 }));
    expect(rec.series({ ...ALL, kind: 'electricity', step: '15m' }).records).toMatchObject([
      { start: '2024-01-01T00:00:00+01:00', importWh: 0 },
      { start: '2025-06-01T00:00:00+02:00', importWh: 1, estimated: false },
    ]);
    rec.close();
  });
});

describe('history recorder: on disk', () => {
  it('continues across a restart: the pair around the restart counts, nothing twice', () => {
    const path = file();
    const t = at('2026-11-30T10:00:00+01:00');
    const a = createRecorder({ path, clock: { now: () => NOW } });
    a.record(reading(t, { imp: 100, pImp: 500 }));
    a.record(reading(t + 10, { imp: 101, pImp: 700 }));
    a.close();
    const b = createRecorder({ path, clock: { now: () => NOW } });
    expect(b.record(reading(t + 10, { imp: 101 }))).toBe('duplicate');
    expect(b.record(reading(t + 20, { imp: 105, pImp: 600 }))).toBe('stored');
    expect(b.series({ ...ALL, kind: 'electricity', step: '15m' }).records).toMatchObject([
      { importWh: 5, peakImportW: 700, estimated: false },
    ]);
    expect(b.power({ meterId: 'M1', from: t * 1000, to: (t + 20) * 1000 })).toEqual({
      meterId: 'M1',
      at: [t * 1000, (t + 10) * 1000],
      importW: [500, 700],
      exportW: [0, 0],
    });
    const info = b.info();
    expect(info.bytes).toBeGreaterThan(0);
    expect(info.meters).toEqual([
      { meterId: 'M1', first: '2026-11-30T10:00:00+01:00', last: '2026-11-30T10:00:20+01:00', detailFrom: null, channels: [] },
    ]);
    b.close();
  });

  it('expires 10-s detail after the retention period and keeps quarter-hours forever; re-recording expired telegrams changes nothing', () => {
    const path = file();
    let now = Date.parse('2026-01-10T00:00:00Z');
    const rec = createRecorder({ path, clock: { now: () => now }, detailRetentionDays: 2 });
    const batch = [];
    for (let t = at('2026-01-05T00:00:00+01:00'), imp = 0; t < at('2026-01-10T00:00:00+01:00'); t += 10)
      batch.push(reading(t, { imp: imp++ }));
    rec.recordMany(batch);
    const days = () => rec.series({ ...ALL, kind: 'electricity', step: '1d' }).records as ElectricityRecord[];
    const before = days();
    now += 86_400_000;
    rec.prune();
    expect(days()).toEqual(before);
    const tenS = rec.series({ ...ALL, kind: 'electricity', step: '10s' }).records as ElectricityRecord[];
    // now − 2 days is 2026-01-09T00:00Z: the whole UTC hours before it go
    expect(tenS[0]!.start).toBe('2026-01-09T01:00:00+01:00');
    expect(rec.meters()[0]!.detailFrom).toBe('2026-01-09T01:00:00+01:00');
    expect(rec.recordMany(batch)).toMatchObject({ stored: 0, expired: 8640 * 4 + 360, duplicate: 8640 - 360 });
    expect(days()).toEqual(before);
    rec.close();
  });

  it('a full disk fails the telegram being written with a clear error; what is stored stays', () => {
    const errors: HistoryError[] = [];
    const rec = createRecorder({ path: file(), clock: { now: () => NOW }, maxBytes: 64 * 1024, onError: (e) => errors.push(e) });
    const t = at('2025-01-01T00:00:00+01:00');
    const outcomes = new Set<string>();
    let i = 0;
    // Each telegram far from the last is a new hour block and new quarter rows: the file fills fast.
    for (; i < 2000 && !outcomes.has('failed'); i++) outcomes.add(rec.record(reading(t + i * 7200, { imp: i, pImp: i })));
    expect(outcomes.has('failed')).toBe(true);
    expect(errors[0]).toBeInstanceOf(HistoryError);
    expect(errors[0]!.code).toBe('FULL');
    expect(errors[0]!.message).toMatch(/full/);
    const days = rec.series({ ...ALL, kind: 'electricity', step: '15m' }).records as ElectricityRecord[];
    expect(days.reduce((s, r) => s + r.importWh, 0)).toBe(i - 2); // every telegram before the failed one
    rec.close();
  });

  it('refuses a file that is not a history database and leaves it untouched', () => {
    const path = file();
    writeFileSync(path, 'this is somebody else’s file, not SQLite at all'.repeat(200));
    const before = readFileSync(path);
    expect(() => createRecorder({ path })).toThrow(HistoryError);
    try {
      createRecorder({ path });
    } catch (err) {
      expect((err as HistoryError).code).toBe('CORRUPT');
      expect((err as HistoryError).message).toContain(path);
    }
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('a database damaged on disk gives CORRUPT errors from record and queries, never a crash', () => {
    const path = file();
    const first = createRecorder({ path, clock: { now: () => NOW } });
    const t = at('2026-10-01T00:00:00+02:00');
    first.recordMany(Array.from({ length: 20_000 }, (_, i) => reading(t + i * 10, { imp: i, pImp: i % 300 })));
    first.close();
    const fd = openSync(path, 'r+');
    const pages = statSync(path).size / 4096;
    for (let p = 2; p < pages; p++) writeSync(fd, Buffer.alloc(64, 0xff), 0, 64, p * 4096); // every page header but the schema's
    closeSync(fd);
    const errors: HistoryError[] = [];
    const rec = createRecorder({ path, clock: { now: () => NOW }, onError: (e) => errors.push(e) });
    expect(rec.record(reading(t + 300_000, { imp: 30_000 }))).toBe('failed');
    expect(errors[0]).toMatchObject({ code: 'CORRUPT' });
    expect(() => rec.series({ ...ALL, kind: 'electricity', step: '1d' })).toThrow(/damaged; left untouched/);
    expect(() => rec.close()).not.toThrow();
  });

  it('answers a bad query with a HistoryError, not a crash', () => {
    const rec = createRecorder({ path: file(), clock: { now: () => NOW } });
    expect(() => rec.series({ ...ALL, meterId: 'nope', kind: 'electricity', step: '1d' })).toThrow(/no history for meter "nope"/);
    rec.record(reading(at('2026-11-30T10:00:00+01:00'), { imp: 1 }));
    expect(() => rec.series({ ...ALL, kind: 'electricity', step: '1d', from: 10, to: 5 })).toThrow(/to is before from/);
    expect(() => rec.series({ ...ALL, kind: 'electricity', step: '2d' as never })).toThrow(/unknown step/);
    rec.close();
  });
});
