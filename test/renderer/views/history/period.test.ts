import { describe, expect, it } from 'vitest';
import type { HistorySeries } from '../../../../contracts/history.ts';
import { barsOf, shownKinds } from '../../../../renderer/views/history/history-bars.ts';
import { isoDate, parseIsoDate, periodAt, shiftPeriod } from '../../../../renderer/views/history/period.ts';

const at = (iso: string) => Date.parse(iso);

describe('History periods, in Luxembourg time', () => {
  it('a day is its quarter-hours: 96, and 92 / 100 on the DST days', () => {
    const day = periodAt('day', at('2026-11-30T13:20:00+01:00'));
    expect([day.from, day.to, day.step, day.buckets.length]).toEqual([
      at('2026-11-30T00:00:00+01:00'),
      at('2026-12-01T00:00:00+01:00'),
      '15m',
      96,
    ]);
    expect(periodAt('day', at('2026-03-29T12:00:00+02:00')).buckets).toHaveLength(92);
    expect(periodAt('day', at('2026-10-25T12:00:00+01:00')).buckets).toHaveLength(100);
    expect(periodAt('day', at('2026-10-25T12:00:00+01:00'), 'gas').buckets).toHaveLength(25); // M-Bus: hours
  });

  it('a week starts on Monday, in days or hours; a month is its days; a year its months', () => {
    const week = periodAt('week', at('2026-12-03T09:00:00+01:00'));
    expect([isoDate(week.from), isoDate(week.to), week.step, week.buckets.length]).toEqual(['2026-11-30', '2026-12-07', '1d', 7]);
    expect(periodAt('week', at('2026-03-29T12:00:00+02:00'), 'electricity', 'hours').buckets).toHaveLength(167); // DST week
    const month = periodAt('month', at('2024-02-10T09:00:00+01:00'));
    expect([isoDate(month.from), month.step, month.buckets.length]).toEqual(['2024-02-01', '1d', 29]);
    const year = periodAt('year', at('2026-07-01T00:00:00+02:00'));
    expect([year.from, year.to, year.step, year.buckets.length]).toEqual([
      at('2026-01-01T00:00:00+01:00'),
      at('2027-01-01T00:00:00+01:00'),
      '1mo',
      12,
    ]);
  });

  it('moves by whole periods, across DST and year ends', () => {
    const day = periodAt('day', at('2026-03-30T08:00:00+02:00'));
    expect(isoDate(shiftPeriod(day, -1).from)).toBe('2026-03-29');
    expect(isoDate(shiftPeriod(shiftPeriod(day, -1), -1).from)).toBe('2026-03-28');
    const year = periodAt('year', at('2026-01-01T00:30:00+01:00'));
    expect(isoDate(shiftPeriod(year, -1).from)).toBe('2025-01-01');
    expect(isoDate(shiftPeriod(year, 1).from)).toBe('2027-01-01');
  });

  it('reads a date input as local midnight, and refuses what is no date', () => {
    expect(parseIsoDate('2026-03-29')).toBe(at('2026-03-29T00:00:00+01:00'));
    expect(parseIsoDate('2026-02-30')).toBeNull();
    expect(parseIsoDate('')).toBeNull();
  });
});

describe('History bars', () => {
  const day = periodAt('day', at('2026-11-30T12:00:00+01:00'));
  const record = (start: string, importWh: number, estimated = false) => ({
    start,
    end: start,
    importWh,
    exportWh: 2,
    importReactiveVarh: 0,
    exportReactiveVarh: 0,
    peakImportW: null,
    estimated,
  });

  it('one bar per bucket, empty ones null (not 0), totals exact with the estimated part', () => {
    const series: HistorySeries = {
      kind: 'electricity',
      meterId: 'M',
      step: '15m',
      records: [record('2026-11-30T00:00:00+01:00', 101), record('2026-11-30T00:30:00+01:00', 250, true)],
    };
    const { bars, totals } = barsOf(day.buckets, series, 'import');
    expect(bars.slice(0, 3).map((b) => [b.value, b.estimated])).toEqual([
      [0.101, false],
      [null, false],
      [0.25, true],
    ]);
    expect(totals).toEqual({ total: 0.351, estimated: 0.25, withData: 2, unit: 'kWh' });
    expect(barsOf(day.buckets, series, 'export').totals.total).toBe(0.004);
  });

  it('gas sums its channels per bucket in thousandths', () => {
    const mbus = (channel: number, consumption: number) => ({
      start: '2026-11-30T01:00:00+01:00',
      end: '2026-11-30T02:00:00+01:00',
      channel,
      kind: 'gas' as const,
      consumption,
      unit: 'm3',
      estimated: false,
    });
    const gasDay = periodAt('day', day.from, 'gas');
    const { bars, totals } = barsOf(
      gasDay.buckets,
      { kind: 'gas', meterId: 'M', step: '1h', records: [mbus(1, 0.1), mbus(2, 0.2)] },
      'gas',
    );
    expect(bars[1]!.value).toBe(0.3);
    expect(totals).toMatchObject({ total: 0.3, unit: 'm3' });
  });

  it('offers the kinds the meter has', () => {
    expect(shownKinds([{ channel: 2, kind: 'water', unit: 'm3' }])).toEqual(['import', 'export', 'water']);
  });
});
