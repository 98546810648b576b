// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COST_SETTINGS } from '../../../contracts/cost-settings.ts';
import { PowerClassNow } from '../../../renderer/components/PowerClassNow.tsx';
import { fakeApi, liveStore, reading, T0, telegram } from '../fixtures.ts';
import { renderApp } from '../render-app.tsx';

const at = (ms: number, wh: number, w: number) =>
  reading(ms, { electricity: { ...telegram().electricity, importEnergyWh: wh, importPowerW: w } });

describe('PowerClassNow', () => {
  it('says where this quarter-hour is heading against the class, from the register', async () => {
    const store = liveStore(); // a reading at T0 = 14:00 Luxembourg, register 12,345,678 Wh
    store.getState().applyReading(at(T0 + 300_000, 12_345_678 + 250, 4000));
    const { api } = fakeApi({ 'costs:get': async () => ({ ok: true, value: DEFAULT_COST_SETTINGS }) });
    renderApp(<PowerClassNow />, { store, api });
    // 250 Wh in 5 minutes, then 4 kW for 10 more: 917 Wh, 3.67 kW average against 3 kW
    await waitFor(() =>
      expect(screen.getByTestId('power-class-projected').textContent).toBe('Until 14:15: 3.67 kW against your 3 kW class'),
    );
    expect(screen.getByRole('status').textContent).toMatch(/goes over your class/);
    expect(screen.getByTestId('costs-example').textContent).toMatch(/Example prices, not yours/);
  });

  it('shows nothing while the costs are unknown or the values are old', async () => {
    const { api } = fakeApi(); // costs:get fails
    const { container } = renderApp(<PowerClassNow />, { api });
    await new Promise((r) => setTimeout(r, 20));
    expect(container.innerHTML).toBe('');
  });
});
