/**
 * Luxembourg local calendar for the history buckets: quarter-hours, hours, days and months in
 * Europe/Luxembourg, so a DST day has 92 or 100 quarter-hours. Offsets come from Intl's tz data.
 * Luxembourg's offsets are whole hours, so quarter-hours and hours are aligned in UTC as well.
 * All times here are epoch seconds.
 */

const TZ = 'Europe/Luxembourg';
export const QUARTER_S = 900;
export const HOUR_S = 3600;

const offsetFormat = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, timeZoneName: 'longOffset' });
const offsetCache = new Map<number, number>();

/** Seconds east of UTC in Luxembourg at `t` (3600 in winter, 7200 in summer). */
export function luxOffset(t: number): number {
  // Offsets change only on full UTC hours: one Intl call per hour.
  const hour = Math.floor(t / HOUR_S);
  let offset = offsetCache.get(hour);
  if (offset === undefined) {
    const name = offsetFormat.formatToParts(new Date(hour * HOUR_S * 1000)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name);
    offset = !m || m[1] === undefined ? 0 : (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60);
    if (offsetCache.size > 200_000) offsetCache.clear();
    offsetCache.set(hour, offset);
  }
  return offset;
}

/** `t` as ISO 8601 Luxembourg local time with its offset, whole seconds: 2026-04-03T17:54:30+02:00. */
export function luxIso(t: number): string {
  const offset = luxOffset(t);
  const local = new Date((t + offset) * 1000).toISOString().slice(0, 19);
  const h = Math.floor(Math.abs(offset) / 3600);
  const m = Math.floor((Math.abs(offset) % 3600) / 60);
  return `${local}${offset < 0 ? '-' : '+'}${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** UTC epoch seconds of local midnight starting the local day that contains `t`. */
export function luxDayStart(t: number): number {
  const localDay = Math.floor((t + luxOffset(t)) / 86_400) * 86_400;
  // DST switches at 01:00 UTC, never near local midnight: the offset an hour before midnight is midnight's.
  return localDay - luxOffset(localDay - luxOffset(t) - HOUR_S);
}

/** Local midnight of the calendar date y-m-d (m 1..12; days overflow into the next month as Date.UTC does). */
export function luxMidnight(y: number, m: number, d: number): number {
  const localDay = Date.UTC(y, m - 1, d) / 1000;
  return localDay - luxOffset(localDay - 2 * HOUR_S);
}

export function luxNextDay(dayStart: number): number {
  return luxDayStart(dayStart + 36 * HOUR_S);
}

/** Local midnight of the first day of the month containing `t`. */
export function luxMonthStart(t: number): number {
  const local = new Date((t + luxOffset(t)) * 1000);
  return luxMidnight(local.getUTCFullYear(), local.getUTCMonth() + 1, 1);
}

export function luxNextMonth(monthStart: number): number {
  return luxMonthStart(monthStart + 32 * 86_400);
}

/**
 * Epoch ms from a command-line or request time: full ISO 8601 with offset or Z as written; a bare
 * date (2026-03-29) or date-time without offset is read as Luxembourg local time. NaN when invalid.
 */
export function parseLuxTime(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (m) {
    const [y, mo, d, h, mi, s] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x))) as number[];
    if (mo! < 1 || mo! > 12 || d! < 1 || d! > 31 || h! > 23 || mi! > 59 || s! > 59) return Number.NaN;
    const local = Date.UTC(y!, mo! - 1, d!, h, mi, s) / 1000;
    if (new Date(local * 1000).getUTCDate() !== d) return Number.NaN;
    return (local - luxOffset(local - luxOffset(local))) * 1000;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return Number.NaN;
  return Date.parse(text);
}
