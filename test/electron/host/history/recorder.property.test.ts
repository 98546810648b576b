import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ElectricityRecord, HistoryStep, MbusRecord } from '../../../../contracts/history.ts';
import { luxIso } from '../../../../electron/host/history/lux-calendar.ts';
import { createRecorder } from '../../../../electron/host/history/recorder.ts';
import type { Recorder } from '../../../../electron/host/history/recorder.ts';
import { at, reading } from './readings.ts';
import type { Regs } from './readings.ts';

interface Point {
  t: number;
  regs: Required<Omit<Regs, 'pImp'>> & { pImp: number };
}

const KEYS = ['imp', 'exp', 'impR', 'expR'] as const;
const FIELDS = ['importWh', 'exportWh', 'importReactiveVarh', 'exportReactiveVarh'] as const;
const STARTS = [at('2026-03-28T21:00:00+01:00'), at('2026-10-24T21:00:00+02:00'), at('2026-12-31T22:00:00+01:00')];

/** Telegrams every 10 s, now and then a few missing, now and then a long gap; registers never go back unless `resets`. */
function points(resets: boolean) {
  const step = fc.record({
    dt: fc.oneof(
      { weight: 12, arbitrary: fc.constant(10) },
      { weight: 3, arbitrary: fc.integer({ min: 1, max: 60 }) },
      fc.integer({ min: 61, max: 30_000 }),
    ),
    inc: fc.tuple(fc.nat(400), fc.nat(60), fc.nat(40), fc.nat(10)),
    reset: resets ? fc.oneof({ weight: 30, arbitrary: fc.constant(false) }, fc.constant(true)) : fc.constant(false),
    pImp: fc.nat(20_000),
  });
  return fc
    .record({ start: fc.constantFrom(...STARTS), shift: fc.nat(3600), steps: fc.array(step, { minLength: 1, maxLength: 400 }) })
    .map(({ start, shift, steps }) => {
      const out: Point[] = [{ t: start + shift, regs: { imp: 5_000_000, exp: 100_000, impR: 400_000, expR: 2_000, pImp: 0 } }];
      for (const s of steps) {
        const prev = out.at(-1)!;
        const regs = s.reset
          ? { imp: s.inc[0], exp: s.inc[1], impR: s.inc[2], expR: s.inc[3], pImp: s.pImp }
          : {
              imp: prev.regs.imp + s.inc[0],
              exp: prev.regs.exp + s.inc[1],
              impR: prev.regs.impR + s.inc[2],
              expR: prev.regs.expR + s.inc[3],
              pImp: s.pImp,
            };
        out.push({ t: prev.t + s.dt, regs });
      }
      return out;
    });
}

function withRecorder<T>(fn: (r: Recorder) => T): T {
  const rec = createRecorder({ path: ':memory:', clock: { now: () => Date.parse('2027-01-10T00:00:00Z') } });
  try {
    return fn(rec);
  } finally {
    rec.close();
  }
}

const ALL = { meterId: 'M1', kind: 'electricity' as const, from: 0, to: Date.parse('2030-01-01T00:00:00Z') };
const series = (rec: Recorder, step: HistoryStep) => rec.series({ ...ALL, step }).records as ElectricityRecord[];
const sum = (records: ElectricityRecord[], field: (typeof FIELDS)[number]) => records.reduce((s, r) => s + r[field], 0);

/** What the registers say was used: the sum of the forward steps of each series. */
function expectedTotals(ps: Point[]): number[] {
  return KEYS.map((k) => {
    let total = 0;
    for (let i = 1; i < ps.length; i++) {
      const a = ps[i - 1]!.regs;
      const b = ps[i]!.regs;
      const plausible = KEYS.every((kk) => b[kk] >= a[kk]);
      if (plausible) total += b[k] - a[k];
    }
    return total;
  });
}

describe('history recorder: totals from the registers (property)', () => {
  it('every step sums exactly to the register difference, each day to its quarter-hours, nothing negative', () => {
    fc.assert(
      fc.property(points(false), (ps) =>
        withRecorder((rec) => {
          rec.recordMany(ps.map((p) => reading(p.t, p.regs)));
          const quarters = series(rec, '15m');
          const days = series(rec, '1d');
          for (const step of ['15m', '1h', '1d', '1mo', '10s'] as const) {
            const records = series(rec, step);
            FIELDS.forEach((f, i) => expect(sum(records, f)).toBe(ps.at(-1)!.regs[KEYS[i]!] - ps[0]!.regs[KEYS[i]!]));
            for (const r of records) for (const f of FIELDS) expect(r[f]).toBeGreaterThanOrEqual(0);
          }
          for (const d of days) {
            const inDay = quarters.filter((q) => Date.parse(q.start) >= Date.parse(d.start) && Date.parse(q.start) < Date.parse(d.end));
            for (const f of FIELDS) expect(sum(inDay, f)).toBe(d[f]);
            expect(inDay.some((q) => q.estimated)).toBe(d.estimated);
          }
        }),
      ),
      { numRuns: 60 },
    );
  });

  it('a register that goes backwards starts a new series: no negative, no giant delta', () => {
    fc.assert(
      fc.property(points(true), (ps) =>
        withRecorder((rec) => {
          rec.recordMany(ps.map((p) => reading(p.t, p.regs)));
          const want = expectedTotals(ps);
          for (const step of ['15m', '1d', '10s'] as const) {
            const records = series(rec, step);
            FIELDS.forEach((f, i) => expect(sum(records, f)).toBe(want[i]));
            for (const r of records) for (const f of FIELDS) expect(r[f]).toBeGreaterThanOrEqual(0);
          }
        }),
      ),
      { numRuns: 60 },
    );
  });

  it('replayed, duplicate and out-of-order telegrams give the same history as the clean sequence', () => {
    const arb = points(true).chain((ps) =>
      fc.tuple(fc.constant(ps), fc.shuffledSubarray(ps, { minLength: ps.length, maxLength: ps.length }), fc.subarray(ps), fc.boolean()),
    );
    fc.assert(
      fc.property(arb, ([ps, shuffled, replay, oneByOne]) => {
        const clean = withRecorder((rec) => {
          rec.recordMany(ps.map((p) => reading(p.t, p.regs)));
          return [series(rec, '15m'), series(rec, '1d'), series(rec, '10s')];
        });
        const messy = withRecorder((rec) => {
          const all = [...shuffled, ...replay].map((p) => reading(p.t, p.regs));
          if (oneByOne) for (const r of all) rec.record(r);
          else rec.recordMany(all);
          return [series(rec, '15m'), series(rec, '1d'), series(rec, '10s')];
        });
        expect(messy).toEqual(clean);
      }),
      { numRuns: 60 },
    );
  });
});

describe('history recorder: import twice = import once (property)', () => {
  it('recording the same telegrams again, in batches of any size, changes nothing', () => {
    const arb = points(true).chain((ps) => fc.tuple(fc.constant(ps), fc.integer({ min: 1, max: ps.length })));
    fc.assert(
      fc.property(arb, ([ps, size]) => {
        const readings = ps.map((p) => reading(p.t, p.regs));
        const [once, twice] = [1, 2].map((times) =>
          withRecorder((rec) => {
            for (let k = 0; k < times; k++) for (let i = 0; i < readings.length; i += size) rec.recordMany(readings.slice(i, i + size));
            return [series(rec, '15m'), series(rec, '1d'), series(rec, '10s'), rec.events({ from: 0, to: ALL.to })];
          }),
        );
        expect(twice).toEqual(once);
      }),
      { numRuns: 40 },
    );
  });
});

describe('history recorder: M-Bus (property)', () => {
  it('hourly consumption adds up to the index difference whatever the order, repeats or gaps', () => {
    const arb = fc
      .array(
        fc.record({ hours: fc.oneof({ weight: 8, arbitrary: fc.constant(1) }, fc.integer({ min: 2, max: 30 })), milli: fc.nat(5_000) }),
        {
          minLength: 1,
          maxLength: 150,
        },
      )
      .chain((steps) => {
        let h = at('2026-10-24T20:00:00+02:00');
        let milli = 1_234_567;
        const values = [{ h, milli }];
        for (const s of steps) {
          h += s.hours * 3600;
          milli += s.milli;
          values.push({ h, milli });
        }
        return fc.tuple(fc.constant(values), fc.shuffledSubarray(values, { minLength: values.length, maxLength: values.length }));
      });
    fc.assert(
      fc.property(arb, ([values, shuffled]) =>
        withRecorder((rec) => {
          for (const v of [...shuffled, ...shuffled.slice(0, 5)]) {
            const gas = { channel: 2, kind: 'gas' as const, value: v.milli / 1000, unit: 'm3', capturedAt: luxIso(v.h) };
            rec.record(reading(v.h + 7, { imp: 1 }, { mbus: [gas] }));
          }
          const total = values.at(-1)!.milli - values[0]!.milli;
          for (const step of ['1h', '1d', '1mo'] as const) {
            const records = rec.series({ ...ALL, kind: 'gas', step }).records as MbusRecord[];
            expect(Math.round(records.reduce((s, r) => s + r.consumption * 1000, 0))).toBe(total);
          }
          const hours = rec.series({ ...ALL, kind: 'gas', step: '1h' }).records as MbusRecord[];
          const gaps = values.some((v, i) => i > 0 && v.h - values[i - 1]!.h > 3600);
          expect(hours.some((r) => r.estimated)).toBe(gaps);
        }),
      ),
      { numRuns: 40 },
    );
  });
});

describe('history recorder: Luxembourg days', () => {
  const fullDay = (from: string, to: string) =>
    withRecorder((rec) => {
      let imp = 1_000_000;
      const first = at(from);
      const last = at(to);
      const batch = [];
      for (let t = first; t <= last; t += 10) {
        imp += (t % 7) + 1;
        batch.push(reading(t, { imp }));
      }
      rec.recordMany(batch);
      const quarters = series(rec, '15m').filter((q) => Date.parse(q.start) >= first * 1000 && Date.parse(q.start) < last * 1000);
      const days = series(rec, '1d');
      return { quarters, days, total: imp - 1_000_000 - ((first % 7) + 1) };
    });

  it('the day summer time starts has 92 quarter-hours that sum to the register difference', () => {
    const { quarters, days, total } = fullDay('2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00');
    expect(quarters).toHaveLength(92);
    expect(sum(quarters, 'importWh')).toBe(total);
    // The next day holds only the closing telegram's power: its energy belongs to the day it closes.
    expect(days).toMatchObject([
      { start: '2026-03-29T00:00:00+01:00', end: '2026-03-30T00:00:00+02:00', importWh: total, estimated: false },
      { start: '2026-03-30T00:00:00+02:00', importWh: 0 },
    ]);
    expect(quarters.map((q) => q.start)).toContain('2026-03-29T03:00:00+02:00');
    expect(quarters.map((q) => q.start)).not.toContain('2026-03-29T02:00:00+01:00');
  });

  it('the day summer time ends has 100 quarter-hours, the hour 02:00 twice', () => {
    const { quarters, days, total } = fullDay('2026-10-25T00:00:00+02:00', '2026-10-26T00:00:00+01:00');
    expect(quarters).toHaveLength(100);
    expect(sum(quarters, 'importWh')).toBe(total);
    expect(days[0]).toMatchObject({ start: '2026-10-25T00:00:00+02:00', end: '2026-10-26T00:00:00+01:00', importWh: total });
    const starts = quarters.map((q) => q.start);
    expect(starts).toContain('2026-10-25T02:30:00+02:00');
    expect(starts).toContain('2026-10-25T02:30:00+01:00');
  });

  it('a gap is bridged exactly from the registers on both sides, its spread marked estimated', () => {
    withRecorder((rec) => {
      rec.record(reading(at('2026-06-01T10:00:00+02:00'), { imp: 1000 }));
      rec.record(reading(at('2026-06-01T10:00:10+02:00'), { imp: 1001 }));
      rec.record(reading(at('2026-06-01T11:00:10+02:00'), { imp: 1401 })); // an hour with the PC off
      const quarters = series(rec, '15m');
      expect(quarters.map((q) => [q.start, q.importWh, q.estimated])).toEqual([
        ['2026-06-01T10:00:00+02:00', 1 + 99, true], // 890 of the 3600 s: 98.9 Wh, rounded up as the largest remainder
        ['2026-06-01T10:15:00+02:00', 100, true],
        ['2026-06-01T10:30:00+02:00', 100, true],
        ['2026-06-01T10:45:00+02:00', 100, true],
        ['2026-06-01T11:00:00+02:00', 1, true],
      ]);
      expect(series(rec, '1h').map((h) => h.importWh)).toEqual([400, 1]);
      expect(series(rec, '1d')).toMatchObject([{ importWh: 401, estimated: true }]);
    });
  });
});
