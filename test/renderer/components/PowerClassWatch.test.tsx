// @vitest-environment jsdom
import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COST_SETTINGS } from '../../../contracts/cost-settings.ts';
import { AlertProvider } from '../../../renderer/alerts/alert-context.tsx';
import { createAlertStore } from '../../../renderer/alerts/alert-store.ts';
import { browserNotifier } from '../../../renderer/alerts/notifier.ts';
import { PowerClassWatch } from '../../../renderer/components/PowerClassWatch.tsx';
import { fakeApi, liveStore, reading, T0, telegram } from '../fixtures.ts';
import { renderApp } from '../render-app.tsx';

const at = (ms: number, wh: number, w: number) =>
  reading(ms, { electricity: { ...telegram().electricity, importEnergyWh: wh, importPowerW: w } });

function setup() {
  const store = liveStore(); // a reading at T0, a quarter-hour boundary; register 12,345,678 Wh
  const alerts = createAlertStore();
  const { api } = fakeApi({ 'costs:get': async () => ({ ok: true, value: DEFAULT_COST_SETTINGS }) });
  renderApp(
    <AlertProvider store={alerts} notifier={browserNotifier(undefined)}>
      <PowerClassWatch />
    </AlertProvider>,
    { store, api },
  );
  const over = () => alerts.getState().active.filter((a) => a.kind === 'over-power-class');
  return { store, over };
}

describe('PowerClassWatch', () => {
  it('stays quiet at a kettle’s first minute, raises once five minutes in at a pace above the class', async () => {
    const { store, over } = setup();
    store.getState().applyReading(at(T0 + 60_000, 12_345_678 + 60, 3600)); // 1 min at 3.6 kW
    await new Promise((r) => setTimeout(r, 20));
    expect(over()).toEqual([]);
    store.getState().applyReading(at(T0 + 300_000, 12_345_678 + 300, 3600)); // 5 min: 3.6 kW against 3 kW
    await waitFor(() => expect(over()).toHaveLength(1));
    expect(over()[0]?.count).toBe(3);
    store.getState().applyReading(at(T0 + 400_000, 12_345_678 + 400, 3600));
    await new Promise((r) => setTimeout(r, 20));
    expect(over()).toHaveLength(1); // once per quarter-hour
  });

  it('raises at once when the quarter-hour has already drawn more than the class allows', async () => {
    const { store, over } = setup();
    store.getState().applyReading(at(T0 + 120_000, 12_345_678 + 800, 200)); // 800 Wh in 2 min: over 750
    await waitFor(() => expect(over()).toHaveLength(1));
  });
});
