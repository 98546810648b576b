/**
 * Peer figures for `GET /api/peers/daily`. A real central system would aggregate the meters' own
 * load curves; this one has no history, so it simulates each meter's day with the simulator's
 * household model (the same one `luxp1 simulate` pushes), over a fixed sample of the fleet. A meter's
 * power class is likewise simulated from its id. The answer is cached per (day, class).
 */
import { PEER_MIN_METERS, type PeerDaily } from '../contracts/peers.ts';
import { householdLoadW, noise01 } from './simulator/load-curve.ts';
import { luxOffsetMinutes } from './simulator/lux-time.ts';
import { seedFromMeterId } from './simulator/meter-model.ts';

/** How many meters (the first by id) the simulation looks at: enough for stable percentiles, cheap per day. */
export const PEER_SAMPLE = 400;
const STEP_MS = 5 * 60_000;

/** The simulated power class of a meter: most homes 3 kW, some 7, few 12. */
export function simulatedClassKw(meterId: string): 3 | 7 | 12 {
  const x = noise01(seedFromMeterId(meterId), 7, 500);
  return x < 0.6 ? 3 : x < 0.9 ? 7 : 12;
}

/** Local midnight of `date` in Luxembourg as epoch ms. */
function luxMidnight(date: string): number {
  const utc = Date.parse(`${date}T00:00:00Z`);
  return utc - luxOffsetMinutes(new Date(utc)) * 60_000;
}

/** One meter's simulated import over the local day, Wh (a class scales the household up a little). */
function dailyWh(meterId: string, date: string, classKw: number): number {
  const seed = seedFromMeterId(meterId);
  const from = luxMidnight(date);
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const to = luxMidnight(next);
  const scale = classKw === 3 ? 1 : classKw === 7 ? 1.6 : 2.4;
  let wh = 0;
  for (let t = from; t < to; t += STEP_MS) wh += (householdLoadW(seed, new Date(t)) * scale * STEP_MS) / 3_600_000;
  return Math.round(wh);
}

const rank = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;

export function createPeers(sampleIds: () => string[]) {
  const cache = new Map<string, PeerDaily>();
  return {
    daily(date: string, classKw: number): PeerDaily {
      const id = `${date}|${classKw}`;
      const hit = cache.get(id);
      if (hit) return hit;
      const meters = sampleIds().filter((m) => simulatedClassKw(m) === classKw);
      const days = meters.map((m) => dailyWh(m, date, classKw)).sort((a, b) => a - b);
      const percentilesWh =
        days.length < PEER_MIN_METERS
          ? null
          : { p10: rank(days, 0.1), p25: rank(days, 0.25), p50: rank(days, 0.5), p75: rank(days, 0.75), p90: rank(days, 0.9) };
      const answer = { date, classKw, meters: days.length, percentilesWh };
      if (cache.size >= 256) cache.clear();
      cache.set(id, answer);
      return answer;
    },
  };
}

export type Peers = ReturnType<typeof createPeers>;
