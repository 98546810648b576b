// @vitest-environment jsdom
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Inbox } from '../../../renderer/components/Inbox.tsx';
import { NavTabs } from '../../../renderer/components/NavTabs.tsx';
import { T0, fakeApi, snapshot } from '../fixtures.ts';
import { renderApp } from '../render-app.tsx';

describe('Inbox', () => {
  it('lists the kept history, announces a new message politely, and marks it read via the host', async () => {
    const fake = fakeApi({ 'messages:markRead': () => ({ ok: true, value: null }) });
    const { store } = renderApp(<Inbox />, { api: fake.api });
    act(() =>
      store
        .getState()
        .loadSnapshot(snapshot({ messages: [{ channel: '3', text: 'Old news', firstSeenAt: T0 - 3_600_000, readAt: T0 - 60_000 }] })),
    );
    const notice = screen.getByTestId('inbox-notice');
    expect(notice.getAttribute('aria-live')).toBe('polite');
    expect(notice.textContent).toBe('');
    expect(screen.getAllByTestId('message')).toHaveLength(1);

    act(() => store.getState().applyMessage({ channel: '4', text: 'Planned outage Friday 9:00', firstSeenAt: T0, readAt: null }));
    expect(notice.textContent).toBe('1 new message');
    const [newest, old] = screen.getAllByTestId('message');
    expect(newest?.dataset.unread).toBe('true');
    expect(newest?.textContent).toMatch(/Message 4.*Planned outage/);
    expect(old?.dataset.unread).toBe('false');

    fireEvent.click(screen.getByTestId('mark-read-4'));
    expect(notice.textContent).toBe('');
    expect(screen.queryByTestId('mark-read-4')).toBeNull();
    expect(fake.calls).toContainEqual({ channel: 'messages:markRead', payload: { channel: '4' } });
  });

  it('shows messages the host kept unread as new after a restart, and the count on the Home tab', () => {
    const { store } = renderApp(
      <>
        <NavTabs />
        <Inbox />
      </>,
    );
    const unread = { channel: '0' as const, text: 'Tariff change on 1 July', firstSeenAt: T0 - 86_400_000, readAt: null };
    const read = { channel: '2' as const, text: 'Maintenance done', firstSeenAt: T0 - 90_000_000, readAt: T0 - 80_000_000 };
    act(() => store.getState().loadSnapshot(snapshot({ messages: [unread, read] })));
    expect(screen.getByTestId('inbox-notice').textContent).toBe('1 new message');
    expect(screen.getAllByTestId('message').map((m) => m.dataset.unread)).toEqual(['true', 'false']);
    expect(screen.getByTestId('mark-read-0')).toBeDefined();
    expect(screen.getByTestId('tab-dashboard').textContent).toMatch(/1$/);

    act(() => store.getState().applyMessage({ ...unread, readAt: T0 })); // another window marked it read
    expect(screen.getByTestId('inbox-notice').textContent).toBe('');
    expect(screen.getByTestId('tab-dashboard').textContent).not.toMatch(/\d$/);
  });

  it('says when there are no messages', () => {
    renderApp(<Inbox />);
    expect(screen.getByTestId('inbox').textContent).toMatch(/No messages/);
  });
});
