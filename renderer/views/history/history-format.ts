/**
 * Dates of the History view in the chosen language, in Luxembourg time (the meter's): the period's
 * title, the bars' axis ticks and tooltips. One Intl formatter per use and language.
 */
import { currentLanguage, currentLocales } from '../../i18n/index.ts';
import type { Period } from './period.ts';

const TIME_ZONE = 'Europe/Luxembourg';
const formats = new Map<string, Intl.DateTimeFormat>();

function format(use: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${use}|${currentLanguage()}`;
  let f = formats.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat(currentLocales(), { ...options, timeZone: TIME_ZONE });
    formats.set(id, f);
  }
  return f;
}

const DAY = { dateStyle: 'full' } as const;
const DATE = { day: 'numeric', month: 'short', year: 'numeric' } as const;
const MONTH = { month: 'long', year: 'numeric' } as const;
const YEAR = { year: 'numeric' } as const;

/** "Monday 30 November 2026", "23 – 29 Nov 2026", "November 2026", "2026". */
export function periodTitle(p: Period): string {
  if (p.kind === 'day') return format('day', DAY).format(p.from);
  if (p.kind === 'month') return format('month', MONTH).format(p.from);
  if (p.kind === 'year') return format('year', YEAR).format(p.from);
  return format('date', DATE).formatRange(p.from, p.buckets.length > 0 ? p.to - 12 * 3600_000 : p.from);
}

/** An axis tick for a bar of `p`. */
export function tickLabel(p: Period, start: number): string {
  if (p.step === '15m' || (p.step === '1h' && p.kind === 'day'))
    return format('clock', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(start);
  if (p.step === '1h') return format('weekdayHour', { weekday: 'short', hour: '2-digit', hourCycle: 'h23' }).format(start);
  if (p.kind === 'week') return format('weekday', { weekday: 'short', day: 'numeric' }).format(start);
  if (p.step === '1d') return format('dayOfMonth', { day: 'numeric' }).format(start);
  return format('monthShort', { month: 'short' }).format(start);
}

/** A bar's full name, for its tooltip: "30 Nov 2026, 14:15", "30 Nov 2026", "November 2026". */
export function barLabel(p: Period, start: number): string {
  if (p.step === '15m' || p.step === '1h')
    return format('dateTime', { ...DATE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(start);
  if (p.step === '1d') return format('date', DATE).format(start);
  return format('month', MONTH).format(start);
}
