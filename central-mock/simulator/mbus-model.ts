/**
 * Gas, water and heat meters on the Smarty's M-Bus: the central reads them hourly, so their index
 * moves once an hour and carries the capture time of the last full hour (Luxembourg local time).
 * A device attached while the meter runs has no reading yet (the 632525252525S placeholder) until
 * its first full hour has passed; devices present from the start report at once.
 * Indexes are kept in integer thousandths (litres, MJ) so they never drift or go backwards.
 */
import type { MbusChannel, MbusKind } from '../../protocol/types.ts';
import { noise01 } from './load-curve.ts';
import { HOUR_MS, luxHourOfDay, toLuxIso } from './lux-time.ts';
import type { MbusDevice } from '../../contracts/central.ts';

interface DeviceState {
  identity: string;
  placeholderUntil: number; // no reading while the current hour index is <= this (-1: never)
  hour: number; // the hour index `milli` is valid for
  milli: number; // index in thousandths of the unit
}

/** Thousandths of the unit consumed during the hour that starts at hour index `h`. */
export function hourlyConsumptionMilli(seed: number, channel: number, kind: MbusKind, h: number): number {
  const hour = luxHourOfDay(new Date(h * HOUR_MS));
  const r = noise01(seed, h, 100 + channel);
  const winter = 0.5 + 0.5 * Math.cos((2 * Math.PI * (new Date(h * HOUR_MS).getUTCMonth() + 0.5)) / 12);
  const awake = hour >= 6 && hour < 23 ? 1 : 0.15;
  const peaks = Math.exp(-0.5 * ((hour - 7.5) / 1.2) ** 2) + Math.exp(-0.5 * ((hour - 19.5) / 1.8) ** 2);
  switch (kind) {
    case 'gas': // m3: heating in winter, hot water all year
      return Math.round((30 + 450 * winter * awake + 150 * peaks) * (0.6 + 0.8 * r));
    case 'water':
    case 'hotWater': // m3: showers and dishes around the peaks, a drip at night
      return Math.round((2 * awake + 45 * peaks) * (0.3 + 1.4 * r));
    case 'heat':
    case 'cooling': // GJ, district heating
      return Math.round((1 + 12 * winter * awake) * (0.6 + 0.8 * r));
    default:
      return Math.round(10 * r);
  }
}

function initialMilli(seed: number, channel: number, kind: MbusKind, salt: number): number {
  const r = noise01(seed, channel, 200 + salt);
  if (kind === 'gas') return Math.round((1_500 + 18_000 * r) * 1000);
  if (kind === 'heat' || kind === 'cooling') return Math.round((20 + 300 * r) * 1000);
  return Math.round((100 + 2_500 * r) * 1000);
}

/** The name a device's index is persisted under: channel and identity, so a replaced device starts afresh. */
const markName = (channel: number, identity: string) => `mbus${channel}:${identity}`;

/**
 * Creates the M-Bus side of one meter; `read` is called once per telegram with a non-decreasing clock.
 * `start` holds indexes (thousandths) from an earlier run by `marks()` name: a device continues from there.
 */
export function createMbusModel(seed: number, start: Record<string, number> = {}) {
  const devices = new Map<number, DeviceState>();
  let started = false;

  function stateFor(d: MbusDevice, hourNow: number): DeviceState {
    const identity = `${d.kind}|${d.deviceType}|${d.equipmentId ?? ''}`; // as holdAtMarks names it
    const known = devices.get(d.channel);
    if (known && known.identity === identity) return known;
    // A replaced device is a new meter: new index, and a placeholder unless it was there from the start.
    const s: DeviceState = {
      identity,
      placeholderUntil: started ? hourNow : -1,
      hour: hourNow,
      milli: Math.max(initialMilli(seed, d.channel, d.kind, started ? hourNow : 0), start[markName(d.channel, identity)] ?? 0),
    };
    devices.set(d.channel, s);
    return s;
  }

  function read(config: readonly MbusDevice[], at: Date): MbusChannel[] {
    const hourNow = Math.floor(at.getTime() / HOUR_MS);
    const out: MbusChannel[] = [];
    for (const ch of [...devices.keys()]) if (!config.some((d) => d.channel === ch)) devices.delete(ch);
    for (const d of config) {
      const s = stateFor(d, hourNow);
      for (let h = s.hour; h < hourNow; h++) s.milli += hourlyConsumptionMilli(seed, d.channel, d.kind, h);
      s.hour = Math.max(s.hour, hourNow);
      const pending = hourNow <= s.placeholderUntil;
      const channel: MbusChannel = {
        channel: d.channel,
        deviceType: d.deviceType,
        kind: d.kind,
        equipmentId: d.equipmentId === '' ? null : d.equipmentId,
        value: pending ? null : s.milli / 1000,
        unit: pending ? null : d.unit,
        capturedAt: pending ? null : toLuxIso(new Date(s.hour * HOUR_MS)),
      };
      if (d.valve !== undefined) channel.valve = d.valve;
      out.push(channel);
    }
    started = true;
    return out;
  }

  /** Each device's index in thousandths, to persist as a high-water mark. */
  function marks(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [channel, s] of devices) out[markName(channel, s.identity)] = s.milli;
    return out;
  }

  return { read, marks };
}
