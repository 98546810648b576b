import { describe, expect, it } from 'vitest';
import { isLuxSummerTime, lastFullHour, luxHourOfDay, luxOffsetMinutes, toLuxIso } from '../../../central-mock/simulator/lux-time.ts';

describe('Luxembourg local time', () => {
  it('uses +01:00 in winter and +02:00 in summer', () => {
    expect(luxOffsetMinutes(new Date('2026-01-15T12:00:00Z'))).toBe(60);
    expect(luxOffsetMinutes(new Date('2026-07-15T12:00:00Z'))).toBe(120);
    expect(isLuxSummerTime(new Date('2026-01-15T12:00:00Z'))).toBe(false);
    expect(isLuxSummerTime(new Date('2026-07-15T12:00:00Z'))).toBe(true);
  });

  it('switches exactly at 01:00 UTC on the last Sundays of March and October', () => {
    expect(toLuxIso(new Date('2026-03-29T00:59:59Z'))).toBe('2026-03-29T01:59:59+01:00');
    expect(toLuxIso(new Date('2026-03-29T01:00:00Z'))).toBe('2026-03-29T03:00:00+02:00');
    expect(toLuxIso(new Date('2026-10-25T00:59:59Z'))).toBe('2026-10-25T02:59:59+02:00');
    expect(toLuxIso(new Date('2026-10-25T01:00:00Z'))).toBe('2026-10-25T02:00:00+01:00');
  });

  it('drops milliseconds and gives the local hour of day', () => {
    expect(toLuxIso(new Date('2026-04-03T15:54:31.987Z'))).toBe('2026-04-03T17:54:31+02:00');
    expect(luxHourOfDay(new Date('2026-04-03T15:30:00Z'))).toBe(17.5);
    expect(luxHourOfDay(new Date('2026-12-31T23:30:00Z'))).toBe(0.5);
  });

  it('finds the last full hour', () => {
    expect(lastFullHour(new Date('2026-04-03T15:54:31Z')).toISOString()).toBe('2026-04-03T15:00:00.000Z');
    expect(lastFullHour(new Date('2026-04-03T15:00:00Z')).toISOString()).toBe('2026-04-03T15:00:00.000Z');
  });
});
