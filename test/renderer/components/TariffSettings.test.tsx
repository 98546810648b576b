// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type CostSettings, DEFAULT_COST_SETTINGS } from '../../../contracts/cost-settings.ts';
import { TariffSettings } from '../../../renderer/components/TariffSettings.tsx';
import { fakeApi } from '../fixtures.ts';
import { renderApp } from '../render-app.tsx';

function setup() {
  const saved: CostSettings[] = [];
  const { api } = fakeApi({
    'costs:get': async () => ({ ok: true, value: DEFAULT_COST_SETTINGS }),
    'costs:set': async (p) => {
      saved.push(p);
      return { ok: true, value: p };
    },
  });
  renderApp(<TariffSettings />, { api });
  return saved;
}

describe('TariffSettings', () => {
  it('saves the prices typed, a decimal comma included, as the user’s own', async () => {
    const saved = setup();
    const within = await screen.findByTestId('tariff-within');
    fireEvent.change(within, { target: { value: '0,0812' } });
    fireEvent.click(screen.getByLabelText('7 kW'));
    fireEvent.click(screen.getByTestId('tariff-save'));
    await waitFor(() => expect(screen.getByTestId('tariff-status').textContent).toBe('Saved.'));
    expect(saved[0]?.tariff).toMatchObject({ example: false, referenceKw: 7, network: { withinEurPerKwh: 0.0812 } });
  });

  it('refuses an empty or impossible price, names it and sends nothing', async () => {
    const saved = setup();
    fireEvent.change(await screen.findByTestId('tariff-overuse'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('tariff-save'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Not saved: .*overuseEurPerKwh/);
    expect(saved).toEqual([]);
  });

  it('edits time-of-use windows', async () => {
    const saved = setup();
    fireEvent.click(await screen.findByLabelText('By time of day'));
    fireEvent.click(screen.getByTestId('tariff-add-window'));
    fireEvent.change(screen.getByTestId('tariff-window-0-price'), { target: { value: '0.11' } });
    fireEvent.click(screen.getByTestId('tariff-save'));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]?.tariff.supply).toEqual({
      kind: 'tou',
      baseEurPerKwh: 0.148,
      windows: [{ fromHour: 22, toHour: 6, weekdaysOnly: false, eurPerKwh: 0.11 }],
    });
  });
});
