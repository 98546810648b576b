// @vitest-environment jsdom
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AlertProvider } from '../../../renderer/alerts/alert-context.tsx';
import { createAlertStore } from '../../../renderer/alerts/alert-store.ts';
import type { Notifier, NotifyPermission } from '../../../renderer/alerts/notifier.ts';
import { ALERT_PREFS_STORAGE_KEY } from '../../../renderer/alerts/prefs.ts';
import { AlertBanners } from '../../../renderer/components/AlertBanners.tsx';
import { AlertSettings } from '../../../renderer/components/AlertSettings.tsx';
import { T0 } from '../fixtures.ts';
import { renderApp } from '../render-app.tsx';

function setup(answer: NotifyPermission, initial: NotifyPermission = 'default') {
  let permission = initial;
  const asked: number[] = [];
  const notifier: Notifier = {
    permission: () => permission,
    request: async () => {
      asked.push(1);
      permission = answer;
      return answer;
    },
    show: () => {},
  };
  const saved = new Map<string, string>();
  const store = createAlertStore({ notifier, storage: { setItem: (k, v) => void saved.set(k, v) } });
  renderApp(
    <AlertProvider store={store} notifier={notifier}>
      <AlertSettings />
      <AlertBanners />
    </AlertProvider>,
  );
  return { store, asked, saved };
}

describe('AlertSettings', () => {
  it('asks for notification permission only when a notification is switched on, and keeps the choice', async () => {
    const { store, asked, saved } = setup('granted');
    fireEvent.click(screen.getByTestId('alert-supply-cut-banner')); // off: no question
    expect(asked).toEqual([]);
    expect(store.getState().prefs.kinds['supply-cut'].banner).toBe(false);
    await act(async () => fireEvent.click(screen.getByTestId('alert-supply-cut-notify')));
    expect(asked).toEqual([1]);
    expect(store.getState().prefs.kinds['supply-cut']).toEqual({ banner: false, notify: true });
    expect(JSON.parse(saved.get(ALERT_PREFS_STORAGE_KEY) ?? '{}').kinds['supply-cut'].notify).toBe(true);
  });

  it('a refused permission leaves the notification off and says how to allow it', async () => {
    const { store } = setup('denied');
    await act(async () => fireEvent.click(screen.getByTestId('alert-message-notify')));
    expect(store.getState().prefs.kinds.message.notify).toBe(false);
    expect(screen.getByTestId('alert-permission-note').textContent).toMatch(/blocked/);
  });

  it('minutes without data: a bad number is explained and not kept', () => {
    const { store } = setup('granted');
    const input = screen.getByTestId('alert-no-data-minutes');
    fireEvent.change(input, { target: { value: '0' } });
    expect(screen.getByTestId('alert-minutes-error').textContent).toMatch(/from 1 to 1,440/);
    expect(store.getState().prefs.noDataMinutes).toBe(5);
    fireEvent.change(input, { target: { value: '12' } });
    expect(screen.queryByTestId('alert-minutes-error')).toBeNull();
    expect(store.getState().prefs.noDataMinutes).toBe(12);
  });

  it('banners say what happened and can be dismissed', () => {
    const { store } = setup('granted');
    act(() => store.getState().raise('over-power-class', T0, 6.9));
    const alert = screen.getByTestId('alert');
    expect(alert.dataset.kind).toBe('over-power-class');
    expect(alert.textContent).toMatch(/Over your power class.*\(6\.9 kW\)/);
    fireEvent.click(screen.getByTestId('alert-dismiss-over-power-class'));
    expect(screen.queryByTestId('alert')).toBeNull();
  });
});
