import { describe, expect, it } from 'vitest';
import {
  luxDayStart,
  luxIso,
  luxMidnight,
  luxMonthStart,
  luxNextDay,
  luxNextMonth,
  parseLuxTime,
} from '../../../../electron/host/history/lux-calendar.ts';

const s = (iso: string) => Date.parse(iso) / 1000;

describe('Luxembourg calendar', () => {
  it('writes times as the meter does, with the offset of the instant', () => {
    expect(luxIso(s('2026-03-29T00:59:59Z'))).toBe('2026-03-29T01:59:59+01:00');
    expect(luxIso(s('2026-03-29T01:00:00Z'))).toBe('2026-03-29T03:00:00+02:00');
    expect(luxIso(s('2026-10-25T00:30:00Z'))).toBe('2026-10-25T02:30:00+02:00');
    expect(luxIso(s('2026-10-25T01:30:00Z'))).toBe('2026-10-25T02:30:00+01:00');
  });

  it('has days of 23 and 25 hours at the DST switches, and months from local midnight', () => {
    const spring = luxMidnight(2026, 3, 29);
    expect(luxIso(spring)).toBe('2026-03-29T00:00:00+01:00');
    expect(luxNextDay(spring) - spring).toBe(23 * 3600);
    const autumn = luxMidnight(2026, 10, 25);
    expect(luxNextDay(autumn) - autumn).toBe(25 * 3600);
    expect(luxDayStart(s('2026-10-25T23:30:00Z'))).toBe(luxMidnight(2026, 10, 26));
    expect(luxDayStart(s('2026-10-25T22:59:59Z'))).toBe(autumn);
    expect(luxIso(luxMonthStart(s('2026-03-31T22:30:00Z')))).toBe('2026-04-01T00:00:00+02:00');
    expect(luxIso(luxNextMonth(luxMidnight(2026, 12, 1)))).toBe('2027-01-01T00:00:00+01:00');
  });

  it('reads command-line times: with an offset as written, without one as Luxembourg local time', () => {
    expect(parseLuxTime('2026-03-29')).toBe(Date.parse('2026-03-29T00:00:00+01:00'));
    expect(parseLuxTime('2026-07-01T12:00')).toBe(Date.parse('2026-07-01T12:00:00+02:00'));
    expect(parseLuxTime('2026-07-01T12:00:00Z')).toBe(Date.parse('2026-07-01T12:00:00Z'));
    for (const bad of ['', 'yesterday', '2026-02-30', '2026-13-01', '2026-07-01T25:00', '1782900000000', '2026-07-01 12:00']) {
      expect(parseLuxTime(bad)).toBeNaN();
    }
  });
});
