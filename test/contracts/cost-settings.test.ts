import { describe, expect, it } from 'vitest';
import { checkCostSettings, DEFAULT_COST_SETTINGS } from '../../contracts/cost-settings.ts';
import { DEFAULT_REFERENCE, referenceAnnualKwh, referenceWh } from '../../contracts/reference.ts';
import { checkTariff, EXAMPLE_TARIFF } from '../../contracts/tariff.ts';

describe('checkTariff', () => {
  it('accepts the example and a time-of-use tariff', () => {
    expect(checkTariff(EXAMPLE_TARIFF)).toEqual({ ok: true, value: EXAMPLE_TARIFF });
    const tou = {
      ...EXAMPLE_TARIFF,
      supply: { kind: 'tou', baseEurPerKwh: 0.2, windows: [{ fromHour: 22, toHour: 6, weekdaysOnly: false, eurPerKwh: 0.1 }] },
    };
    expect(checkTariff(tou).ok).toBe(true);
  });
  it.each([
    [{ ...EXAMPLE_TARIFF, referenceKw: 0 }, /referenceKw/],
    [{ ...EXAMPLE_TARIFF, network: { ...EXAMPLE_TARIFF.network, overuseEurPerKwh: -1 } }, /overuseEurPerKwh/],
    [{ ...EXAMPLE_TARIFF, network: { ...EXAMPLE_TARIFF.network, withinEurPerKwh: 75.9 } }, /withinEurPerKwh/],
    [
      {
        ...EXAMPLE_TARIFF,
        supply: { kind: 'tou', baseEurPerKwh: 0.2, windows: [{ fromHour: 5, toHour: 5, weekdaysOnly: false, eurPerKwh: 0.1 }] },
      },
      /toHour/,
    ],
    [{ ...EXAMPLE_TARIFF, supply: { kind: 'spot' } }, /supply.kind/],
    [{ ...EXAMPLE_TARIFF, supplyFixedEurPerMonth: Number.NaN }, /supplyFixedEurPerMonth/],
    ['3 kW', /object/],
  ])('refuses %j with a message naming the field', (bad, message) => {
    const r = checkTariff(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(message);
  });
  it('drops unknown fields', () => {
    const r = checkTariff({ ...EXAMPLE_TARIFF, __proto__: { x: 1 }, extra: 1 });
    expect(r.ok && Object.keys(r.value)).toEqual(Object.keys(EXAMPLE_TARIFF));
  });
});

describe('reference household', () => {
  it('adds heating and a car to the base for the number of people', () => {
    expect(referenceAnnualKwh(DEFAULT_REFERENCE)).toBe(2600);
    expect(referenceAnnualKwh({ people: 4, heating: 'heat-pump', ev: true, customAnnualKwh: null })).toBe(4000 + 4000 + 2500);
    expect(referenceAnnualKwh({ people: 7, heating: 'none', ev: false, customAnnualKwh: null })).toBe(4600 + 2 * 500);
    expect(referenceAnnualKwh({ ...DEFAULT_REFERENCE, customAnnualKwh: 3100 })).toBe(3100);
  });
  it('spreads the year evenly over the days of a period', () => {
    expect(referenceWh({ ...DEFAULT_REFERENCE, customAnnualKwh: 3650 }, 1)).toBe(10_000);
  });
});

describe('checkCostSettings', () => {
  it('accepts the defaults and names the part that is wrong', () => {
    expect(checkCostSettings(DEFAULT_COST_SETTINGS).ok).toBe(true);
    const r = checkCostSettings({ ...DEFAULT_COST_SETTINGS, reference: { ...DEFAULT_REFERENCE, people: 0 } });
    expect(!r.ok && r.error.message).toBe('reference: people must be 1–8');
    expect(checkCostSettings({ ...DEFAULT_COST_SETTINGS, peersOptIn: 'yes' }).ok).toBe(false);
  });
});
