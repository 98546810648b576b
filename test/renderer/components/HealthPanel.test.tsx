// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KeyDiagnosis } from '../../../contracts/ipc.ts';
import { HealthPanel } from '../../../renderer/components/HealthPanel.tsx';
import { T0, health } from '../fixtures.ts';
import { renderApp } from '../render-app.tsx';

afterEach(() => vi.useRealTimers());

const DIAGNOSES: [KeyDiagnosis, RegExp][] = [
  ['no-signal', /nothing arrives/],
  ['noise', /no meter data.*cable/],
  ['plain', /unencrypted data: no key/],
  ['encrypted-no-key', /Pair with your grid operator, or enter the key in Settings/],
  ['key-ok', /key works/],
  ['wrong-key', /Wrong key: no new values can be read/],
  ['key-rotated', /changed it/],
];

describe('HealthPanel', () => {
  it.each(DIAGNOSES)('explains %s in plain words inside a polite live region', (diagnosis, text) => {
    const { store } = renderApp(<HealthPanel />);
    act(() => store.getState().setHealth(health({ diagnosis })));
    const banner = screen.getByTestId('diagnosis');
    expect(banner.dataset.diagnosis).toBe(diagnosis);
    expect(banner.textContent).toMatch(text);
    expect(banner.closest('[aria-live="polite"]')).not.toBeNull();
    expect(screen.getByTestId('health-age').closest('[aria-live]')).toBeNull();
  });

  it('says unencrypted plainly, counts rejects and gaps', () => {
    const { store } = renderApp(<HealthPanel />);
    act(() =>
      store.getState().setHealth(
        health({
          encrypted: false,
          framesDecoded: 7,
          counterGaps: 2,
          framesMissed: 5,
          rejected: { AUTH_FAILED: 3, CRC_MISMATCH: 1, REPLAY: 4, NO_KEY: 0, MALFORMED: 0 },
        }),
      ),
    );
    expect(screen.getByTestId('health-encryption').textContent).toMatch(/^Unencrypted/);
    expect(screen.getByTestId('health-decoded').textContent).toBe('7');
    expect(screen.getByTestId('health-rejected').textContent).toBe('3 authentication, 1 checksum, 4 replayed');
    expect(screen.getByTestId('health-gaps').textContent).toBe('2 gaps, 5 frames missed');
  });

  it('shows no counts before the first snapshot', () => {
    renderApp(<HealthPanel />);
    expect(screen.getByTestId('health-decoded').textContent).toBe('no reading yet');
    expect(screen.getByTestId('health-encryption').textContent).toBe('No frame yet');
  });

  it('ticks the telegram age, turns silent after 30 s, and counts down the retry', () => {
    vi.useFakeTimers({ now: T0 + 12_000 });
    const { store } = renderApp(<HealthPanel />);
    act(() => {
      store.getState().setHealth(health({ lastTelegramAt: T0 }));
      store.getState().setLink({ status: 'reconnecting', source: null, since: T0, lastDataAt: T0, retryAt: T0 + 17_000 });
    });
    expect(screen.getByTestId('health-age').textContent).toBe('12 s ago');
    expect(screen.getByTestId('health-link').textContent).toBe('Reconnecting in 5 s');
    act(() => vi.advanceTimersByTime(23_000));
    expect(screen.getByTestId('health-age').textContent).toBe('⚠ no data for 35 s');
    expect(screen.getByTestId('health-age').dataset.silent).toBe('true');
    expect(screen.getByTestId('health-retry').textContent).toBe('Reconnecting in 0 s');
  });

  it('names the port it reconnects to, shortened, with the reason on its own line and no nested brackets', () => {
    vi.useFakeTimers({ now: T0 });
    const { store } = renderApp(<HealthPanel />);
    const link = (path: string) => ({
      status: 'reconnecting' as const,
      source: { kind: 'serial' as const, path },
      since: T0,
      lastDataAt: T0,
      retryAt: T0 + 3_000,
      message: `${path}: port closed (unplugged?)`,
    });
    act(() => store.getState().setLink(link('/dev/ttyUSB0')));
    expect(screen.getByTestId('health-retry').textContent).toBe('Reconnecting to /dev/ttyUSB0 in 3 s');
    expect(screen.getByTestId('health-link-reason').textContent).toBe('port closed (unplugged?)');

    act(() => store.getState().setLink(link('/tmp/luxp1-e2e-serial-ocvgAE/app')));
    expect(screen.getByTestId('health-retry').textContent).toBe('Reconnecting to …/app in 3 s');
    expect(screen.getByTestId('health-link').title).toBe('/tmp/luxp1-e2e-serial-ocvgAE/app');
    expect(screen.getByTestId('health-link').textContent).not.toMatch(/\([^)]*\(/);
  });
});
