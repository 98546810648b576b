/**
 * What electricity costs a Luxembourg household: the network tariff in force since 2025 (a reference
 * power class per quarter-hour, energy drawn above it billed at an over-use price, fixed fees) and the
 * supplier's energy price, single or by time of use. One type and one check, shared by the host
 * (which keeps it in settings.json) and the renderer (which edits it and computes costs). Node-free.
 *
 * Prices are euro per kWh or per month as a bill states them (VAT included or not, as the user enters
 * them). The shipped defaults are examples, never presented as the user's or as official figures.
 */
import { fail, ok } from '../protocol/index.ts';
import type { Failure, Result } from '../protocol/types.ts';

/** The reference power classes households choose from; any other value is a custom class. */
export const POWER_CLASSES_KW = [3, 7, 12] as const;

/** A time-of-use window, Luxembourg local time, `fromHour` inclusive to `toHour` exclusive (may wrap midnight). */
export interface TouWindow {
  fromHour: number; // 0–23
  toHour: number; // 1–24
  weekdaysOnly: boolean; // Monday to Friday only
  eurPerKwh: number;
}

export type SupplyPrice = { kind: 'single'; eurPerKwh: number } | { kind: 'tou'; baseEurPerKwh: number; windows: TouWindow[] };

export interface Tariff {
  example: boolean; // true until the user saves prices of their own
  referenceKw: number; // the power class: 3, 7, 12 or custom
  network: {
    withinEurPerKwh: number; // energy within the class in each quarter-hour
    overuseEurPerKwh: number; // energy above it
    fixedEurPerMonth: number; // metering and connection fees
  };
  supply: SupplyPrice;
  supplyFixedEurPerMonth: number;
}

/** Plausible 2025 orders of magnitude, to show how the view works: not Creos's or any supplier's figures. */
export const EXAMPLE_TARIFF: Tariff = {
  example: true,
  referenceKw: 3,
  network: { withinEurPerKwh: 0.0759, overuseEurPerKwh: 0.1139, fixedEurPerMonth: 5.9 },
  supply: { kind: 'single', eurPerKwh: 0.148 },
  supplyFixedEurPerMonth: 2.5,
};

export type TariffError = Failure<'BAD_TARIFF'>;

const MAX_PRICE = 10; // €/kWh: ten times any price seen; a typo in the decimal point stops here
const MAX_FIXED = 1000; // €/month

function price(v: unknown, max: number): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= max;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkWindow(w: unknown, i: number): Result<TouWindow, TariffError> {
  const where = `supply.windows[${i}]`;
  if (!isRecord(w)) return fail('BAD_TARIFF', `${where} must be an object`);
  const { fromHour, toHour, weekdaysOnly, eurPerKwh } = w;
  if (!Number.isInteger(fromHour) || (fromHour as number) < 0 || (fromHour as number) > 23) {
    return fail('BAD_TARIFF', `${where}.fromHour must be a whole hour 0–23`);
  }
  if (!Number.isInteger(toHour) || (toHour as number) < 1 || (toHour as number) > 24 || toHour === fromHour) {
    return fail('BAD_TARIFF', `${where}.toHour must be a whole hour 1–24, not equal to fromHour`);
  }
  if (typeof weekdaysOnly !== 'boolean') return fail('BAD_TARIFF', `${where}.weekdaysOnly must be true or false`);
  if (!price(eurPerKwh, MAX_PRICE)) return fail('BAD_TARIFF', `${where}.eurPerKwh must be 0–${MAX_PRICE} €/kWh`);
  return ok({ fromHour: fromHour as number, toHour: toHour as number, weekdaysOnly, eurPerKwh });
}

function checkSupply(s: unknown): Result<SupplyPrice, TariffError> {
  if (!isRecord(s)) return fail('BAD_TARIFF', 'supply must be an object');
  if (s.kind === 'single') {
    return price(s.eurPerKwh, MAX_PRICE)
      ? ok({ kind: 'single', eurPerKwh: s.eurPerKwh })
      : fail('BAD_TARIFF', `supply.eurPerKwh must be 0–${MAX_PRICE} €/kWh`);
  }
  if (s.kind !== 'tou') return fail('BAD_TARIFF', 'supply.kind must be "single" or "tou"');
  if (!price(s.baseEurPerKwh, MAX_PRICE)) return fail('BAD_TARIFF', `supply.baseEurPerKwh must be 0–${MAX_PRICE} €/kWh`);
  if (!Array.isArray(s.windows) || s.windows.length > 8) return fail('BAD_TARIFF', 'supply.windows must be a list of at most 8 windows');
  const windows: TouWindow[] = [];
  for (const [i, w] of s.windows.entries()) {
    const checked = checkWindow(w, i);
    if (!checked.ok) return checked;
    windows.push(checked.value);
  }
  return ok({ kind: 'tou', baseEurPerKwh: s.baseEurPerKwh, windows });
}

/** The one check of a tariff, wherever it comes from (settings file, IPC payload, the form). */
export function checkTariff(v: unknown): Result<Tariff, TariffError> {
  if (!isRecord(v)) return fail('BAD_TARIFF', 'a tariff must be an object');
  if (typeof v.example !== 'boolean') return fail('BAD_TARIFF', 'example must be true or false');
  if (typeof v.referenceKw !== 'number' || !Number.isFinite(v.referenceKw) || v.referenceKw < 0.5 || v.referenceKw > 100) {
    return fail('BAD_TARIFF', 'referenceKw must be 0.5–100 kW');
  }
  const n = v.network;
  if (!isRecord(n)) return fail('BAD_TARIFF', 'network must be an object');
  if (!price(n.withinEurPerKwh, MAX_PRICE)) return fail('BAD_TARIFF', `network.withinEurPerKwh must be 0–${MAX_PRICE} €/kWh`);
  if (!price(n.overuseEurPerKwh, MAX_PRICE)) return fail('BAD_TARIFF', `network.overuseEurPerKwh must be 0–${MAX_PRICE} €/kWh`);
  if (!price(n.fixedEurPerMonth, MAX_FIXED)) return fail('BAD_TARIFF', `network.fixedEurPerMonth must be 0–${MAX_FIXED} €`);
  if (!price(v.supplyFixedEurPerMonth, MAX_FIXED)) return fail('BAD_TARIFF', `supplyFixedEurPerMonth must be 0–${MAX_FIXED} €`);
  const supply = checkSupply(v.supply);
  if (!supply.ok) return supply;
  return ok({
    example: v.example,
    referenceKw: v.referenceKw,
    network: { withinEurPerKwh: n.withinEurPerKwh, overuseEurPerKwh: n.overuseEurPerKwh, fixedEurPerMonth: n.fixedEurPerMonth },
    supply: supply.value,
    supplyFixedEurPerMonth: v.supplyFixedEurPerMonth,
  });
}
