import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ElectricityRecord } from '../../../contracts/history.ts';
import { demoPast } from '../../../electron/host/demo-past.ts';
import { createHistoryRoom } from '../../../electron/host/history-room.ts';
import { historyPath } from '../../../electron/host/history/index.ts';
import { createNotices } from '../../../electron/host/notices.ts';
import { createSettingsStore, DEFAULT_SETTINGS } from '../../../electron/host/settings.ts';
import { createFakeClock } from './fake-clock.ts';
import { at, reading } from './history/readings.ts';

const root = mkdtempSync(join(tmpdir(), 'luxp1-demo-past-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const LIVE = at('2026-11-30T18:07:20+01:00');
const live = reading(
  LIVE,
  { imp: 5_000_000, pImp: 900 },
  {
    meterId: 'SAG1030700012701',
    mbus: [{ channel: 1, deviceType: 3, kind: 'gas', value: 4100.266, unit: 'm3', capturedAt: '2026-11-30T18:00:00+01:00' }],
  },
);

describe('the demo’s past', () => {
  it('walks the household back a quarter-hour at a time, ending where the live registers are', () => {
    const past = demoPast(live, 30);
    expect(past).toHaveLength(30 * 96);
    expect(past.at(-1)!.receivedAt).toBe(Date.parse('2026-11-30T18:00:00+01:00')); // the boundary before the live telegram
    let before = past[0]!;
    for (const r of past.slice(1)) {
      expect(r.receivedAt - before.receivedAt).toBe(900_000);
      expect(r.telegram.electricity.importEnergyWh!).toBeGreaterThanOrEqual(before.telegram.electricity.importEnergyWh!);
      before = r;
    }
    const lead = live.telegram.electricity.importEnergyWh! - past.at(-1)!.telegram.electricity.importEnergyWh!;
    expect(lead).toBeGreaterThanOrEqual(0);
    expect(lead).toBeLessThan(5_000 * (440 / 3600)); // at most 5 kW over the 7 min 20 s before the live telegram
    // Gas every hour, rising to the live index, captured at the start of its hour.
    const gas = past.filter((r) => r.telegram.mbus?.length).map((r) => r.telegram.mbus![0]!);
    expect(gas).toHaveLength(30 * 24);
    expect(gas.at(-1)).toMatchObject({ value: 4100.266, capturedAt: '2026-11-30T18:00:00+01:00' });
    for (let i = 1; i < gas.length; i++) expect(gas[i]!.value!).toBeGreaterThanOrEqual(gas[i - 1]!.value!);
  });

  it('gives nothing for a telegram without a meter id or an import register', () => {
    const bare = reading(LIVE, { imp: 1 });
    bare.telegram.electricity = {};
    expect(demoPast(bare, 10)).toEqual([]);
  });

  it('is one series with the live telegrams in the recorder: whole days of measured quarter-hours, no reset', async () => {
    const dir = join(root, 'room');
    const settings = createSettingsStore(join(dir, 'settings.json'), { ...DEFAULT_SETTINGS });
    const room = createHistoryRoom({ path: historyPath(dir), settings, notices: createNotices(), clock: createFakeClock(LIVE * 1000) });
    try {
      expect(room.hasMeter('SAG1030700012701')).toBe(false);
      room.recordPast(demoPast(live, 30)); // before the live telegram, as the host hands them over
      room.record(live);
      room.record(reading(LIVE + 10, { imp: 5_000_003, pImp: 900 }, { meterId: 'SAG1030700012701' }));
      await room.flush();
      expect(room.hasMeter('SAG1030700012701')).toBe(true);
      const day = Date.parse('2026-11-20T00:00:00+01:00');
      const r = await room.handlers['history:series']({
        meterId: 'SAG1030700012701',
        kind: 'electricity',
        step: '15m',
        from: day,
        to: day + 86_400_000,
      });
      const quarters = r.ok ? (r.value.records as ElectricityRecord[]) : [];
      expect(quarters).toHaveLength(96);
      expect(quarters.every((q) => !q.estimated && q.importWh > 0)).toBe(true);
      const gas = await room.handlers['history:series']({
        meterId: 'SAG1030700012701',
        kind: 'gas',
        step: '1d',
        from: day,
        to: day + 86_400_000,
      });
      expect(gas.ok && gas.value.records.length).toBe(1);
      const events = await room.handlers['history:events']({ meterId: 'SAG1030700012701', from: 0, to: (LIVE + 60) * 1000 });
      expect(events.ok && events.value.filter((e) => e.kind === 'series-reset')).toEqual([]);
    } finally {
      await room.close();
    }
  });
});
