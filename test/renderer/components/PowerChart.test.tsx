// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHART_REDRAW_MS, PowerChart } from '../../../renderer/components/PowerChart.tsx';
import { T0, reading, snapshot } from '../fixtures.ts';
import { renderApp } from '../render-app.tsx';

afterEach(() => vi.useRealTimers());

const readingsDrawn = () => Number(screen.getByTestId('power-chart').dataset.readings);

describe('PowerChart', () => {
  it('redraws at most once per CHART_REDRAW_MS during a burst, and always draws the last reading', () => {
    vi.useFakeTimers({ now: T0 });
    const { store } = renderApp(<PowerChart />);
    act(() => store.getState().loadSnapshot(snapshot({ latest: reading(T0) })));
    act(() => vi.advanceTimersByTime(CHART_REDRAW_MS));
    act(() => store.getState().applyReading(reading(T0))); // after a quiet second: drawn at once
    expect(readingsDrawn()).toBe(1);

    // 1 s demo pace, delivered as a burst: the store has them all, the chart catches up later.
    act(() => {
      for (let i = 1; i <= 30; i++) store.getState().applyReading(reading(T0 + i * 1_000));
    });
    expect(store.getState().chart.reduce((n, p) => n + p.readings, 0)).toBe(31);
    expect(readingsDrawn()).toBeLessThan(31);

    act(() => vi.advanceTimersByTime(CHART_REDRAW_MS));
    expect(readingsDrawn()).toBe(31);
    const points = Number(screen.getByTestId('power-chart').dataset.points);
    expect(points).toBe(4); // 30 s of 1 s readings: three closed 10 s buckets and the open one
  });

  it('follows each telegram at the meter pace of one per 10 s', () => {
    vi.useFakeTimers({ now: T0 });
    const { store } = renderApp(<PowerChart />);
    act(() => store.getState().loadSnapshot(snapshot()));
    for (let i = 0; i < 3; i++) {
      act(() => store.getState().applyReading(reading(T0 + i * 10_000)));
      act(() => vi.advanceTimersByTime(10_000));
      expect(readingsDrawn()).toBe(i + 1);
    }
  });
});
