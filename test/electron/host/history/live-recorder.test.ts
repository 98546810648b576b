import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ElectricityRecord } from '../../../../contracts/history.ts';
import { createLiveRecorder } from '../../../../electron/host/history/live-recorder.ts';
import { createRecorder } from '../../../../electron/host/history/recorder.ts';
import { HistoryError } from '../../../../electron/host/history/store.ts';
import { at, reading } from './readings.ts';

const dir = mkdtempSync(join(tmpdir(), 'luxp1-history-live-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const NOW = Date.parse('2026-12-01T12:00:00Z');
const ALL = { meterId: 'M1', from: 0, to: Date.parse('2030-01-01T00:00:00Z') };

describe('live recorder (writer thread)', () => {
  it('queues telegrams without waiting for the disk; after flush the views see them all', async () => {
    const path = join(dir, 'live.sqlite');
    const live = createLiveRecorder({ path, clock: { now: () => NOW } });
    const t = at('2026-11-30T10:00:00+01:00');
    for (let i = 0; i <= 360; i++) expect(live.record(reading(t + i * 10, { imp: 1000 + 2 * i, pImp: 720 }))).toBe(true);
    live.recordEvent({ meterId: 'M1', at: (t + 3600) * 1000, kind: 'link-lost' });
    await live.flush();
    const quarters = live.series({ ...ALL, kind: 'electricity', step: '15m' }).records as ElectricityRecord[];
    expect(quarters.map((q) => q.importWh)).toEqual([180, 180, 180, 180, 0]); // the last telegram opens 11:00
    expect(live.events({ from: 0, to: ALL.to }).map((e) => e.kind)).toEqual(['link-lost']);
    await live.close();
    expect(live.record(reading(t + 4000, { imp: 5000 }))).toBe(false);
    const again = createRecorder({ path, clock: { now: () => NOW } });
    expect(again.power({ meterId: 'M1', from: 0, to: ALL.to }).at).toHaveLength(361);
    again.close();
  });

  it('reports a full disk through onError from the writer thread', async () => {
    const errors: HistoryError[] = [];
    const live = createLiveRecorder({
      path: join(dir, 'full.sqlite'),
      clock: { now: () => NOW },
      maxBytes: 64 * 1024,
      onError: (e) => errors.push(e),
    });
    const t = at('2025-01-01T00:00:00+01:00');
    for (let i = 0; i < 500; i++) live.record(reading(t + i * 7200, { imp: i }));
    await live.flush();
    await live.close();
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toBeInstanceOf(HistoryError);
    expect(errors[0]!.code).toBe('FULL');
  });

  it('refuses a foreign file at creation, before any thread starts', () => {
    const path = join(dir, 'foreign.sqlite');
    writeFileSync(path, 'not sqlite '.repeat(500));
    expect(() => createLiveRecorder({ path })).toThrow(/not a LuxP1 history database/);
  });
});
