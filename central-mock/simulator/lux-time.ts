/**
 * Luxembourg wall-clock time as a Smarty writes it: local time with the offset of the day
 * (+01:00 winter "W", +02:00 summer "S"). The offset comes from Intl's tz database rather than a
 * hand-written EU DST rule, so it stays right for any year the runtime knows.
 */

const TZ = 'Europe/Luxembourg';
const HOUR_MS = 3_600_000;

const offsetFormat = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, timeZoneName: 'longOffset' });

let cachedHour = NaN;
let cachedOffset = 0;

/** Minutes east of UTC in Luxembourg at `at` (60 in winter, 120 in summer). */
export function luxOffsetMinutes(at: Date): number {
  // Offsets change only on full UTC hours: one Intl call per hour instead of several per telegram.
  const hour = Math.floor(at.getTime() / HOUR_MS);
  if (hour !== cachedHour) {
    cachedOffset = offsetAt(at);
    cachedHour = hour;
  }
  return cachedOffset;
}

function offsetAt(at: Date): number {
  const name = offsetFormat.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name);
  if (!m || m[1] === undefined) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

/** True while Luxembourg is on summer time (the telegram's "S" flag). */
export function isLuxSummerTime(at: Date): boolean {
  return luxOffsetMinutes(at) > 60;
}

/** `at` as ISO 8601 in Luxembourg local time with its offset, whole seconds: 2026-04-03T17:54:31+02:00. */
export function toLuxIso(at: Date): string {
  const offset = luxOffsetMinutes(at);
  const local = new Date(Math.floor(at.getTime() / 1000) * 1000 + offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local.toISOString().slice(0, 19)}${sign}${hh}:${mm}`;
}

/** Local hour of day (0..23, fractional) in Luxembourg: what a household's load follows. */
export function luxHourOfDay(at: Date): number {
  const local = at.getTime() + luxOffsetMinutes(at) * 60_000;
  const dayMs = ((local % 86_400_000) + 86_400_000) % 86_400_000;
  return dayMs / HOUR_MS;
}

/**
 * The last full hour at or before `at`. Luxembourg's offsets are whole hours, so the local full
 * hour is the UTC full hour: no DST special case is needed here.
 */
export function lastFullHour(at: Date): Date {
  return new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
}

export { HOUR_MS };
