/**
 * A simulated Smarty's readings: the central's port config plus a clock in, a whole Telegram out
 * (every object the meter can push; the encoder then keeps the configured ones). Deterministic for
 * a given seed and sequence of clock readings.
 */
import type { Telegram } from '../../protocol/types.ts';
import { createElectricityModel } from './electricity-model.ts';
import { noise01 } from './load-curve.ts';
import { toLuxIso } from './lux-time.ts';
import { createMbusModel } from './mbus-model.ts';
import type { PortConfig } from '../../contracts/central.ts';

export interface MeterModelOptions {
  seed: number;
  /** Peak power of a rooftop PV system in W; 0 (default) for none. */
  pvPeakW?: number;
  /** High-water marks of an earlier run (`marks()`): no register starts below its mark. */
  registers?: Record<string, number>;
}

/** A seed derived from a meter id, so each meter of a fleet looks different but stays the same. */
export function seedFromMeterId(meterId: string): number {
  let h = 2166136261;
  for (let i = 0; i < meterId.length; i++) h = Math.imul(h ^ meterId.charCodeAt(i), 16777619) >>> 0;
  return h;
}

/** Creates one meter's model; call `telegram` once per push with a non-decreasing clock. */
export function createMeterModel(opts: MeterModelOptions) {
  const seed = opts.seed >>> 0;
  const electricity = createElectricityModel(seed, opts.pvPeakW ?? 0, opts.registers ?? {});
  const mbus = createMbusModel(seed, opts.registers ?? {});
  const serial = String(250_000_000 + Math.floor(noise01(seed, 1, 400) * 9_999_999));
  const header = `/Lux5\\${serial}_D`;
  const powerFailures = Math.floor(noise01(seed, 2, 400) * 25);
  const sag = (i: number) => Math.floor(noise01(seed, 10 + i, 400) * 8);
  const swell = (i: number) => Math.floor(noise01(seed, 20 + i, 400) * 3);

  function telegram(config: PortConfig, at: Date): Telegram {
    const e = electricity.read(at, config.breaker);
    const currentLimit = Math.round((config.powerLimitKva * 1000) / (3 * 230)); // 27.6 kVA → 40 A per phase
    return {
      header,
      version: '42',
      timestamp: toLuxIso(at),
      message: config.messages['0'],
      channelMessages: { '2': config.messages['2'], '3': config.messages['3'], '4': config.messages['4'], '5': config.messages['5'] },
      electricity: {
        meterId: config.meterId,
        ...e,
        powerLimitKva: config.powerLimitKva,
        currentLimitsA: { import: currentLimit, export: -currentLimit },
        breaker: config.breaker,
        relays: { relay1: config.relays.relay1, relay2: config.relays.relay2 },
        powerFailures,
        voltageSags: { l1: sag(1), l2: sag(2), l3: sag(3) },
        voltageSwells: { l1: swell(1), l2: swell(2), l3: swell(3) },
      },
      mbus: mbus.read(config.mbus, at),
      unknown: [],
      crc: 0, // the encoder computes the real one
    };
  }

  /** Every register's current value (electricity in whole Wh/varh, M-Bus in thousandths), by name. */
  const marks = (): Record<string, number> => ({ ...electricity.marks(), ...mbus.marks() });

  return { telegram, marks };
}
