// @vitest-environment jsdom
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../../renderer/components/App.tsx';
import { T0, health, reading, snapshot } from '../fixtures.ts';
import { renderApp } from '../render-app.tsx';

describe('App', () => {
  it('has landmarks and headings, keeps health visible, and switches views from the keyboard-reachable tabs', () => {
    const { store } = renderApp(<App />);
    act(() => store.getState().loadSnapshot(snapshot({ latest: reading(T0), health: health({ diagnosis: 'encrypted-no-key' }) })));
    expect(screen.getByRole('banner')).toBeDefined();
    expect(screen.getByRole('main')).toBeDefined();
    expect(screen.getByRole('navigation')).toBeDefined();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(/LuxP1/);
    expect(screen.getByTestId('tab-dashboard').getAttribute('aria-current')).toBe('page');
    expect(screen.getByTestId('tile-electricity')).toBeDefined();

    fireEvent.click(screen.getByTestId('diagnosis-open-settings'));
    expect(screen.getByTestId('view-settings')).toBeDefined();
    expect(screen.getByTestId('tab-settings').getAttribute('aria-current')).toBe('page');
    expect(screen.getByTestId('health')).toBeDefined();
    expect(screen.queryByTestId('diagnosis-open-settings')).toBeNull();

    fireEvent.click(screen.getByTestId('tab-dashboard'));
    expect(screen.getByTestId('view-dashboard')).toBeDefined();
    for (const button of screen.getAllByRole('button')) expect(button.tagName).toBe('BUTTON');
  });

  it('reaches the pairing view from a key diagnosis and from its tab, and the service view from its tab', () => {
    const { store } = renderApp(<App />);
    act(() => store.getState().loadSnapshot(snapshot({ health: health({ diagnosis: 'key-rotated' }) })));
    const toPairing = screen.getByTestId('diagnosis-open-pairing');
    expect(toPairing.tagName).toBe('BUTTON');
    expect(toPairing.textContent).toBe('Pair with your operator');
    fireEvent.click(toPairing);
    expect(screen.getByTestId('view-pairing')).toBeDefined();
    expect(screen.getByTestId('tab-pairing').getAttribute('aria-current')).toBe('page');
    expect(screen.queryByTestId('diagnosis-open-pairing')).toBeNull(); // already there
    expect(screen.getByTestId('pairing-repair')).toBeDefined();

    fireEvent.click(screen.getByTestId('tab-service'));
    expect(screen.getByTestId('view-service')).toBeDefined();
    expect(screen.queryByTestId('view-pairing')).toBeNull();
    expect(screen.getByRole('heading', { level: 2, name: 'Port service' })).toBeDefined();
    const tabs = screen.getAllByRole('button').filter((b) => b.dataset.testid?.startsWith('tab-'));
    expect(tabs.map((b) => b.dataset.testid)).toEqual(['tab-dashboard', 'tab-history', 'tab-pairing', 'tab-service', 'tab-settings']);

    act(() => store.getState().setHealth(health({ diagnosis: 'key-ok' })));
    expect(screen.queryByTestId('diagnosis-open-pairing')).toBeNull(); // only for key problems
  });

  it('tells when the browser-mode link to the host is lost', () => {
    const { store } = renderApp(<App />);
    act(() => store.getState().setHost('closed'));
    expect(screen.getByTestId('host-disconnected').closest('[aria-live="polite"]')).not.toBeNull();
  });
});
