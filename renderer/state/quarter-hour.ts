/**
 * The power class live: how much energy this quarter-hour has drawn so far, from the import register
 * (never from integrating power), and where it is heading at the present power. Quarter-hours are
 * aligned on UTC as well, since Luxembourg's offsets are whole hours. Pure: the store feeds it each
 * reading.
 */

const QUARTER_MS = 900_000;
/** A reading this close before the boundary lets us interpolate the register at the boundary itself. */
const BRIDGE_MS = 60_000;

export interface QuarterTrack {
  quarterStart: number; // epoch ms
  baseAt: number; // when `baseWh` held: the boundary itself, or the first reading when we started late
  baseWh: number;
  lastAt: number;
  lastWh: number;
  powerW: number | null;
}

export function trackQuarter(prev: QuarterTrack | null, at: number, importWh: number, powerW: number | null): QuarterTrack {
  const quarterStart = Math.floor(at / QUARTER_MS) * QUARTER_MS;
  if (prev && prev.quarterStart === quarterStart && importWh >= prev.lastWh && at >= prev.lastAt) {
    return { ...prev, lastAt: at, lastWh: importWh, powerW };
  }
  // A new quarter: bridge from the previous reading when it is just before the boundary and the register went on.
  const bridge = prev !== null && quarterStart - prev.lastAt <= BRIDGE_MS && prev.lastAt < quarterStart && importWh >= prev.lastWh;
  if (bridge) {
    const share = (quarterStart - prev.lastAt) / (at - prev.lastAt);
    const baseWh = prev.lastWh + Math.round((importWh - prev.lastWh) * share);
    return { quarterStart, baseAt: quarterStart, baseWh, lastAt: at, lastWh: importWh, powerW };
  }
  return { quarterStart, baseAt: at, baseWh: importWh, lastAt: at, lastWh: importWh, powerW };
}

export interface QuarterView {
  quarterEnd: number;
  soFarWh: number; // drawn since baseAt
  allowanceWh: number; // what the class allows in a quarter-hour
  projectedWh: number; // so far + the present power until the end (and since the boundary, when we started late)
  projectedKw: number; // the quarter-hour's average power if the present power holds
  partial: boolean; // we did not see the quarter's start: part of the figure is projected backwards too
  over: boolean; // the projection is above the class
}

export function quarterView(track: QuarterTrack, referenceKw: number, now: number): QuarterView | null {
  const quarterEnd = track.quarterStart + QUARTER_MS;
  if (now >= quarterEnd) return null; // this quarter is over: nothing current to say until the next reading
  const soFarWh = track.lastWh - track.baseWh;
  const power = track.powerW ?? 0;
  const missingMs = Math.max(0, quarterEnd - track.lastAt) + (track.baseAt - track.quarterStart);
  const projectedWh = Math.round(soFarWh + (power * missingMs) / 3_600_000);
  const allowanceWh = Math.round(referenceKw * 250);
  return {
    quarterEnd,
    soFarWh,
    allowanceWh,
    projectedWh,
    projectedKw: projectedWh / 250,
    partial: track.baseAt > track.quarterStart,
    over: projectedWh > allowanceWh,
  };
}
