// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { coalesceUpdates, nextFrame } from '../../../renderer/state/frame-updates.ts';
import { AppProvider, useApp } from '../../../renderer/state/context.tsx';
import { createAppStore } from '../../../renderer/state/store.ts';
import { T0, fakeApi, reading, snapshot, telegram } from '../fixtures.ts';

afterEach(cleanup);

/** Shows the import power and counts its own renders. */
function Power({ counter }: { counter: { renders: number } }) {
  counter.renders++;
  const w = useApp((s) => s.latest?.telegram.electricity.importPowerW);
  return <span data-testid="w">{String(w)}</span>;
}

/** A schedule the test runs by hand: `tick()` is the next animation frame. */
function manualFrames() {
  let queued: (() => void)[] = [];
  return {
    schedule: (flush: () => void) => void queued.push(flush),
    get pending() {
      return queued.length;
    },
    tick() {
      const run = queued;
      queued = [];
      run.forEach((f) => f());
    },
  };
}

const watts = (at: number, w: number) => reading(at, { electricity: { ...telegram().electricity, importPowerW: w } });

describe('coalesced store updates', () => {
  it('applies every reading to the store at once but tells listeners once per frame, with the newest state', () => {
    const store = createAppStore();
    const frames = manualFrames();
    const view = coalesceUpdates(store, frames.schedule);
    const heard: number[] = [];
    view.subscribe((s) => heard.push(s.latest?.telegram.electricity.importPowerW ?? -1));

    for (let i = 1; i <= 100; i++) store.getState().applyReading(watts(T0 + i * 1_000, i));
    expect(view.getState().latest?.telegram.electricity.importPowerW).toBe(100); // nothing waits in the store
    expect(store.getState().chart.reduce((n, p) => n + p.readings, 0)).toBe(100); // nothing lost
    expect(heard).toEqual([]);
    expect(frames.pending).toBe(1);

    frames.tick();
    expect(heard).toEqual([100]);
    frames.tick(); // no change since: no call
    expect(heard).toEqual([100]);
  });

  it('stops listening to the store when the last listener leaves', () => {
    const store = createAppStore();
    const frames = manualFrames();
    const off = coalesceUpdates(store, frames.schedule).subscribe(() => {});
    off();
    store.getState().setView('settings');
    expect(frames.pending).toBe(0);
  });

  it('renders React once for a burst of telegrams, and the last value reaches the DOM on the next frame', () => {
    const store = createAppStore();
    const frames = manualFrames();
    const counter = { renders: 0 };
    render(
      <AppProvider store={store} api={fakeApi().api} schedule={frames.schedule}>
        <Power counter={counter} />
      </AppProvider>,
    );
    act(() => store.getState().loadSnapshot(snapshot()));
    act(() => frames.tick());
    const start = counter.renders;

    act(() => {
      for (let i = 1; i <= 50; i++) store.getState().applyReading(watts(T0 + i * 100, 1_000 + i));
    });
    expect(counter.renders).toBe(start);
    act(() => frames.tick());
    expect(counter.renders).toBe(start + 1);
    expect(screen.getByTestId('w').textContent).toBe('1050');
  });

  it('uses animation frames by default', async () => {
    const store = createAppStore();
    const view = coalesceUpdates(store, nextFrame);
    const heard = new Promise<string>((resolve) => view.subscribe((s) => resolve(s.view)));
    store.getState().setView('settings');
    expect(await heard).toBe('settings');
  });
});
