import { describe, expect, it } from 'vitest';
import { daylightUtcHours, householdLoadW, noise01, pvProductionW } from '../../../central-mock/simulator/load-curve.ts';
import { createMeterModel, seedFromMeterId } from '../../../central-mock/simulator/meter-model.ts';
import { portConfig } from './port-config.ts';

const MIN = 60_000;
const day = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * MIN);

describe('household load curve', () => {
  it('is a pure function of seed and time', () => {
    const at = new Date('2026-04-03T17:54:30Z');
    expect(householdLoadW(7, at)).toBe(householdLoadW(7, new Date(at)));
    expect(noise01(7, 123, 4)).toBe(noise01(7, 123, 4));
    expect(noise01(7, 123, 4)).not.toBe(noise01(8, 123, 4));
  });

  it('has a 40–300 W night base and 2–5 kW peaks, morning and evening, over many days and seeds', () => {
    for (const seed of [1, 2, 3, 42, 9001]) {
      for (let d = 0; d < 10; d++) {
        const start = `2026-02-${String(d + 1).padStart(2, '0')}T00:00:00+01:00`;
        const night = [] as number[];
        let morningPeak = 0;
        let eveningPeak = 0;
        for (let m = 0; m < 24 * 60; m += 5) {
          const w = householdLoadW(seed, day(start, m));
          expect(w).toBeGreaterThanOrEqual(40);
          expect(w).toBeLessThanOrEqual(5_000);
          const h = m / 60;
          if (h >= 1 && h < 4) night.push(w);
          if (h >= 6 && h < 9) morningPeak = Math.max(morningPeak, w);
          if (h >= 17 && h < 21) eveningPeak = Math.max(eveningPeak, w);
        }
        expect(Math.max(...night)).toBeLessThanOrEqual(300);
        expect(new Set(night).size).toBeGreaterThan(night.length / 2); // the night base moves too
        expect(morningPeak).toBeGreaterThanOrEqual(2_000);
        expect(eveningPeak).toBeGreaterThanOrEqual(2_000);
      }
    }
  });
});

describe('a simulated home at every hour (issue 8: tests must not depend on the time of day)', () => {
  const cfg = portConfig();
  const seeds = [seedFromMeterId('SAG1030700012701'), 1, 42, 9001];
  // a winter day, a summer day, and the two days the clocks change in Luxembourg
  const days = ['2026-01-15', '2026-07-01', '2026-03-29', '2026-10-25'];

  /** How many telegrams after the first until the net power differs from the first's (Infinity: never in `max`). */
  function telegramsUntilChange(seed: number, pvPeakW: number, t0: number, intervalMs: number, max: number): number {
    const model = createMeterModel({ seed, pvPeakW });
    const net = (t: number) => {
      const e = model.telegram(cfg, new Date(t)).electricity;
      return e.importPowerW! - e.exportPowerW!;
    };
    const first = net(t0);
    for (let k = 1; k <= max; k++) if (net(t0 + k * intervalMs) !== first) return k;
    return Number.POSITIVE_INFINITY;
  }

  it('moves within 2 telegrams at the Smarty interval and within 4 at 500 ms, at every hour and minute offset', () => {
    for (const seed of seeds)
      for (const pv of [0, 6_000])
        for (const d of days)
          for (let h = 0; h < 24; h++)
            for (const minute of [0, 7, 23, 41, 59]) {
              const t0 = Date.parse(`${d}T00:00:00Z`) + h * 3_600_000 + minute * 60_000 + 137;
              const where = `seed ${seed} pv ${pv} ${new Date(t0).toISOString()}`;
              expect(telegramsUntilChange(seed, pv, t0, 10_000, 2), where).toBeLessThanOrEqual(2);
              expect(telegramsUntilChange(seed, pv, t0, 500, 4), where).toBeLessThanOrEqual(4);
            }
  });

  it('stays deterministic for a seed and a clock, and cycles a fridge at night (on and off within 2 hours)', () => {
    const t0 = Date.parse('2026-01-15T01:00:00+01:00');
    const levels: number[] = [];
    for (let t = t0; t < t0 + 2 * 3_600_000; t += 60_000) {
      expect(householdLoadW(5, new Date(t))).toBe(householdLoadW(5, new Date(t)));
      levels.push(householdLoadW(5, new Date(t)));
    }
    // compressor switching shows as steps of ≥ 50 W between minutes
    const steps = levels.slice(1).filter((w, i) => Math.abs(w - levels[i]!) >= 50).length;
    expect(steps).toBeGreaterThanOrEqual(4);
    expect(Math.max(...levels) - Math.min(...levels)).toBeGreaterThanOrEqual(100);
  });
});

describe('PV production', () => {
  it('is zero before sunrise and after sunset, and positive around noon', () => {
    for (const iso of ['2026-01-10', '2026-06-21', '2026-09-15']) {
      const { sunrise, sunset } = daylightUtcHours(new Date(`${iso}T12:00:00Z`));
      expect(sunrise).toBeGreaterThan(3);
      expect(sunset).toBeLessThan(20);
      expect(pvProductionW(5, new Date(`${iso}T00:30:00Z`), 6_000)).toBe(0);
      expect(pvProductionW(5, new Date(`${iso}T22:30:00Z`), 6_000)).toBe(0);
      expect(pvProductionW(5, new Date(`${iso}T11:36:00Z`), 6_000)).toBeGreaterThan(1_000);
      expect(pvProductionW(5, new Date(`${iso}T11:36:00Z`), 0)).toBe(0);
    }
  });

  it('has longer days in June than in December', () => {
    const june = daylightUtcHours(new Date('2026-06-21T12:00:00Z'));
    const dec = daylightUtcHours(new Date('2026-12-21T12:00:00Z'));
    expect(june.sunset - june.sunrise).toBeGreaterThan(15.5);
    expect(dec.sunset - dec.sunrise).toBeLessThan(8.8);
  });
});
