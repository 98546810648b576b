// @vitest-environment jsdom
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MeterState } from '../../../contracts/ipc.ts';
import { MetersTile } from '../../../renderer/components/MetersTile.tsx';
import { OtherMetersSettings } from '../../../renderer/components/OtherMetersSettings.tsx';
import { createAppStore } from '../../../renderer/state/store.ts';
import { fakeApi, LINK_OPEN, reading, snapshot, T0, telegram } from '../fixtures.ts';
import { renderApp } from '../render-app.tsx';

const pvReading = (at: number, exportPowerW: number) =>
  reading(at, { electricity: { ...telegram().electricity, meterId: 'PV1', importPowerW: 0, exportPowerW } });

function pv(patch: Partial<MeterState> = {}): MeterState {
  return {
    id: 'pv',
    label: 'Solar roof',
    source: { kind: 'tcp', host: '192.168.1.20', port: 2001 },
    link: { ...LINK_OPEN, source: { kind: 'tcp', host: '192.168.1.20', port: 2001 } },
    hasKey: true,
    diagnosis: 'key-ok',
    latest: pvReading(T0, 3000),
    ...patch,
  };
}

function storeAt(now: { t: number }) {
  const store = createAppStore(() => now.t);
  store.getState().setHost('open');
  store.getState().loadSnapshot(snapshot({ at: T0, link: LINK_OPEN, latest: reading(T0) })); // the house takes 2345 W
  return store;
}

describe('MetersTile', () => {
  it('is not there with the main meter alone', () => {
    renderApp(<MetersTile />, { store: storeAt({ t: T0 }) });
    expect(screen.queryByTestId('tile-meters')).toBeNull();
  });

  it('one row per meter and the net flow; a reading updates it; old values are marked', () => {
    const now = { t: T0 };
    const store = storeAt(now);
    store.getState().setMeters([pv()]);
    renderApp(<MetersTile />, { store });
    expect(screen.getByTestId('meter-row-primary').textContent).toMatch(/Main meter.*2,345 W/);
    expect(screen.getByTestId('meter-row-pv').textContent).toMatch(/Solar roof.*3,000 W.*Receiving/);
    expect(screen.getByTestId('meters-net').textContent).toBe('Your home sends 655 W to the grid.');
    act(() => store.getState().applyMeterReading({ id: 'pv', reading: pvReading(T0 + 10_000, 1000) }));
    expect(screen.getByTestId('meters-net').textContent).toBe('Your home takes 1,345 W from the grid.');
    act(() => store.getState().tick(T0 + 45_000));
    expect(screen.getByTestId('meter-row-primary').dataset.old).toBe('true');
    expect(screen.getByTestId('meters-net').textContent).toMatch(/Some of these values are old\.$/);
  });
});

describe('OtherMetersSettings', () => {
  it('adds a meter from name and address, refuses a bad address, keys and removes it', async () => {
    const store = storeAt({ t: T0 });
    const added = pv({ hasKey: false, latest: null, diagnosis: 'encrypted-no-key' });
    const fake = fakeApi({
      'meters:save': () => ({ ok: true, value: [added] }),
      'meters:setKey': () => ({ ok: true, value: { ...added, hasKey: true } }),
      'meters:remove': () => ({ ok: true, value: [] }),
    });
    renderApp(<OtherMetersSettings />, { store, api: fake.api });
    fireEvent.change(screen.getByTestId('other-meter-label'), { target: { value: 'Solar roof' } });
    fireEvent.change(screen.getByTestId('other-meter-address'), { target: { value: 'ttyUSB1' } });
    fireEvent.click(screen.getByTestId('other-meter-add'));
    expect(screen.getByTestId('other-meter-error').textContent).toBe('Type host:port or the path of a serial port.');
    expect(fake.calls).toEqual([]);
    fireEvent.change(screen.getByTestId('other-meter-address'), { target: { value: '192.168.1.20:2001' } });
    fireEvent.click(screen.getByTestId('other-meter-add'));
    await expect.poll(() => screen.queryByTestId('other-meter-pv')).not.toBeNull();
    expect(fake.calls[0]).toEqual({
      channel: 'meters:save',
      payload: { id: 'solar-roof', label: 'Solar roof', source: { kind: 'tcp', host: '192.168.1.20', port: 2001 } },
    });
    expect(screen.getByTestId('other-meter-key').textContent).toBe('No key yet.');
    fireEvent.change(screen.getByTestId('other-meter-key-input'), { target: { value: '0f1e2d3c4b5a69788796a5b4c3d2e1f0' } });
    fireEvent.click(screen.getByTestId('other-meter-key-save'));
    await expect.poll(() => screen.getByTestId('other-meter-key').textContent).toBe('A key is stored.');
    expect(fake.calls[1]).toEqual({ channel: 'meters:setKey', payload: { id: 'pv', hex: '0F1E2D3C4B5A69788796A5B4C3D2E1F0' } });
    expect(document.body.innerHTML.toUpperCase()).not.toContain('0F1E2D3C4B5A69788796A5B4C3D2E1F0');
    fireEvent.click(screen.getByTestId('other-meter-remove'));
    await expect.poll(() => screen.queryByTestId('other-meter-pv')).toBeNull();
    expect(screen.getByTestId('other-meters-result').textContent).toBe('Solar roof removed.');
  });

  it('changes a meter’s name and address in place (same id) and pairs it with the operator’s code', async () => {
    const store = storeAt({ t: T0 });
    store.getState().setMeters([pv()]);
    const fake = fakeApi({
      'meters:save': (p) => ({ ok: true, value: [{ ...pv(), label: p.label, source: p.source }] }),
      'meters:pair': () => ({ ok: false, error: { code: 'BAD_CODE', message: 'wrong code', attemptsLeft: 2 } }),
    });
    renderApp(<OtherMetersSettings />, { store, api: fake.api });
    expect((screen.getByTestId('other-meter-edit-address') as HTMLInputElement).value).toBe('192.168.1.20:2001');
    fireEvent.change(screen.getByTestId('other-meter-edit-label'), { target: { value: 'Garage PV' } });
    fireEvent.change(screen.getByTestId('other-meter-edit-address'), { target: { value: '/dev/ttyUSB1' } });
    fireEvent.click(screen.getByTestId('other-meter-edit-save'));
    await expect.poll(() => screen.getByTestId('other-meters-result').textContent).toBe('Garage PV changed.');
    expect(fake.calls[0]).toEqual({
      channel: 'meters:save',
      payload: { id: 'pv', label: 'Garage PV', source: { kind: 'serial', path: '/dev/ttyUSB1' } },
    });
    fireEvent.change(screen.getByTestId('other-meter-pair-id'), { target: { value: 'SAG1030700099999' } });
    fireEvent.change(screen.getByTestId('other-meter-pair-code'), { target: { value: 'NOPE-0000' } });
    fireEvent.click(screen.getByTestId('other-meter-pair-submit'));
    await expect.poll(() => screen.getByTestId('other-meters-result').textContent).toBe('That pairing code is wrong. 2 attempts left.');
    expect(fake.calls[1]).toEqual({ channel: 'meters:pair', payload: { id: 'pv', meterId: 'SAG1030700099999', code: 'NOPE-0000' } });
  });
});
