/**
 * From two successive telegrams to quarter-hour and day sums. Energy always comes from the register
 * difference between the two (never from power); the interval (a.t, b.t] belongs to the quarter-hour
 * it falls in, so a telegram at 12:15:00 closes the 12:00 quarter as the meter's own profile does.
 * Across a gap the exact difference is spread over the quarter-hours in proportion to time, in whole
 * Wh that add up exactly, and each of them is marked estimated. A register that goes backwards, or
 * forwards faster than any household can draw, is a new series: the pair contributes nothing.
 */
import type { Sample } from './block-codec.ts';
import { luxDayStart, QUARTER_S } from './lux-calendar.ts';

/** Longer than this between two telegrams (normally 10 s) is a gap whose spread is an estimate. */
export const GAP_S = 60;
/** Faster than this a register cannot move in a home: the jump is another meter, not consumption. */
export const MAX_PLAUSIBLE_W = 250_000;

export const RES_QUARTER = 0;
export const RES_DAY = 1;

/** What one bucket gains (or, when a late telegram splits a pair, loses). `est` counts gap spreads. */
export interface AggDelta {
  res: number;
  start: number;
  imp: number;
  exp: number;
  impR: number;
  expR: number;
  peak: number; // -1: no power seen
  est: number;
}

export type Deltas = Map<number, AggDelta>;

const REGISTERS = ['imp', 'exp', 'impR', 'expR'] as const;

/** Longer than this between two telegrams, a spread would be meaningless (and millions of rows): a new series. */
export const MAX_GAP_S = 400 * 86_400;

/** Whether b follows a on the same series (no register backwards, no implausible jump, no gap of years). */
export function sameSeries(a: Sample, b: Sample): boolean {
  if (b.t - a.t > MAX_GAP_S) return false;
  const limit = (MAX_PLAUSIBLE_W * (b.t - a.t)) / 3600 + 1000;
  for (const r of REGISTERS) {
    const d = b[r] - a[r];
    if (d < 0 || d > limit) return false;
  }
  return true;
}

function bucket(deltas: Deltas, res: number, start: number): AggDelta {
  const key = start * 2 + res;
  let d = deltas.get(key);
  if (d === undefined) {
    d = { res, start, imp: 0, exp: 0, impR: 0, expR: 0, peak: -1, est: 0 };
    deltas.set(key, d);
  }
  return d;
}

function add(deltas: Deltas, quarter: number, sign: 1 | -1, amounts: readonly number[], est: number): void {
  const q = bucket(deltas, RES_QUARTER, quarter);
  const d = bucket(deltas, RES_DAY, luxDayStart(quarter));
  for (let i = 0; i < 4; i++) {
    const r = REGISTERS[i]!;
    q[r] += sign * amounts[i]!;
    d[r] += sign * amounts[i]!;
  }
  q.est += sign * est;
  d.est += sign * est;
}

/** Splits `total` over `weights` in whole units that add up to `total` exactly (largest remainder). */
export function apportion(total: number, weights: readonly number[], weightSum: number): number[] {
  const parts = weights.map((w) => Math.floor((total * w) / weightSum));
  let rest = total - parts.reduce((s, p) => s + p, 0);
  const order = weights.map((w, i) => [(total * w) % weightSum, i] as const).sort((x, y) => y[0] - x[0] || x[1] - y[1]);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) parts[order[k]![1]]! += 1;
  return parts;
}

/** Adds (sign 1) or removes (sign -1) the energy of the pair a → b (a.t < b.t) to `deltas`. */
export function applyPair(deltas: Deltas, a: Sample, b: Sample, sign: 1 | -1): void {
  if (!sameSeries(a, b)) return;
  const amounts = REGISTERS.map((r) => b[r] - a[r]);
  const first = Math.floor(a.t / QUARTER_S) * QUARTER_S;
  const last = Math.floor((b.t - 1) / QUARTER_S) * QUARTER_S;
  if (first === last || b.t - a.t <= GAP_S) {
    add(deltas, last, sign, amounts, 0);
    return;
  }
  const quarters: number[] = [];
  const weights: number[] = [];
  for (let q = first; q <= last; q += QUARTER_S) {
    quarters.push(q);
    weights.push(Math.min(b.t, q + QUARTER_S) - Math.max(a.t, q));
  }
  const split = amounts.map((total) => apportion(total, weights, b.t - a.t));
  for (let i = 0; i < quarters.length; i++)
    add(deltas, quarters[i]!, sign, [split[0]![i]!, split[1]![i]!, split[2]![i]!, split[3]![i]!], 1);
}

/** Records a telegram's import power (an instant, unlike energy) as a candidate for the peak of its quarter and day. */
export function applyPeak(deltas: Deltas, s: Sample): void {
  if (s.pImp === null) return;
  const quarter = Math.floor(s.t / QUARTER_S) * QUARTER_S;
  const q = bucket(deltas, RES_QUARTER, quarter);
  const d = bucket(deltas, RES_DAY, luxDayStart(quarter));
  q.peak = Math.max(q.peak, s.pImp);
  d.peak = Math.max(d.peak, s.pImp);
}
