/**
 * The demo's past: a household that has been on LuxP1 for a while, so the History, costs and
 * comparisons have something to show the moment the demo starts. From the demo meter's first live
 * telegram, the same household model the simulated meter runs on (central-mock/simulator) is walked
 * backwards a quarter-hour at a time: the registers end exactly where the live meter's are, so the
 * past and the live series are one. Gas, water and heat go back hour by hour from their live index.
 */
import { luxIso } from '../../contracts/lux-calendar.ts';
import type { ReadingRecord } from '../../contracts/ipc.ts';
import { householdLoadW } from '../../central-mock/simulator/load-curve.ts';
import { hourlyConsumptionMilli } from '../../central-mock/simulator/mbus-model.ts';
import { seedFromMeterId } from '../../central-mock/simulator/meter-model.ts';
import type { MbusChannel } from '../../protocol/types.ts';

const QUARTER_MS = 900_000;
const HOUR_MS = 3_600_000;

/** Mean power of the quarter-hour starting at `t`, sampled every five minutes (the model's own pace). */
function quarterPowerW(seed: number, t: number): number {
  let sum = 0;
  for (let i = 0; i < 3; i++) sum += householdLoadW(seed, new Date(t + i * 300_000 + 150_000));
  return sum / 3;
}

/** `days` of quarter-hourly telegrams ending just before `latest`, oldest first; [] when it has no registers. */
export function demoPast(latest: ReadingRecord, days: number): ReadingRecord[] {
  const e = latest.telegram.electricity;
  if (!e.meterId || e.importEnergyWh === undefined) return [];
  const seed = seedFromMeterId(e.meterId);
  let imp = e.importEnergyWh;
  let reactive = e.importReactiveVarh ?? 0;
  const mbus = (latest.telegram.mbus ?? []).filter((m) => typeof m.value === 'number' && m.capturedAt);
  // Each device's index in thousandths at the start of each hour, walked back with the model's consumption.
  const index = new Map(mbus.map((m) => [m.channel, Math.round((m.value as number) * 1000)]));
  let hour = Math.floor(Date.parse(mbus[0]?.capturedAt ?? '') / HOUR_MS);

  const out: ReadingRecord[] = [];
  const end = Math.floor(latest.receivedAt / QUARTER_MS) * QUARTER_MS;
  // The part of the live quarter-hour before the live telegram.
  let t = end;
  let power = quarterPowerW(seed, t); // of the quarter-hour starting at t: shown with t's telegram
  imp -= Math.round((power * (latest.receivedAt - end)) / HOUR_MS);
  for (let n = 0; n < days * 96 && imp > 0; n++) {
    const mbusNow: MbusChannel[] = [];
    if (t % HOUR_MS === 0 && Number.isFinite(hour)) {
      // The index a meter pushes during hour t is the one captured at its start.
      while (hour * HOUR_MS > t) {
        hour--;
        for (const m of mbus) index.set(m.channel, (index.get(m.channel) ?? 0) - hourlyConsumptionMilli(seed, m.channel, m.kind, hour));
      }
      for (const m of mbus) {
        const milli = index.get(m.channel) ?? 0;
        if (milli >= 0) mbusNow.push({ ...m, value: milli / 1000, capturedAt: luxIso(hour * 3600) });
      }
    }
    out.push({
      receivedAt: t,
      encrypted: latest.encrypted,
      frame: null,
      telegram: {
        ...latest.telegram,
        timestamp: luxIso(t / 1000),
        message: undefined,
        channelMessages: undefined,
        electricity: {
          meterId: e.meterId,
          importEnergyWh: imp,
          exportEnergyWh: e.exportEnergyWh ?? 0,
          importReactiveVarh: reactive,
          exportReactiveVarh: e.exportReactiveVarh ?? 0,
          importPowerW: Math.round(power),
          exportPowerW: 0,
        },
        mbus: mbusNow,
        unknown: [],
      },
    });
    // Back one quarter-hour: the registers held that much less at its start.
    t -= QUARTER_MS;
    power = quarterPowerW(seed, t); // the quarter-hour just stepped back over, and the next telegram's power
    const wh = Math.round(power / 4);
    imp -= wh;
    reactive = Math.max(0, reactive - Math.round(wh * 0.15));
  }
  return out.reverse();
}
