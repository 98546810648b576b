/**
 * A reference household to compare with: a documented annual electricity use built from a few
 * facts the user knows (people, electric heating, heat pump, electric car), or their own figure.
 * The figures are round orders of magnitude for a Luxembourg home without electric hot water from
 * gas, editable because every home differs; the README says where they come from. Node-free.
 */
import { fail, ok } from '../protocol/index.ts';
import type { Failure, Result } from '../protocol/types.ts';

export interface ReferenceProfile {
  people: number; // 1–8
  heating: 'none' | 'heat-pump' | 'electric'; // space heating by electricity
  ev: boolean; // an electric car charged at home
  customAnnualKwh: number | null; // the user's own reference; overrides the rest
}

export const DEFAULT_REFERENCE: ReferenceProfile = { people: 2, heating: 'none', ev: false, customAnnualKwh: null };

/** kWh a year for 1…5+ people, lights, appliances and cooking (no heating, no car). */
const BASE_KWH = [1_600, 2_600, 3_300, 4_000, 4_600] as const;
const PER_EXTRA_PERSON_KWH = 500;
const HEATING_KWH = { none: 0, 'heat-pump': 4_000, electric: 12_000 } as const;
const EV_KWH = 2_500; // about 15,000 km at 17 kWh/100 km

/** The reference's annual use in kWh. */
export function referenceAnnualKwh(p: ReferenceProfile): number {
  if (p.customAnnualKwh !== null) return p.customAnnualKwh;
  const n = Math.max(1, Math.round(p.people));
  const extra = Math.max(0, n - BASE_KWH.length) * PER_EXTRA_PERSON_KWH;
  const base = BASE_KWH[Math.min(n, BASE_KWH.length) - 1] ?? BASE_KWH[0];
  return base + extra + HEATING_KWH[p.heating] + (p.ev ? EV_KWH : 0);
}

/** The reference's use over `days` days in Wh, spread evenly over the year. */
export function referenceWh(p: ReferenceProfile, days: number): number {
  return Math.round((referenceAnnualKwh(p) * 1000 * days) / 365);
}

export function checkReference(v: unknown): Result<ReferenceProfile, Failure<'BAD_REFERENCE'>> {
  if (typeof v !== 'object' || v === null) return fail('BAD_REFERENCE', 'the reference must be an object');
  const r = v as Record<string, unknown>;
  if (!Number.isInteger(r.people) || (r.people as number) < 1 || (r.people as number) > 8)
    return fail('BAD_REFERENCE', 'people must be 1–8');
  if (r.heating !== 'none' && r.heating !== 'heat-pump' && r.heating !== 'electric') {
    return fail('BAD_REFERENCE', 'heating must be "none", "heat-pump" or "electric"');
  }
  if (typeof r.ev !== 'boolean') return fail('BAD_REFERENCE', 'ev must be true or false');
  const custom = r.customAnnualKwh;
  if (custom !== null && (typeof custom !== 'number' || !Number.isFinite(custom) || custom <= 0 || custom > 200_000)) {
    return fail('BAD_REFERENCE', 'customAnnualKwh must be null or 1–200,000 kWh');
  }
  return ok({ people: r.people as number, heating: r.heating, ev: r.ev, customAnnualKwh: custom as number | null });
}
