/**
 * DSMR timestamps (TST, DSMR5 §6.4): `YYMMDDhhmmssX`, local Luxembourg time, X = S (summer,
 * +02:00) or W (winter, +01:00). Meters without a reading yet send impossible or sentinel dates.
 */

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * TST → ISO 8601 with offset, e.g. `260403175431S` → `2026-04-03T17:54:31+02:00`.
 * `null` for "no reading yet": an impossible date (the Luxembourg placeholder `632525252525S`,
 * month 25) or Iskra's Unix-epoch sentinel `700101…` (1970-01-01, which as a 20YY year would be
 * 2070). `undefined` when `s` is not a TST at all.
 */
export function parseTimestamp(s: string): string | null | undefined {
  if (s.length !== 13) return undefined;
  const x = s.charCodeAt(12) & ~0x20; // lower-case s/w from some firmware read the same
  if (x !== 83 /* S */ && x !== 87 /* W */) return undefined;
  const yy = two(s, 0),
    mo = two(s, 2),
    dd = two(s, 4),
    hh = two(s, 6),
    mi = two(s, 8),
    ss = two(s, 10);
  if (yy < 0 || mo < 0 || dd < 0 || hh < 0 || mi < 0 || ss < 0) return undefined;
  if (yy === 70 && mo === 1 && dd === 1) return null;
  const leap = yy % 4 === 0; // 2000..2099: every 4th year
  const dim = mo === 2 && leap ? 29 : (DAYS[mo - 1] ?? 0);
  if (mo < 1 || dd < 1 || dd > dim || hh > 23 || mi > 59 || ss > 59) return null;
  return `20${s.slice(0, 2)}-${s.slice(2, 4)}-${s.slice(4, 6)}T${s.slice(6, 8)}:${s.slice(8, 10)}:${s.slice(10, 12)}${x === 83 ? '+02:00' : '+01:00'}`;
}

/**
 * A DSMR 2.2/3.0 timestamp `YYMMDDhhmmss` (no DST flag), local time of the EU's central zone:
 * the offset follows the EU summer-time rule (in the hour that repeats in October, summer is taken).
 * `null` for a date that cannot exist, `undefined` when `s` is not 12 digits.
 */
export function parseLocalTimestamp(s: string): string | null | undefined {
  if (s.length !== 12 || !/^\d{12}$/.test(s)) return undefined;
  const summer = parseTimestamp(`${s}S`);
  if (summer == null) return summer;
  return isEuSummer(Date.parse(summer)) ? summer : parseTimestamp(`${s}W`);
}

/** The placeholder a meter sends for "no reading yet". */
export const PLACEHOLDER_TST = '632525252525S';

const ISO = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.\d+)?(Z|[+-]\d\d:?\d\d)$/;

/** Last Sunday of `month` (0-based) in `year`, 01:00 UTC: when EU summer time starts/ends. */
function euSwitch(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0, 1));
  return last.getTime() - last.getUTCDay() * 86_400_000;
}

/** True when `ms` (UTC epoch) falls in EU summer time (last Sunday of March to last Sunday of October, 01:00 UTC). */
function isEuSummer(ms: number): boolean {
  const y = new Date(ms).getUTCFullYear();
  return ms >= euSwitch(y, 2) && ms < euSwitch(y, 9);
}

/**
 * `date` as the ISO 8601 string a Luxembourg meter would report: local time with +02:00 in
 * summer and +01:00 in winter, whole seconds.
 */
export function luxIsoTimestamp(date: Date): string {
  const ms = Math.floor(date.getTime() / 1000) * 1000;
  const offset = isEuSummer(ms) ? 2 : 1;
  const local = new Date(ms + offset * 3_600_000).toISOString().slice(0, 19);
  return `${local}+0${offset}:00`;
}

/**
 * ISO 8601 → TST. `+02:00`/`+01:00` are taken as written (S/W); any other offset, or `Z`, is
 * first converted to Luxembourg local time. `null`, `undefined` or an unreadable string give the
 * placeholder, i.e. "no reading yet".
 */
export function formatTimestamp(iso: string | null | undefined): string {
  const m = iso == null ? null : ISO.exec(iso);
  if (!m) return PLACEHOLDER_TST;
  const off = m[7]!;
  if (off === '+02:00' || off === '+01:00') {
    return m[1]!.slice(2) + m[2]! + m[3]! + m[4]! + m[5]! + m[6]! + (off === '+02:00' ? 'S' : 'W');
  }
  const ms = Date.parse(iso!);
  if (Number.isNaN(ms)) return PLACEHOLDER_TST;
  const lux = luxIsoTimestamp(new Date(ms));
  return formatTimestamp(lux);
}
