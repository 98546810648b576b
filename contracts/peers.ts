/**
 * Anonymous peer figures (`GET /api/peers/daily` of the central system): how much households of one
 * power class drew on one day, as percentiles, and only where at least PEER_MIN_METERS meters
 * contribute, so no single household can be singled out. One type and one check. Node-free.
 */
import { fail, ok } from '../protocol/index.ts';
import type { Failure, Result } from '../protocol/types.ts';

export const PEER_MIN_METERS = 20;
export const PEER_CLASSES_KW = [3, 7, 12] as const;

export interface PeerDaily {
  date: string; // YYYY-MM-DD, Luxembourg local day
  classKw: number;
  meters: number; // how many meters contributed
  /** Daily import in Wh at the 10th…90th percentile; null when fewer than PEER_MIN_METERS contributed. */
  percentilesWh: { p10: number; p25: number; p50: number; p75: number; p90: number } | null;
}

export const isIsoDate = (s: unknown): s is string =>
  typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

export function checkPeerDaily(v: unknown): Result<PeerDaily, Failure<'BAD_REQUEST'>> {
  const o = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
  if (!isIsoDate(o.date)) return fail('BAD_REQUEST', 'peers: expected date as YYYY-MM-DD');
  if (typeof o.classKw !== 'number' || typeof o.meters !== 'number' || !Number.isInteger(o.meters) || o.meters < 0) {
    return fail('BAD_REQUEST', 'peers: expected classKw and meters as numbers');
  }
  const p = o.percentilesWh;
  if (p === null) return ok({ date: o.date, classKw: o.classKw, meters: o.meters, percentilesWh: null });
  const q = (typeof p === 'object' && p !== null ? p : {}) as Record<string, unknown>;
  const keys = ['p10', 'p25', 'p50', 'p75', 'p90'] as const;
  if (!keys.every((k) => typeof q[k] === 'number' && Number.isFinite(q[k]) && (q[k] as number) >= 0)) {
    return fail('BAD_REQUEST', 'peers: expected percentilesWh p10…p90 as numbers, or null');
  }
  if (o.meters < PEER_MIN_METERS) return fail('BAD_REQUEST', `peers: percentiles from fewer than ${PEER_MIN_METERS} meters`);
  const [p10, p25, p50, p75, p90] = keys.map((k) => q[k] as number) as [number, number, number, number, number];
  return ok({ date: o.date, classKw: o.classKw, meters: o.meters, percentilesWh: { p10, p25, p50, p75, p90 } });
}

/** The share of peers (0–1) who drew more than `wh` that day, interpolated between the percentiles. */
export function shareAbove(peers: NonNullable<PeerDaily['percentilesWh']>, wh: number): number {
  const points: [number, number][] = [
    [peers.p10, 0.1],
    [peers.p25, 0.25],
    [peers.p50, 0.5],
    [peers.p75, 0.75],
    [peers.p90, 0.9],
  ];
  if (wh <= peers.p10) return 0.9;
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i] as [number, number];
    const [x0, y0] = points[i - 1] as [number, number];
    if (wh <= x1) return 1 - (x1 === x0 ? y1 : y0 + ((y1 - y0) * (wh - x0)) / (x1 - x0));
  }
  return 0.1;
}
