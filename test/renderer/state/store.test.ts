// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { CHART_WINDOW_MS, createAppStore, selectStale } from '../../../renderer/state/store.ts';
import { messageId } from '../../../renderer/state/messages.ts';
import { LINK_OPEN, T0, health, liveStore, reading, snapshot } from '../fixtures.ts';

describe('app store', () => {
  it('loads a snapshot: link, health, key, latest, history sorted oldest first', () => {
    const store = createAppStore();
    const latest = reading(T0);
    store.getState().loadSnapshot(
      snapshot({
        latest,
        history: [
          { at: T0 - 10_000, importPowerW: 200, exportPowerW: null },
          { at: T0 - 20_000, importPowerW: 100, exportPowerW: 0 },
        ],
      }),
    );
    const s = store.getState();
    expect(s.loaded).toBe(true);
    expect(s.latest).toBe(latest);
    expect(s.health?.framesDecoded).toBe(42);
    expect(s.chart.map((p) => p.importPowerW)).toEqual([100, 200]);
  });

  it('applies readings: latest replaced, a chart point with null for a power not pushed', () => {
    const store = createAppStore();
    store.getState().loadSnapshot(snapshot());
    const r = reading(T0, { electricity: { importPowerW: 500 } });
    store.getState().applyReading(r);
    expect(store.getState().latest).toBe(r);
    expect(store.getState().chart).toEqual([{ at: T0, importPowerW: 500, exportPowerW: null, readings: 1 }]);
  });

  it('keeps the chart to one point per 10 s over the last 24 h, whatever the pace', () => {
    const store = createAppStore();
    for (let i = 0; i < 2 * 3600; i++) store.getState().applyReading(reading(T0 + i * 1000)); // two hours at 1 s
    const chart = store.getState().chart;
    expect(chart).toHaveLength(720); // two hours in 10 s points: all of it fits the 24 h
    expect(chart.at(-1)!.at - chart[0]!.at).toBeLessThan(CHART_WINDOW_MS);
    expect(store.getState().latest?.receivedAt).toBe(T0 + (2 * 3600 - 1) * 1000);

    store.getState().applyReading(reading(T0 + CHART_WINDOW_MS * 3));
    expect(store.getState().chart).toHaveLength(1);
  });

  it("puts the recorder's past before the live points, never over them", () => {
    const store = createAppStore();
    store.getState().applyReading(reading(T0, { electricity: { importPowerW: 900 } }));
    const past = [
      { at: T0 - 20_000, importPowerW: 100, exportPowerW: 0 },
      { at: T0 - 10_000, importPowerW: 200, exportPowerW: 0 },
      { at: T0, importPowerW: 1, exportPowerW: 0 }, // the live point's own telegram, recorded: not drawn twice
    ];
    store.getState().loadPowerHistory(past);
    expect(store.getState().chart.map((p) => [p.at, p.importPowerW, p.readings])).toEqual([
      [T0 - 20_000, 100, 1],
      [T0 - 10_000, 200, 1],
      [T0, 900, 1],
    ]);
    store.getState().applyReading(reading(T0 + 10_000, { electricity: { importPowerW: 300 } }));
    expect(store.getState().chart).toHaveLength(4);
  });

  it('takes unread state from the host: snapshot, new messages, read updates, and an optimistic mark', () => {
    const store = createAppStore();
    const old = { channel: '2' as const, text: 'Maintenance on Monday', firstSeenAt: T0 - 60_000, readAt: null };
    store.getState().loadSnapshot(snapshot({ messages: [old] }));
    expect(store.getState().unread).toEqual([messageId(old)]); // unread before the restart: still unread

    // Readings carry the texts too, but only the host decides what is a new message.
    store.getState().applyReading(reading(T0, { message: 'Tariff change' }));
    expect(store.getState().messages).toHaveLength(1);

    const tariff = { channel: '0' as const, text: 'Tariff change', firstSeenAt: T0 + 10_000, readAt: null };
    const done = { channel: '2' as const, text: 'Work done', firstSeenAt: T0 + 20_000, readAt: null };
    store.getState().applyMessage(done);
    store.getState().applyMessage(tariff); // out of order: still sorted newest first
    expect(store.getState().messages.map((m) => m.text)).toEqual(['Work done', 'Tariff change', 'Maintenance on Monday']);
    expect(store.getState().unread).toHaveLength(3);

    store.getState().markRead('2', T0 + 30_000);
    expect(store.getState().unread).toEqual([messageId(tariff)]);
    store.getState().applyMessage({ ...done, readAt: T0 + 31_000 }); // the host's confirmation replaces, never duplicates
    expect(store.getState().messages).toHaveLength(3);
    expect(store.getState().messages[0]?.readAt).toBe(T0 + 31_000);
  });

  it('is stale when the key fails on incoming frames', () => {
    const store = liveStore();
    store.getState().setHealth(health({ diagnosis: 'key-ok' }));
    expect(selectStale(store.getState())).toBe(false);
    store.getState().setHealth(health({ diagnosis: 'wrong-key' }));
    expect(selectStale(store.getState())).toBe(true);
    store.getState().setHealth(health({ diagnosis: 'key-rotated' }));
    expect(selectStale(store.getState())).toBe(true);
  });

  it('is stale while the link brings nothing, and fresh again once it is open', () => {
    const store = liveStore();
    store.getState().setHealth(health({ diagnosis: 'key-ok' }));
    for (const status of ['silent', 'reconnecting', 'error', 'idle', 'connecting'] as const) {
      store.getState().setLink({ ...LINK_OPEN, status });
      expect(selectStale(store.getState()), status).toBe(true);
    }
    store.getState().setLink(LINK_OPEN);
    expect(selectStale(store.getState())).toBe(false);
  });

  it('keeps problems newest first and switches views', () => {
    const store = createAppStore();
    store.getState().addProblem({ at: 1, kind: 'error', code: 'CRC_MISMATCH', message: 'a', frameCounter: 1 });
    store.getState().addProblem({ at: 2, kind: 'warning', code: 'COUNTER_GAP', message: 'b', frameCounter: 3 });
    expect(store.getState().problems.map((p) => p.at)).toEqual([2, 1]);
    store.getState().setView('settings');
    expect(store.getState().view).toBe('settings');
  });
});
