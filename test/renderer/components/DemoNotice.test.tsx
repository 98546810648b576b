// @vitest-environment jsdom
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../../renderer/components/App.tsx';
import { LINK_OPEN, T0, snapshot } from '../fixtures.ts';
import { renderApp } from '../render-app.tsx';

describe('DemoNotice', () => {
  it('says plainly that the demo is a simulated meter, on every view, with a way to Settings', () => {
    const { store } = renderApp(<App />);
    act(() => store.getState().loadSnapshot(snapshot({ link: { ...LINK_OPEN, source: { kind: 'demo' } } })));
    const notice = screen.getByTestId('demo-notice');
    expect(notice.textContent).toContain('Demo: a simulated meter from the bundled central system. Choose your own meter in Settings.');

    act(() => store.getState().setView('pairing'));
    expect(screen.getByTestId('demo-notice')).toBeTruthy();
    fireEvent.click(screen.getByTestId('demo-open-settings'));
    expect(store.getState().view).toBe('settings');
    expect(screen.getByTestId('demo-notice')).toBeTruthy();
    expect(screen.queryByTestId('demo-open-settings')).toBeNull(); // already there
  });

  it('is not shown for the customer’s own meter', () => {
    const { store } = renderApp(<App />);
    const serial = { status: 'open' as const, source: { kind: 'serial' as const, path: '/dev/ttyUSB0' }, since: T0, lastDataAt: T0 };
    act(() => store.getState().loadSnapshot(snapshot({ link: serial })));
    expect(screen.queryByTestId('demo-notice')).toBeNull();
  });
});
