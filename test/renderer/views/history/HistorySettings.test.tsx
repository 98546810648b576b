// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryInfo } from '../../../../contracts/history.ts';
import { AppProvider } from '../../../../renderer/state/context.tsx';
import { createAppStore } from '../../../../renderer/state/store.ts';
import { HistorySettings } from '../../../../renderer/views/history/HistorySettings.tsx';
import { createFakeApi, type Handlers } from '../fake-api.ts';

afterEach(cleanup);

const info = (days: number): HistoryInfo => ({ path: '/data/history.sqlite', bytes: 12_345_678, detailRetentionDays: days, meters: [] });

function setup(handlers: Handlers) {
  const fake = createFakeApi(handlers);
  render(
    <AppProvider store={createAppStore()} api={fake.api}>
      <HistorySettings />
    </AppProvider>,
  );
  return fake;
}

describe('Settings → History', () => {
  it('shows the retention and the database size, and saves a new retention', async () => {
    const fake = setup({
      'history:info': () => ({ ok: true, value: info(400) }),
      'history:retention': ({ days }) => ({ ok: true, value: info(days) }),
    });
    const input = (await screen.findByTestId('history-retention')) as HTMLInputElement;
    expect(input.value).toBe('400');
    expect(screen.getByTestId('history-size').textContent).toBe('12.3 MB');
    fireEvent.change(input, { target: { value: '30' } });
    fireEvent.click(screen.getByTestId('history-retention-save'));
    await waitFor(() =>
      expect(screen.getByTestId('history-retention-note').textContent).toBe('Saved: the 10-second readings are kept for 30 days.'),
    );
    expect(fake.calls.filter((c) => c.channel === 'history:retention').map((c) => c.payload)).toEqual([{ days: 30 }]);
  });

  it('refuses what is not a number of days without asking the host', async () => {
    const fake = setup({ 'history:info': () => ({ ok: true, value: info(400) }) });
    fireEvent.change(await screen.findByTestId('history-retention'), { target: { value: '12.5' } });
    fireEvent.click(screen.getByTestId('history-retention-save'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/whole number of days/);
    expect(fake.calls.some((c) => c.channel === 'history:retention')).toBe(false);
  });

  it('says why there is no history', async () => {
    setup({ 'history:info': () => ({ ok: false, error: { code: 'HISTORY_UNAVAILABLE', message: 'damaged file' } }) });
    expect((await screen.findByTestId('history-settings-unavailable')).textContent).toBe('No history is recorded: damaged file');
  });
});
