import { describe, expect, it } from 'vitest';
import { BUCKET_MS, CHART_BUCKETS, CHART_WINDOW_MS, createPowerSeries } from '../../../renderer/state/power-series.ts';

const T0 = Date.parse('2025-03-12T13:00:00Z'); // on a bucket boundary
const point = (at: number, importPowerW: number | null, exportPowerW: number | null = 0) => ({ at, importPowerW, exportPowerW });

describe('power series (the chart, downsampled)', () => {
  it('keeps the meter pace of one reading per 10 s exact: one point each', () => {
    const series = createPowerSeries();
    let points = series.add(point(T0 + 1_000, 100));
    points = series.add(point(T0 + 11_000, 300));
    points = series.add(point(T0 + 21_000, 200));
    expect(points).toEqual([
      { at: T0 + 1_000, importPowerW: 100, exportPowerW: 0, readings: 1 },
      { at: T0 + 11_000, importPowerW: 300, exportPowerW: 0, readings: 1 },
      { at: T0 + 21_000, importPowerW: 200, exportPowerW: 0, readings: 1 },
    ]);
  });

  it('averages the readings of a bucket, each power over the readings that have it', () => {
    const series = createPowerSeries();
    series.add(point(T0, 100, null));
    series.add(point(T0 + 1_000, 201, null));
    const points = series.add(point(T0 + 2_000, null, null));
    expect(points).toEqual([{ at: T0 + 2_000, importPowerW: 151, exportPowerW: null, readings: 3 }]);
  });

  it('keeps at most CHART_BUCKETS + 1 points (24 h) for more than a day of 5 s readings, all within the window', () => {
    const series = createPowerSeries();
    let points = series.add(point(T0, 0));
    for (let i = 1; i < (25 * 3600) / 5; i++) points = series.add(point(T0 + i * 5_000, i % 5_000));
    expect(CHART_BUCKETS).toBe(8640);
    expect(points.length).toBeLessThanOrEqual(CHART_BUCKETS + 1);
    expect(points.length).toBeGreaterThanOrEqual(CHART_BUCKETS);
    expect(points.at(-1)!.at - points[0]!.at).toBeLessThan(CHART_WINDOW_MS);
    expect(points.slice(0, -1).every((p) => p.readings === BUCKET_MS / 5_000)).toBe(true);
  });

  it("weighs a point added back with its readings (the chart rebuilt around the recorder's past)", () => {
    const series = createPowerSeries();
    series.add(point(T0, 100), 3);
    const points = series.add(point(T0 + 1_000, 500));
    expect(points).toEqual([{ at: T0 + 1_000, importPowerW: 200, exportPowerW: 0, readings: 4 }]);
  });

  it('reuses the closed points: a telegram makes only the newest point new', () => {
    const series = createPowerSeries();
    for (let i = 0; i < 50; i++) series.add(point(T0 + i * 1_000, i));
    const before = series.add(point(T0 + 50_000, 50));
    const after = series.add(point(T0 + 51_000, 51));
    expect(after).not.toBe(before); // a new array: React and recharts see the change
    expect(after.slice(0, -1).every((p, i) => p === before[i])).toBe(true);
    expect(after.at(-1)).not.toBe(before.at(-1));
    expect(Object.isFrozen(after[0])).toBe(true);
  });

  it('folds a reading from before the open bucket into it instead of rewriting history', () => {
    const series = createPowerSeries();
    series.add(point(T0 + 5_000, 100));
    series.add(point(T0 + 15_000, 300));
    const points = series.add(point(T0 + 2_000, 100)); // the host clock stepped back
    expect(points).toEqual([
      { at: T0 + 5_000, importPowerW: 100, exportPowerW: 0, readings: 1 },
      { at: T0 + 15_000, importPowerW: 200, exportPowerW: 0, readings: 2 },
    ]);
  });

  it('starts over after clear', () => {
    const series = createPowerSeries();
    series.add(point(T0, 100));
    series.clear();
    expect(series.add(point(T0 + 20_000, 7))).toEqual([{ at: T0 + 20_000, importPowerW: 7, exportPowerW: 0, readings: 1 }]);
  });
});
