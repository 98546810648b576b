// @vitest-environment jsdom
/** The first screen: power now on top, the supply banner, the today slot, Details, and the inbox's new controls. */
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Dashboard } from '../../../renderer/components/Dashboard.tsx';
import { Inbox } from '../../../renderer/components/Inbox.tsx';
import { T0, fakeApi, reading, snapshot, telegram } from '../fixtures.ts';
import { renderApp } from '../render-app.tsx';

const withBreaker = (breaker: 'connected' | 'disconnected' | 'ready') =>
  reading(T0, { electricity: { ...telegram().electricity, breaker } });

describe('Home', () => {
  it('puts power now on top, large, and folds totals, reactive power and phases into Details', () => {
    renderApp(<Dashboard />);
    const now = screen.getByTestId('tile-now');
    expect(now.querySelector('[data-testid="value-importPowerW"]')?.textContent).toBe('2,345 W');
    expect(screen.getAllByTestId('value-importPowerW')).toHaveLength(1);
    const details = screen.getByTestId('dashboard-details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    for (const id of ['value-importEnergyWh', 'value-importReactivePowerVar', 'value-meterId'])
      expect(details.contains(screen.getByTestId(id))).toBe(true);
    expect(details.querySelector('summary')?.textContent).toMatch(/Details.*phases/);
  });

  it('says what is sent to the grid only when something is', () => {
    const { store } = renderApp(<Dashboard />);
    expect(screen.queryByTestId('power-sending')).toBeNull();
    act(() => store.getState().applyReading(reading(T0 + 10_000, { electricity: { ...telegram().electricity, exportPowerW: 1200 } })));
    expect(screen.getByTestId('power-sending').textContent).toBe('Sending 1,200 W to the grid');
  });

  it('a banner when the supply is cut or ready, none when connected; relays off raise none', () => {
    const { store } = renderApp(<Dashboard />);
    expect(screen.queryByTestId('supply-banner')).toBeNull(); // fixture: relay 2 is off
    act(() => store.getState().loadSnapshot(snapshot({ latest: withBreaker('disconnected') })));
    expect(screen.getByTestId('supply-banner').dataset.state).toBe('disconnected');
    expect(screen.getByTestId('supply-banner').textContent).toMatch(/supply is cut.*Contact your grid operator/);
    act(() => store.getState().loadSnapshot(snapshot({ latest: withBreaker('ready') })));
    expect(screen.getByTestId('supply-banner').textContent).toMatch(/switched back on.*press the button/);
  });

  it('the today area: empty until given, then today’s energy (or "not known yet"), and the costs slot', () => {
    const { unmount } = renderApp(<Dashboard />);
    expect(screen.getByTestId('dashboard-today').childElementCount).toBe(0);
    unmount();
    const again = renderApp(<Dashboard todayWh={4321} />);
    expect(screen.getByTestId('today-import').textContent).toBe('4.321 kWh');
    again.unmount();
    renderApp(
      <Dashboard todayWh={null}>
        <p data-testid="costs">0.87 €</p>
      </Dashboard>,
    );
    expect(screen.getByTestId('today-import').textContent).toBe('not known yet');
    expect(screen.getByTestId('dashboard-today').contains(screen.getByTestId('costs'))).toBe(true);
  });
});

describe('Inbox on Home', () => {
  const msg = (channel: '0' | '2' | '3', text: string, firstSeenAt: number, readAt: number | null = null) => ({
    channel,
    text,
    firstSeenAt,
    readAt,
  });

  it('names channels for people, and "mark all as read" reads every channel through the host', () => {
    const fake = fakeApi({ 'messages:markRead': () => ({ ok: true, value: null }) });
    const { store } = renderApp(<Inbox />, { api: fake.api });
    act(() => store.getState().loadSnapshot(snapshot({ messages: [msg('2', 'Works on Monday', T0), msg('0', 'New tariff', T0 - 1000)] })));
    expect(screen.getAllByTestId('message').map((m) => m.querySelector('.message-channel')?.textContent)).toEqual([
      'Message 2',
      'General message',
    ]);
    fireEvent.click(screen.getByTestId('mark-all-read'));
    expect(screen.getByTestId('inbox-notice').textContent).toBe('');
    expect(screen.queryByTestId('mark-all-read')).toBeNull();
    expect(fake.calls.filter((c) => c.channel === 'messages:markRead').map((c) => c.payload)).toEqual([{ channel: '2' }, { channel: '0' }]);
  });

  it('a long message shows its start until opened; older messages fold away', () => {
    const { store } = renderApp(<Inbox />);
    const long = `Planned works: ${'the supply will be interrupted for a short time, '.repeat(8)}end.`;
    const older = [1, 2, 3, 4, 5].map((i) => msg('3', `old ${i}`, T0 - i * 60_000, T0));
    act(() => store.getState().loadSnapshot(snapshot({ messages: [msg('2', long, T0), ...older] })));
    const text = screen.getByTestId('message-text');
    expect(text.className).toContain('is-clamped');
    fireEvent.click(screen.getByTestId('message-toggle'));
    expect(text.className).not.toContain('is-clamped');
    expect(screen.getByTestId('message-toggle').getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByTestId('older-messages').querySelector('summary')?.textContent).toBe('1 older message');
  });
});
