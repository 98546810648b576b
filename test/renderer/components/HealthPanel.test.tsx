// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LinkState, PortHealth } from '../../../contracts/ipc.ts';
import { HealthPanel } from '../../../renderer/components/HealthPanel.tsx';
import { type AppStore, createAppStore, type HostConnection } from '../../../renderer/state/store.ts';
import { KEY_MANUAL, LINK_OPEN, T0, health } from '../fixtures.ts';
import { renderApp } from '../render-app.tsx';

afterEach(() => vi.useRealTimers());

type Facts = Parameters<typeof setFacts>[1];
/** Puts the store in the situation `facts` describe, on a live port otherwise. */
function setFacts(
  store: AppStore,
  facts: { host?: HostConnection; link?: Partial<LinkState> | null; health?: Partial<PortHealth>; key?: boolean; readingAgeMs?: number },
) {
  const s = store.getState();
  if (facts.host) s.setHost(facts.host);
  if (facts.link !== undefined)
    s.setLink(facts.link === null ? { ...LINK_OPEN, status: 'idle', source: null } : { ...LINK_OPEN, ...facts.link });
  if (facts.health) s.setHealth(health(facts.health));
  if (facts.key !== undefined) s.setKey({ ...KEY_MANUAL, hasKey: facts.key });
  if (facts.readingAgeMs !== undefined) s.tick(s.now + facts.readingAgeMs);
}

const STATUSES: [string, Facts, RegExp][] = [
  ['host-down', { host: 'closed' }, /does not answer/],
  ['no-source', { link: null }, /No meter is connected/],
  ['link-connecting', { link: { status: 'connecting' } }, /Connecting to the meter/],
  ['link-reconnecting', { link: { status: 'reconnecting' } }, /reconnecting/],
  ['link-error', { link: { status: 'error', message: 'ENOENT' } }, /cannot be read/],
  ['link-silent', { link: { status: 'silent' } }, /sends nothing/],
  ['needs-key', { key: false }, /Pair with your grid operator, or enter the key in Settings/],
  ['wrong-key', { health: { diagnosis: 'wrong-key' } }, /Wrong key: no new values can be read/],
  ['key-rotated', { health: { diagnosis: 'key-rotated' } }, /changed it/],
  ['ok-encrypted', {}, /key works/],
  ['ok-plain', { health: { encrypted: false, diagnosis: 'plain' } }, /unencrypted data: no key/],
  ['no-signal', { readingAgeMs: 60_000 }, /nothing arrives/],
  ['noise', { health: { diagnosis: 'noise' }, readingAgeMs: 60_000 }, /no meter data.*cable/],
];

describe('HealthPanel', () => {
  it.each(STATUSES)('says %s in plain words inside a polite live region', (kind, facts, text) => {
    const { store } = renderApp(<HealthPanel />);
    act(() => setFacts(store, facts));
    const banner = screen.getByTestId('diagnosis');
    expect(banner.dataset.status).toBe(kind);
    expect(banner.textContent).toMatch(text);
    expect(banner.closest('[aria-live="polite"]')).not.toBeNull();
    expect(screen.getByTestId('health-age').closest('[aria-live]')).toBeNull();
  });

  it('never says the key works once the source failed, the key was removed or the host went away', () => {
    for (const facts of [{ link: { status: 'error' as const } }, { key: false }, { host: 'closed' as const }]) {
      const { store, unmount } = renderApp(<HealthPanel />);
      expect(screen.getByTestId('diagnosis').dataset.status).toBe('ok-encrypted');
      act(() => setFacts(store, facts));
      expect(screen.getByTestId('diagnosis').textContent).not.toMatch(/key works/);
      unmount();
    }
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
          rejected: { AUTH_FAILED: 3, CRC_MISMATCH: 1, REPLAY: 4, NO_KEY: 0, MALFORMED: 0, PLAIN_REFUSED: 0 },
        }),
      ),
    );
    expect(screen.getByTestId('health-encryption').textContent).toMatch(/^Unencrypted/);
    expect(screen.getByTestId('health-decoded').textContent).toBe('7');
    expect(screen.getByTestId('health-rejected').textContent).toBe('8: 3 wrong key or damaged, 1 checksum, 4 replayed');
    expect(screen.getByTestId('health-gaps').textContent).toBe('2 gaps, 5 frames missed');
  });

  it('shows no counts before the first snapshot', () => {
    renderApp(<HealthPanel />, { store: createAppStore() });
    expect(screen.getByTestId('health-decoded').textContent).toBe('no reading yet');
    expect(screen.getByTestId('health-encryption').textContent).toBe('No frame yet');
  });

  it('ticks the age of the last verified reading, turns silent after 30 s, and counts down the retry', () => {
    vi.useFakeTimers({ now: T0 });
    const { store } = renderApp(<HealthPanel />);
    act(() => {
      vi.advanceTimersByTime(12_000);
      store.getState().setLink({ status: 'reconnecting', source: null, since: T0, lastDataAt: T0, retryAt: T0 + 17_000 });
      store.getState().tick(Date.now());
    });
    expect(screen.getByTestId('health-age').textContent).toBe('12 s ago');
    expect(screen.getByTestId('health-link').textContent).toBe('Reconnecting in 5 s');
    act(() => {
      vi.advanceTimersByTime(23_000);
      store.getState().tick(Date.now());
    });
    expect(screen.getByTestId('health-age').textContent).toBe('⚠ no data for 35 s');
    expect(screen.getByTestId('health-age').dataset.silent).toBe('true');
    expect(screen.getByTestId('health-retry').textContent).toBe('Reconnecting in 0 s');
  });

  it('says frames arrive but cannot be read, instead of "no data", while the key fails', () => {
    vi.useFakeTimers({ now: T0 });
    const { store } = renderApp(<HealthPanel />);
    act(() => {
      vi.advanceTimersByTime(73_000);
      store.getState().setLink({ ...LINK_OPEN, lastDataAt: Date.now() - 5_000 });
      store.getState().setHealth(health({ diagnosis: 'wrong-key' }));
      store.getState().tick(Date.now());
    });
    expect(screen.getByTestId('health-age').textContent).toBe('⚠ last readable data 73 s ago; frames arrive but cannot be read');
    expect(screen.getByTestId('health-age').textContent).not.toMatch(/no data/);
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
