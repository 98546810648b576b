/**
 * What the costs and comparison panels ask of the recorder: the quarter-hours of a period (in spans
 * the contract allows, 31 days at a time), and the import energy of a span from daily sums. A period
 * still running is compared over the same elapsed time, never a part against a whole.
 */
import type { ElectricityRecord } from '../../../contracts/history.ts';
import type { ApiResult, LuxApi } from '../../../contracts/ipc.ts';
import { localDate, periodAt, type Period, shiftPeriod } from './period.ts';
import { luxMidnight } from '../../../contracts/lux-calendar.ts';

const CHUNK_MS = 31 * 86_400_000;

export async function fetchQuarterHours(api: LuxApi, meterId: string, from: number, to: number): Promise<ApiResult<ElectricityRecord[]>> {
  const records: ElectricityRecord[] = [];
  for (let at = from; at < to; at += CHUNK_MS) {
    const r = await api['history:series']({ meterId, kind: 'electricity', step: '15m', from: at, to: Math.min(to, at + CHUNK_MS) });
    if (!r.ok) return r;
    if (r.value.kind === 'electricity') records.push(...r.value.records);
  }
  return { ok: true, value: records };
}

/** Import energy over [from, to) from hourly (under two days) or daily sums; null when nothing was recorded. */
export async function importWh(api: LuxApi, meterId: string, from: number, to: number): Promise<ApiResult<number | null>> {
  if (to <= from) return { ok: true, value: null };
  const step = to - from < 2 * 86_400_000 ? '1h' : '1d';
  const r = await api['history:series']({ meterId, kind: 'electricity', step, from, to });
  if (!r.ok) return r;
  const records = r.value.kind === 'electricity' ? r.value.records : [];
  return { ok: true, value: records.length === 0 ? null : records.reduce((sum, d) => sum + d.importWh, 0) };
}

/** The same period a year earlier: the same dates (a week: the week 52 weeks before, same weekdays). */
export function yearAgo(p: Period): Period {
  if (p.kind === 'week') return periodAt('week', p.from - 364 * 86_400_000);
  const [y, m, d] = localDate(p.from);
  return periodAt(p.kind, luxMidnight(y - 1, m, d) * 1000);
}

export const previous = (p: Period): Period => shiftPeriod(p, -1);

/**
 * How much of the period to compare: all of it once it is over; of today, the whole hours behind
 * us; of a longer period, the whole local days behind us (today, still running, is left out of both sides).
 */
export function elapsedMs(p: Period, now: number): number {
  if (now >= p.to) return p.to - p.from;
  if (p.kind === 'day') return Math.max(0, Math.floor((now - p.from) / 3_600_000) * 3_600_000);
  const [y, m, d] = localDate(now);
  return Math.max(0, luxMidnight(y, m, d) * 1000 - p.from);
}
