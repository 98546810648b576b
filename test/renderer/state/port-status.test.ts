import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KeyDiagnosis, LinkStatus } from '../../../contracts/ipc.ts';
import { derivePortStatus, FRESH_MS, type PortFacts } from '../../../renderer/state/port-status.ts';
import { createAppStore, selectPortStatus } from '../../../renderer/state/store.ts';
import { health, KEY_MANUAL, LINK_OPEN, reading, snapshot, T0 } from '../fixtures.ts';

const live: PortFacts = { host: 'open', link: LINK_OPEN, health: health(), key: KEY_MANUAL, lastVerifiedAt: T0, now: T0 + 1_000 };

describe('derivePortStatus', () => {
  it('is current only with a verified reading within FRESH_MS on an open link, host reachable', () => {
    expect(derivePortStatus(live)).toMatchObject({ kind: 'ok-encrypted', current: true, severity: 'ok' });
    expect(derivePortStatus({ ...live, now: T0 + FRESH_MS + 1 })).toMatchObject({ current: false });
    expect(derivePortStatus({ ...live, lastVerifiedAt: null })).toMatchObject({ current: false });
  });

  it('takes the first rule that applies: host, source, link, key, freshness', () => {
    expect(derivePortStatus({ ...live, host: 'closed' }).kind).toBe('host-down');
    expect(derivePortStatus({ ...live, host: 'connecting' }).kind).toBe('host-down');
    expect(derivePortStatus({ ...live, link: { ...LINK_OPEN, status: 'idle', source: null } }).kind).toBe('no-source');
    expect(derivePortStatus({ ...live, link: { ...LINK_OPEN, status: 'error' } }).kind).toBe('link-error');
    expect(derivePortStatus({ ...live, key: { ...KEY_MANUAL, hasKey: false } }).kind).toBe('needs-key');
    expect(derivePortStatus({ ...live, health: health({ diagnosis: 'wrong-key' }) }).kind).toBe('wrong-key');
  });

  it('never says current, nor ok, when any fact says otherwise (any combination)', () => {
    const statuses: LinkStatus[] = ['idle', 'connecting', 'open', 'silent', 'reconnecting', 'error'];
    const diagnoses: KeyDiagnosis[] = ['no-signal', 'noise', 'plain', 'encrypted-no-key', 'key-ok', 'wrong-key', 'key-rotated'];
    fc.assert(
      fc.property(
        fc.constantFrom<PortFacts['host']>('open', 'connecting', 'closed'),
        fc.constantFrom(...statuses),
        fc.constantFrom(...diagnoses),
        fc.boolean(),
        fc.option(fc.integer({ min: 0, max: 120_000 })),
        (host, status, diagnosis, hasKey, age) => {
          const s = derivePortStatus({
            host,
            link: { ...LINK_OPEN, status },
            health: health({ diagnosis }),
            key: { ...KEY_MANUAL, hasKey },
            lastVerifiedAt: age === null ? null : T0 - age,
            now: T0,
          });
          const mayBeCurrent =
            host === 'open' &&
            status === 'open' &&
            hasKey &&
            age !== null &&
            age <= FRESH_MS &&
            !['wrong-key', 'key-rotated', 'encrypted-no-key'].includes(diagnosis);
          expect(s.current).toBe(mayBeCurrent);
          if (s.severity === 'ok') expect(s.current).toBe(true);
        },
      ),
    );
  });
});

describe('the store on its own clock', () => {
  it('grows values old without any event, and uses the renderer clock even when the host clock differs', () => {
    let now = T0;
    const store = createAppStore(() => now);
    store.getState().setHost('open');
    // The host's clock is 10 minutes behind the browser's: its times are shifted, not compared raw.
    store
      .getState()
      .loadSnapshot(
        snapshot({ at: T0 - 600_000, latest: reading(T0 - 600_000 - 2_000), link: { ...LINK_OPEN, lastDataAt: T0 - 600_000 } }),
      );
    expect(selectPortStatus(store.getState())).toMatchObject({ kind: 'ok-encrypted', current: true });
    now = T0 + FRESH_MS;
    store.getState().tick(now);
    expect(selectPortStatus(store.getState()).current).toBe(false);
    store.getState().applyReading(reading(T0 - 600_000 + FRESH_MS));
    expect(selectPortStatus(store.getState()).current).toBe(true);
  });
});
