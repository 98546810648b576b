/**
 * Costs from quarter-hour energy (history records at step 15m) and a tariff. The power class is a
 * quarter-hour rule: of the energy drawn in each quarter-hour, `referenceKw × 0.25 h` is billed at the
 * network's normal price and the rest at the over-use price, so hourly or daily sums cannot be used.
 *
 * Money is counted exactly in integer nano-euros (Wh × µ€/kWh), rounded to cents only for display: three
 * years of a large household stay far below 2^53.
 */
import type { ElectricityRecord } from './history.ts';
import type { Tariff } from './tariff.ts';

export interface Costs {
  importWh: number;
  overuseWh: number; // energy above the class, summed over the quarter-hours
  overuseQuarters: number; // quarter-hours with some energy above the class
  supplyNano: number; // the supplier's energy price
  networkNano: number; // network energy, within and above the class
  fixedNano: number; // both fixed fees, pro rata per day
  estimated: boolean; // part of the energy was spread over a gap
}

export interface DayCosts extends Costs {
  date: string; // YYYY-MM-DD, Luxembourg local
}

export const NO_COSTS: Costs = {
  importWh: 0,
  overuseWh: 0,
  overuseQuarters: 0,
  supplyNano: 0,
  networkNano: 0,
  fixedNano: 0,
  estimated: false,
};

const micro = (eur: number): number => Math.round(eur * 1e6);

/** Wh the class allows in one quarter-hour: 3 kW → 750 Wh. */
export function quarterAllowanceWh(referenceKw: number): number {
  return Math.round(referenceKw * 250);
}

// Records come a day at a time: the weekday is worked out once per date, not once per quarter-hour.
let weekdayOf = { date: '', weekday: false };

/** The local hour and weekday straight from the record's ISO text, which carries Luxembourg's offset. */
function localTime(start: string): { hour: number; weekday: boolean } {
  const date = start.slice(0, 10);
  if (weekdayOf.date !== date) {
    const day = new Date(Date.UTC(Number(start.slice(0, 4)), Number(start.slice(5, 7)) - 1, Number(start.slice(8, 10)))).getUTCDay();
    weekdayOf = { date, weekday: day >= 1 && day <= 5 };
  }
  return { hour: Number(start.slice(11, 13)), weekday: weekdayOf.weekday };
}

function inWindow(hour: number, from: number, to: number): boolean {
  return from < to ? hour >= from && hour < to : hour >= from || hour < to;
}

/** The supplier's price in µ€/kWh for the quarter-hour starting at `start`; the first matching window wins. */
export function supplyMicroPerKwh(tariff: Tariff, start: string): number {
  const s = tariff.supply;
  if (s.kind === 'single') return micro(s.eurPerKwh);
  const { hour, weekday } = localTime(start);
  const w = s.windows.find((w) => (!w.weekdaysOnly || weekday) && inWindow(hour, w.fromHour, w.toHour));
  return micro(w ? w.eurPerKwh : s.baseEurPerKwh);
}

function daysInMonth(date: string): number {
  return new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0)).getUTCDate();
}

/** Fixed fees of one local day, pro rata of its month. */
function fixedNanoFor(tariff: Tariff, date: string): number {
  const monthly = micro(tariff.network.fixedEurPerMonth + tariff.supplyFixedEurPerMonth) * 1000;
  return Math.round(monthly / daysInMonth(date));
}

/** Costs per local day of 15-minute records (in time order); each day with a record carries its fixed fees. */
export function costsByDay(tariff: Tariff, records: readonly ElectricityRecord[]): DayCosts[] {
  const allowance = quarterAllowanceWh(tariff.referenceKw);
  const within = micro(tariff.network.withinEurPerKwh);
  const over = micro(tariff.network.overuseEurPerKwh);
  const days: DayCosts[] = [];
  for (const r of records) {
    const date = r.start.slice(0, 10);
    let day = days.at(-1);
    if (day?.date !== date) {
      day = { date, ...NO_COSTS, fixedNano: fixedNanoFor(tariff, date) };
      days.push(day);
    }
    const overWh = Math.max(0, r.importWh - allowance);
    day.importWh += r.importWh;
    day.overuseWh += overWh;
    if (overWh > 0) day.overuseQuarters++;
    day.supplyNano += r.importWh * supplyMicroPerKwh(tariff, r.start);
    day.networkNano += (r.importWh - overWh) * within + overWh * over;
    day.estimated ||= r.estimated;
  }
  return days;
}

/** Sums costs (of days into a period, or of periods). */
export function addCosts(parts: readonly Costs[]): Costs {
  const sum = { ...NO_COSTS };
  for (const p of parts) {
    sum.importWh += p.importWh;
    sum.overuseWh += p.overuseWh;
    sum.overuseQuarters += p.overuseQuarters;
    sum.supplyNano += p.supplyNano;
    sum.networkNano += p.networkNano;
    sum.fixedNano += p.fixedNano;
    sum.estimated ||= p.estimated;
  }
  return sum;
}

export const totalNano = (c: Costs): number => c.supplyNano + c.networkNano + c.fixedNano;

/** Euros, rounded half away from zero to the cent, for display. */
export const nanoToEuro = (nano: number): number => Math.round(nano / 1e7) / 100;

/** The quarter-hours above the class, for the view's list: start and the energy drawn. */
export function overuseQuarters(tariff: Tariff, records: readonly ElectricityRecord[]): ElectricityRecord[] {
  const allowance = quarterAllowanceWh(tariff.referenceKw);
  return records.filter((r) => r.importWh > allowance);
}
