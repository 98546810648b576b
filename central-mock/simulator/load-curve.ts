/**
 * A household's active power over the day, and a rooftop PV system's production: pure functions of
 * (seed, time), so a simulated meter is reproducible from a seed and a clock, whatever order the
 * telegrams are built in.
 *
 * Shape (local time): a night base load of 150–300 W, a morning peak around 07:30 and a larger
 * evening peak around 19:00 (2–5 kW with noise), some cooking at noon. PV follows the sun's
 * elevation over a day length that changes with the season at Luxembourg's latitude (~49.6° N).
 */
import { HOUR_MS, luxHourOfDay } from './lux-time.ts';

const DAY_MS = 86_400_000;
const NOISE_SLOT_MS = 10_000; // one noise sample per push interval: the value is stable within a telegram
const CLOUD_SLOT_MS = 300_000; // clouds change over minutes, not seconds
const MAX_LOAD_W = 5_000;

/** Deterministic hash of (seed, a, b) to [0, 1): a stateless PRNG keyed by time slots. */
export function noise01(seed: number, a: number, b = 0): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (a >>> 0), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ Math.floor(a / 0x1_0000_0000), 0xc2b2ae35) >>> 0;
  h = Math.imul(h ^ (b >>> 0), 0x27d4eb2f) >>> 0;
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d) >>> 0;
  h ^= h >>> 12;
  h = Math.imul(h, 0x297a2d39) >>> 0;
  h ^= h >>> 15;
  return (h >>> 0) / 0x1_0000_0000;
}

function bump(hour: number, centre: number, width: number): number {
  const d = (hour - centre) / width;
  return Math.exp(-0.5 * d * d);
}

/** The household's own consumption in W at `at` (before any PV), 150..5000. */
export function householdLoadW(seed: number, at: Date): number {
  const t = at.getTime();
  const day = Math.floor(t / DAY_MS);
  const hour = luxHourOfDay(at);
  const base = 150 + 150 * noise01(seed, day, 1); // fridge, standby, router: 150–300 W
  const dayScale = 0.8 + 0.3 * noise01(seed, day, 2);
  const morning = 2_100 * bump(hour, 7.5 + noise01(seed, day, 3) - 0.5, 0.7);
  const noon = 700 * bump(hour, 12.5, 0.6);
  const evening = 3_900 * bump(hour, 19 + noise01(seed, day, 4) - 0.5, 1.3);
  const jitter = 0.9 + 0.2 * noise01(seed, Math.floor(t / NOISE_SLOT_MS), 5);
  const load = base + dayScale * (morning + noon + evening) * jitter;
  return Math.round(Math.min(MAX_LOAD_W, load));
}

/** Sunrise and sunset as UTC hours for the day of `at`, at Luxembourg's latitude. */
export function daylightUtcHours(at: Date): { sunrise: number; sunset: number } {
  const start = Date.UTC(at.getUTCFullYear(), 0, 1);
  const dayOfYear = Math.floor((at.getTime() - start) / DAY_MS);
  const dayLength = 12.2 + 4.1 * Math.sin((2 * Math.PI * (dayOfYear - 80)) / 365);
  const solarNoon = 11.6; // UTC, at 6.1° E
  return { sunrise: solarNoon - dayLength / 2, sunset: solarNoon + dayLength / 2 };
}

/** PV production in W at `at` for a system of `peakW`: 0 between sunset and sunrise. */
export function pvProductionW(seed: number, at: Date, peakW: number): number {
  if (peakW <= 0) return 0;
  const t = at.getTime();
  const utcHour = (((t % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS;
  const { sunrise, sunset } = daylightUtcHours(at);
  if (utcHour <= sunrise || utcHour >= sunset) return 0;
  const elevation = Math.sin((Math.PI * (utcHour - sunrise)) / (sunset - sunrise));
  const clouds = 0.55 + 0.45 * noise01(seed, Math.floor(t / CLOUD_SLOT_MS), 6);
  return Math.round(peakW * elevation ** 1.5 * clouds);
}
