// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Dashboard } from '../../../renderer/components/Dashboard.tsx';
import { createAppStore } from '../../../renderer/state/store.ts';
import { LINK_OPEN, T0, health, reading, snapshot } from '../fixtures.ts';
import { renderApp } from '../render-app.tsx';

const MBUS = [
  {
    channel: 1,
    deviceType: 7,
    kind: 'water' as const,
    equipmentId: '3232323241424344313233343536',
    value: 12.345,
    unit: 'm3',
    capturedAt: '2025-03-12T14:00:00+01:00',
    valve: 'connected' as const,
  },
  { channel: 2, deviceType: 3, kind: 'gas' as const, equipmentId: null, value: null, unit: null, capturedAt: null },
];

describe('Dashboard', () => {
  it('a fresh app with a wrong key shows no values, only why', () => {
    const { store } = renderApp(<Dashboard />);
    act(() => store.getState().loadSnapshot(snapshot({ health: health({ diagnosis: 'wrong-key' }), latest: null })));
    expect(screen.getByTestId('no-data').textContent).toMatch(/No values can be shown/);
    expect(screen.queryAllByTestId(/^value-/)).toEqual([]);
  });

  it('keeps earlier values when the key starts failing, marked stale with the time they were read', () => {
    const { store } = renderApp(<Dashboard />);
    act(() => store.getState().loadSnapshot(snapshot({ latest: reading(T0) })));
    expect(screen.queryByTestId('stale-banner')).toBeNull();
    act(() => store.getState().setHealth(health({ diagnosis: 'key-rotated' })));
    expect(screen.getByTestId('stale-banner').textContent).toMatch(/14:00:00 and are no longer updated/);
    const power = screen.getByTestId('value-importPowerW');
    expect(power.dataset.stale).toBe('true');
    expect(power.textContent).toBe('2,345 W (old value)');
  });

  it('marks the values stale while the cable is out, and current again once telegrams flow', () => {
    const { store } = renderApp(<Dashboard />);
    act(() => store.getState().loadSnapshot(snapshot({ latest: reading(T0) })));
    act(() => store.getState().setLink({ ...LINK_OPEN, status: 'reconnecting', retryAt: T0 + 5_000 }));
    expect(screen.getByTestId('stale-banner').textContent).toMatch(/14:00:00 and are no longer updated/);
    expect(screen.getByTestId('value-importPowerW').dataset.stale).toBe('true');
    act(() => store.getState().setLink(LINK_OPEN));
    expect(screen.queryByTestId('stale-banner')).toBeNull();
    expect(screen.getByTestId('value-importPowerW').dataset.stale).toBeUndefined();
  });

  it('with no reading and a silent link says there is no data yet, not that the key is wrong', () => {
    const { store } = renderApp(<Dashboard />);
    act(() => store.getState().loadSnapshot(snapshot({ link: { ...LINK_OPEN, status: 'silent' }, latest: null })));
    expect(screen.getByTestId('no-data').textContent).toBe('No meter data yet.');
  });

  it('shows electricity with the gauge against the limit, totals, and absent fields in words', () => {
    const { store } = renderApp(<Dashboard />);
    act(() => store.getState().loadSnapshot(snapshot({ latest: reading(T0) })));
    expect(screen.getByTestId('value-importEnergyWh').textContent).toBe('12,345.678 kWh');
    expect(screen.getByTestId('value-exportEnergyWh').textContent).toBe('0.000 kWh');
    expect(screen.getByTestId('value-powerLimitKva').textContent).toBe('7 kVA');
    expect(screen.getByRole('meter').getAttribute('aria-valuetext')).toBe('2.35 kW of 7 kW (34 %)');
    expect(screen.getByTestId('value-importReactivePowerVar').dataset.state).toBe('absent');
    expect(screen.queryByTestId('phase-table')).toBeNull();
  });

  it('shows per-phase values when pushed, only for pushed columns', () => {
    const { store } = renderApp(<Dashboard />);
    const r = reading(T0);
    r.telegram.electricity.phases = { l1: { voltageV: 231.4, currentA: 3 }, l3: { voltageV: 229 } };
    act(() => store.getState().loadSnapshot(snapshot({ latest: r })));
    expect(screen.getByTestId('value-l1-voltageV').textContent).toBe('231.4 V');
    expect(screen.getByTestId('value-l3-currentA').dataset.state).toBe('absent');
    expect(screen.queryByTestId('value-l1-importPowerW')).toBeNull();
    expect(screen.queryByTestId('value-l2-voltageV')).toBeNull();
  });

  it('labels M-Bus tiles by device kind, not by channel number', () => {
    const { store } = renderApp(<Dashboard />);
    act(() => store.getState().loadSnapshot(snapshot({ latest: reading(T0, { mbus: MBUS }) })));
    const water = screen.getByTestId('tile-mbus-1');
    expect(water.dataset.kind).toBe('water');
    expect(water.querySelector('h3')?.textContent).toBe('Water Channel 1');
    expect(screen.getByTestId('value-mbus-1-value').textContent).toBe('12.345 m³');
    expect(screen.getByTestId('value-mbus-1-valve').textContent).toBe('Connected');
    expect(screen.getByTestId('tile-mbus-2').querySelector('h3')?.textContent).toBe('Gas Channel 2');
    expect(screen.getByTestId('value-mbus-2-value').textContent).toBe('no reading yet');
    expect(screen.getByTestId('value-mbus-2-equipmentId').textContent).toBe('no reading yet');
    expect(screen.getByTestId('value-mbus-2-valve').textContent).toBe('not pushed by your grid operator');
  });

  it('says it is loading, or why loading failed', () => {
    const { store } = renderApp(<Dashboard />, { store: createAppStore() });
    expect(screen.getByTestId('loading').textContent).toMatch(/Connecting/);
    act(() => store.getState().setLoadError({ code: 'CLOSED', message: 'host down' }));
    expect(screen.getByTestId('loading').textContent).toMatch(/host down/);
  });
});
