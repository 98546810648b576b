/**
 * The household's cost and comparison settings, kept by the host in settings.json (`costs`) and
 * edited in Settings: the tariff, the reference household, and whether to ask the central system
 * for anonymous peer figures (off until the user opts in). One type and one check. Node-free.
 */
import { fail, ok } from '../protocol/index.ts';
import type { Failure, Result } from '../protocol/types.ts';
import { checkReference, DEFAULT_REFERENCE, type ReferenceProfile } from './reference.ts';
import { checkTariff, EXAMPLE_TARIFF, type Tariff } from './tariff.ts';

export interface CostSettings {
  tariff: Tariff;
  reference: ReferenceProfile;
  peersOptIn: boolean;
}

export const DEFAULT_COST_SETTINGS: CostSettings = { tariff: EXAMPLE_TARIFF, reference: DEFAULT_REFERENCE, peersOptIn: false };

export function checkCostSettings(v: unknown): Result<CostSettings, Failure<'BAD_COSTS'>> {
  if (typeof v !== 'object' || v === null) return fail('BAD_COSTS', 'cost settings must be an object');
  const r = v as Record<string, unknown>;
  const tariff = checkTariff(r.tariff);
  if (!tariff.ok) return fail('BAD_COSTS', `tariff: ${tariff.error.message}`);
  const reference = checkReference(r.reference);
  if (!reference.ok) return fail('BAD_COSTS', `reference: ${reference.error.message}`);
  if (typeof r.peersOptIn !== 'boolean') return fail('BAD_COSTS', 'peersOptIn must be true or false');
  return ok({ tariff: tariff.value, reference: reference.value, peersOptIn: r.peersOptIn });
}
