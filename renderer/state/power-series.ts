/**
 * The chart's last 24 hours of power, downsampled to one point per BUCKET_MS: the mean of the readings
 * that fell in it. At the meter's 10 s pace a bucket holds one reading and the chart is exact; the
 * 1 s demo still keeps at most CHART_BUCKETS + 1 points (8,641). Closed buckets are frozen and
 * reused from one array to the next, so each telegram makes one new point object. On load the
 * buckets are filled from the recorder (`history:power`, power-history.ts): a restart loses nothing.
 */
import { createRingBuffer } from './ring-buffer.ts';

export const CHART_WINDOW_MS = 24 * 60 * 60 * 1000;
export const BUCKET_MS = 10_000;
/** Closed buckets kept; the open (newest) bucket comes on top of these. */
export const CHART_BUCKETS = CHART_WINDOW_MS / BUCKET_MS;

/** One reading's power, as the host's snapshot history carries it. */
export interface PowerPoint {
  at: number;
  importPowerW: number | null;
  exportPowerW: number | null;
}

/** A drawn point: `at` is its newest reading's time, powers are means, `readings` how many. */
export interface ChartPoint extends PowerPoint {
  readings: number;
}

export interface PowerSeries {
  /** Adds one reading (or `readings` of them averaged, a point drawn before); returns the points, oldest first (a new array, old points reused). */
  add(point: PowerPoint, readings?: number): ChartPoint[];
  clear(): void;
}

interface OpenBucket {
  index: number;
  at: number;
  readings: number;
  importSum: number;
  importCount: number;
  exportSum: number;
  exportCount: number;
}

const mean = (sum: number, count: number): number | null => (count === 0 ? null : Math.round(sum / count));

const pointOf = (b: OpenBucket): ChartPoint =>
  Object.freeze({
    at: b.at,
    importPowerW: mean(b.importSum, b.importCount),
    exportPowerW: mean(b.exportSum, b.exportCount),
    readings: b.readings,
  });

/** Create an empty series. */
export function createPowerSeries(): PowerSeries {
  const closed = createRingBuffer<ChartPoint>(CHART_BUCKETS);
  let open: OpenBucket | null = null;
  let openPoint: ChartPoint | null = null;

  return {
    add(p, weight = 1) {
      const index = Math.floor(p.at / BUCKET_MS);
      if (open && openPoint && index > open.index) {
        closed.push(openPoint);
        open = null;
      }
      // A reading older than the open bucket (the host clock stepped back) joins it rather than
      // rewriting closed history.
      open ??= { index, at: p.at, readings: 0, importSum: 0, importCount: 0, exportSum: 0, exportCount: 0 };
      open.at = Math.max(open.at, p.at);
      open.readings += weight;
      if (p.importPowerW !== null) {
        open.importSum += p.importPowerW * weight;
        open.importCount += weight;
      }
      if (p.exportPowerW !== null) {
        open.exportSum += p.exportPowerW * weight;
        open.exportCount += weight;
      }
      const newest = pointOf(open);
      openPoint = newest;
      closed.dropWhile((b) => b.at <= newest.at - CHART_WINDOW_MS);
      const points = closed.toArray();
      points.push(newest);
      return points;
    },
    clear() {
      closed.clear();
      open = null;
      openPoint = null;
    },
  };
}
