import { describe, expect, it } from 'vitest';
import { daylightUtcHours, householdLoadW, noise01, pvProductionW } from '../../../central-mock/simulator/load-curve.ts';

const MIN = 60_000;
const day = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * MIN);

describe('household load curve', () => {
  it('is a pure function of seed and time', () => {
    const at = new Date('2026-04-03T17:54:30Z');
    expect(householdLoadW(7, at)).toBe(householdLoadW(7, new Date(at)));
    expect(noise01(7, 123, 4)).toBe(noise01(7, 123, 4));
    expect(noise01(7, 123, 4)).not.toBe(noise01(8, 123, 4));
  });

  it('has a 150–300 W night base and 2–5 kW peaks, morning and evening, over many days and seeds', () => {
    for (const seed of [1, 2, 3, 42, 9001]) {
      for (let d = 0; d < 10; d++) {
        const start = `2026-02-${String(d + 1).padStart(2, '0')}T00:00:00+01:00`;
        const night = [] as number[];
        let morningPeak = 0;
        let eveningPeak = 0;
        for (let m = 0; m < 24 * 60; m += 5) {
          const w = householdLoadW(seed, day(start, m));
          expect(w).toBeGreaterThanOrEqual(150);
          expect(w).toBeLessThanOrEqual(5_000);
          const h = m / 60;
          if (h >= 1 && h < 4) night.push(w);
          if (h >= 6 && h < 9) morningPeak = Math.max(morningPeak, w);
          if (h >= 17 && h < 21) eveningPeak = Math.max(eveningPeak, w);
        }
        expect(Math.max(...night)).toBeLessThanOrEqual(300);
        expect(morningPeak).toBeGreaterThanOrEqual(2_000);
        expect(eveningPeak).toBeGreaterThanOrEqual(2_000);
      }
    }
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
