/**
 * The History view's periods in Luxembourg local time (contracts/lux-calendar.ts, the calendar the
 * recorder sums by): a day of quarter-hours (92 or 100 on a DST day), a week from Monday in hours or
 * days, a month of days, a year of months. Everything here is epoch ms; the calendar works in seconds.
 */
import type { HistoryKind, HistoryStep } from '../../../contracts/history.ts';
import { luxDayStart, luxMidnight, luxMonthStart, luxNextDay, luxNextMonth, luxOffset } from '../../../contracts/lux-calendar.ts';

export type PeriodKind = 'day' | 'week' | 'month' | 'year';
export const PERIOD_KINDS: readonly PeriodKind[] = ['day', 'week', 'month', 'year'];
export type WeekResolution = 'hours' | 'days';

export interface Period {
  kind: PeriodKind;
  from: number; // epoch ms, local midnight starting the period
  to: number; // epoch ms, exclusive
  step: HistoryStep; // the step the series is asked for
  buckets: number[]; // each bar's start, epoch ms, in order
}

const s = (ms: number) => Math.floor(ms / 1000);
const ms = (sec: number) => sec * 1000;

/** The local calendar date of `at`: [year, month 1..12, day]. */
export function localDate(at: number): [number, number, number] {
  const d = new Date((s(at) + luxOffset(s(at))) * 1000);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/** "2026-03-29" for a date input. */
export function isoDate(at: number): string {
  const [y, m, d] = localDate(at);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Local midnight of a date input's "2026-03-29"; null when it is not a date. */
export function parseIsoDate(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) return null;
  return ms(luxMidnight(y, mo, d));
}

function start(kind: PeriodKind, at: number): number {
  const [y, m, d] = localDate(at);
  if (kind === 'day') return luxDayStart(s(at));
  if (kind === 'month') return luxMonthStart(s(at));
  if (kind === 'year') return luxMidnight(y, 1, 1);
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7; // Monday 0
  return luxMidnight(y, m, d - weekday);
}

function end(kind: PeriodKind, from: number): number {
  const [y, m, d] = localDate(ms(from));
  if (kind === 'day') return luxNextDay(from);
  if (kind === 'week') return luxMidnight(y, m, d + 7);
  if (kind === 'month') return luxNextMonth(from);
  return luxMidnight(y + 1, 1, 1);
}

/** The step of a period's bars: M-Bus devices report hourly, so their day is in hours. */
export function stepOf(kind: PeriodKind, history: HistoryKind, week: WeekResolution): HistoryStep {
  if (kind === 'day') return history === 'electricity' ? '15m' : '1h';
  if (kind === 'week') return week === 'hours' ? '1h' : '1d';
  return kind === 'month' ? '1d' : '1mo';
}

function bucketStarts(step: HistoryStep, from: number, to: number): number[] {
  const out: number[] = [];
  for (let t = from; t < to; ) {
    out.push(ms(t));
    if (step === '15m') t += 900;
    else if (step === '1h') t += 3600;
    else if (step === '1d') t = luxNextDay(t);
    else t = luxNextMonth(t);
  }
  return out;
}

/** The period of `kind` that contains `at`. */
export function periodAt(kind: PeriodKind, at: number, history: HistoryKind = 'electricity', week: WeekResolution = 'days'): Period {
  const from = start(kind, at);
  const to = end(kind, from);
  const step = stepOf(kind, history, week);
  return { kind, from: ms(from), to: ms(to), step, buckets: bucketStarts(step, from, to) };
}

/** The period before (-1) or after (+1) `p`, of the same kind. */
export function shiftPeriod(p: Period, by: -1 | 1, history: HistoryKind = 'electricity', week: WeekResolution = 'days'): Period {
  return periodAt(p.kind, by < 0 ? p.from - 1000 : p.to, history, week);
}
