/**
 * A household's active power over the day, and a rooftop PV system's production: pure functions of
 * (seed, time), so a simulated meter is reproducible from a seed and a clock, whatever order the
 * telegrams are built in.
 *
 * Shape (local time): a morning peak around 07:30, a larger evening peak around 19:00 (2–5 kW with
 * noise), some cooking at noon, over an always-on base that moves the way a real one does at every
 * hour, night included: standby loads that wander by a few watts every second, a fridge and a freezer
 * whose compressors cycle on and off every half hour or so, and short appliance runs (kettle,
 * microwave, lights, a pump) while people are awake. The night total stays about 50–300 W. PV follows
 * the sun's elevation over a day length that changes with the season at Luxembourg's latitude (~49.6° N).
 */
import { HOUR_MS, luxHourOfDay } from './lux-time.ts';

const DAY_MS = 86_400_000;
const NOISE_SLOT_MS = 10_000; // the peaks' jitter: one sample per Smarty push interval
const STANDBY_SLOT_MS = 1_000; // standby wanders every second, so fast demo intervals see it too
const APPLIANCE_SLOT_MS = 300_000;
const STEP_W = 13; // see standbyNoiseW
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

/** A compressor that runs `duty` of every cycle of `periodMs`, at a phase fixed by the seed. */
function compressorW(seed: number, salt: number, t: number, periodMs: number, duty: number, watts: number): number {
  const phase = (t / periodMs + noise01(seed, salt, 30)) % 1;
  return phase < duty ? watts : 0;
}

/**
 * Standby noise, 0..12 W, a new value every second. The load is kept in steps of 13 W and this noise
 * is what is left over: its value mod 13 differs for any two seconds less than 13 s apart (5 is
 * invertible mod 13), so two telegrams of different seconds always differ, whatever the other loads
 * (and PV, also in 13 W steps) do in between: the shown power moves at every hour at any push
 * interval up to 12 s.
 */
function standbyNoiseW(seed: number, t: number): number {
  const second = Math.floor(t / STANDBY_SLOT_MS);
  return (((second * 5 + (seed % 13)) % 13) + 13) % 13;
}

/** Short appliance runs while people are awake: at most one per 5-minute slot, more likely at the peaks. */
function appliancesW(seed: number, t: number, hour: number): number {
  const slot = Math.floor(t / APPLIANCE_SLOT_MS);
  const awake = hour >= 6.5 && hour < 23 ? 1 : 0;
  const chance = awake * (0.25 + 0.35 * (bump(hour, 7.5, 1) + bump(hour, 19, 2)));
  if (noise01(seed, slot, 32) >= chance) return 0;
  const kind = APPLIANCES[Math.floor(noise01(seed, slot, 33) * APPLIANCES.length)]!;
  const into = t - slot * APPLIANCE_SLOT_MS;
  const startsAt = noise01(seed, slot, 34) * (APPLIANCE_SLOT_MS - kind.ms);
  return into >= startsAt && into < startsAt + kind.ms ? kind.watts : 0;
}

const APPLIANCES = [
  { watts: 2_000, ms: 150_000 }, // kettle
  { watts: 900, ms: 240_000 }, // microwave
  { watts: 150, ms: 290_000 }, // lights, a TV
  { watts: 450, ms: 180_000 }, // a pump, a vacuum cleaner on low
] as const;

/** The household's own consumption in W at `at` (before any PV), 40..5000. */
export function householdLoadW(seed: number, at: Date): number {
  const t = at.getTime();
  const day = Math.floor(t / DAY_MS);
  const hour = luxHourOfDay(at);
  const standby = 60 + 50 * noise01(seed, day, 1); // router, standby, clocks
  const fridge = compressorW(seed, 1, t, (30 + 12 * noise01(seed, 2, 35)) * 60_000, 0.4, 80 + Math.round(30 * noise01(seed, 3, 35)));
  const freezer = compressorW(seed, 4, t, (41 + 15 * noise01(seed, 5, 35)) * 60_000, 0.35, 50 + Math.round(20 * noise01(seed, 6, 35)));
  const dayScale = 0.8 + 0.3 * noise01(seed, day, 2);
  const morning = 2_200 * bump(hour, 7.5 + noise01(seed, day, 3) - 0.5, 0.7);
  const noon = 700 * bump(hour, 12.5, 0.6);
  const evening = 3_900 * bump(hour, 19 + noise01(seed, day, 4) - 0.5, 1.3);
  const jitter = 0.9 + 0.2 * noise01(seed, Math.floor(t / NOISE_SLOT_MS), 5);
  const load = standby + fridge + freezer + appliancesW(seed, t, hour) + dayScale * (morning + noon + evening) * jitter;
  const capped = Math.min(MAX_LOAD_W - 2 * STEP_W + 5, load); // room for the noise on top
  return STEP_W * Math.round(capped / STEP_W) + standbyNoiseW(seed, t);
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
  // In steps of 13 W, so the sun's drift can never cancel the standby noise (see standbyNoiseW).
  return STEP_W * Math.round((peakW * elevation ** 1.5 * clouds) / STEP_W);
}
