/**
 * Value formatters: numbers and units in the current language. Units live in the catalogue
 * (`fmt.*`) so that a language can reorder or space them.
 */
import { currentLanguage, currentLocales, formatNumber, t } from './index.ts';

/** Integer watts as "1,234 W". */
export const formatWatt = (w: number): string => t('fmt.watt', { value: formatNumber(w, 0) });

/** Integer Wh as kWh with three decimals: the register's own resolution, no float noise. */
export const formatKwh = (wh: number): string => t('fmt.kwh', { value: formatNumber(wh / 1000, 3, 3) });

/** Integer varh as kvarh with three decimals. */
export const formatKvarh = (varh: number): string => t('fmt.kvarh', { value: formatNumber(varh / 1000, 3, 3) });

export const formatVar = (v: number): string => t('fmt.var', { value: formatNumber(v, 0) });
export const formatVa = (v: number): string => t('fmt.va', { value: formatNumber(v, 0) });
export const formatKva = (v: number): string => t('fmt.kva', { value: formatNumber(v, 2) });
export const formatVolt = (v: number): string => t('fmt.volt', { value: formatNumber(v, 1, 1) });
export const formatAmpere = (a: number): string => t('fmt.ampere', { value: formatNumber(a, 2) });
export const formatCount = (n: number): string => t('fmt.count', { value: formatNumber(n, 0) });

/** Power in kW for the gauge, where watts would be too many digits. */
export const formatKilowatt = (w: number): string => t('fmt.kilowatt', { value: formatNumber(w / 1000, 2) });

// Smarty meters are in Luxembourg: show their time there, whatever the PC's zone.
const TIME_ZONE = 'Europe/Luxembourg';

// One formatter per (use, locale): the chart's axis formats times on every redraw.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(use: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${use}|${currentLanguage()}`;
  let format = dateFormats.get(id);
  if (!format) {
    format = new Intl.DateTimeFormat(currentLocales(), options);
    dateFormats.set(id, format);
  }
  return format;
}

/** "at 14:00" for today, "on 12 Mar 2025 at 14:00" otherwise; the raw string when unparseable. */
export function formatCapture(iso: string, now: number = Date.now()): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const time = formatClockShort(at);
  const day = dateFormat('day', { dateStyle: 'medium', timeZone: TIME_ZONE });
  const date = day.format(at);
  return date === day.format(now) ? t('fmt.at', { time }) : t('fmt.onAt', { date, time });
}

/** "14:02:10" from epoch ms, in Luxembourg time: receipt times, frame lists, tooltips. */
export function formatClock(ms: number): string {
  return dateFormat('clock', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE }).format(ms);
}

/** "14:02" from epoch ms, in Luxembourg time: chart axis ticks. */
export function formatClockShort(ms: number): string {
  return dateFormat('clockShort', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE }).format(ms);
}

/** "12 Mar 2025, 14:02:10" from an ISO string or epoch ms, in Luxembourg time; text that is no date as is. */
export function formatDateTime(at: string | number): string {
  const ms = typeof at === 'number' ? at : Date.parse(at);
  if (Number.isNaN(ms)) return String(at);
  return dateFormat('dateTime', { dateStyle: 'medium', timeStyle: 'medium', hourCycle: 'h23', timeZone: TIME_ZONE }).format(ms);
}

// Meters send units in ASCII ("m3"); people write m³.
const UNIT_SPELLING: Record<string, string> = { m3: 'm³', M3: 'm³', 'm^3': 'm³' };

/** A unit as people write it: "m3" → "m³"; others as the meter sent them (kWh, GJ). */
export const formatUnit = (unit: string): string => UNIT_SPELLING[unit] ?? unit;

/** An M-Bus reading with its unit: "14,239.771 m³" (three decimals at most: the meter's resolution). */
export const formatMeasure = (value: number, unit: string | null | undefined): string =>
  unit ? t('fmt.withUnit', { value: formatNumber(value, 3), unit: formatUnit(unit) }) : formatNumber(value, 3);

// One number formatter per (use, language), as for dates: euros and shares are drawn on every telegram.
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(use: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${use}|${currentLanguage()}`;
  let format = numberFormats.get(id);
  if (!format) {
    format = new Intl.NumberFormat(currentLocales(), options);
    numberFormats.set(id, format);
  }
  return format;
}

/** Euros as the language writes them: "€12.34", "12,34 €". */
export const formatEuro = (eur: number): string => numberFormat('euro', { style: 'currency', currency: 'EUR' }).format(eur);

/** A share as "12 %" in the language's style. */
export const formatPercent = (share: number): string =>
  numberFormat('percent', { style: 'percent', maximumFractionDigits: 0 }).format(share);

/** A number for a form field: no grouping, up to six decimals, the language's decimal mark (0,0759). */
export const formatPlainNumber = (value: number): string =>
  numberFormat('plain', { useGrouping: false, maximumFractionDigits: 6 }).format(value);

/** Three significant digits, for chart axes: a first hour of a few Wh in kWh would otherwise read 0.002, 0.002, 0.001. */
export const formatSignificant = (value: number): string => numberFormat('significant', { maximumSignificantDigits: 3 }).format(value);
