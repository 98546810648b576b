import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ElectricityRecord } from '../../contracts/history.ts';
import {
  addCosts,
  costsByDay,
  nanoToEuro,
  overuseQuarters,
  quarterAllowanceWh,
  supplyMicroPerKwh,
  totalNano,
} from '../../contracts/tariff-costs.ts';
import { EXAMPLE_TARIFF, type Tariff } from '../../contracts/tariff.ts';

const quarter = (start: string, importWh: number, estimated = false): ElectricityRecord => ({
  start,
  end: start,
  importWh,
  exportWh: 0,
  importReactiveVarh: 0,
  exportReactiveVarh: 0,
  peakImportW: null,
  estimated,
});

const flat: Tariff = {
  example: false,
  referenceKw: 3,
  network: { withinEurPerKwh: 0.08, overuseEurPerKwh: 0.12, fixedEurPerMonth: 0 },
  supply: { kind: 'single', eurPerKwh: 0.15 },
  supplyFixedEurPerMonth: 0,
};

describe('costsByDay', () => {
  it('bills the energy above the class in each quarter-hour at the over-use price', () => {
    // 3 kW class: 750 Wh per quarter-hour. 1,000 Wh = 750 within + 250 above.
    const [day] = costsByDay(flat, [quarter('2026-01-15T18:00:00+01:00', 1000), quarter('2026-01-15T18:15:00+01:00', 500)]);
    expect(day).toMatchObject({ date: '2026-01-15', importWh: 1500, overuseWh: 250, overuseQuarters: 1 });
    // supply 1.5 kWh × 0.15 = 0.225 €; network 1.25 × 0.08 + 0.25 × 0.12 = 0.13 €
    expect(day?.supplyNano).toBe(225_000_000);
    expect(day?.networkNano).toBe(130_000_000);
    expect(nanoToEuro(totalNano(day ?? addCosts([])))).toBe(0.36);
  });

  it('does not let a busy quarter-hour borrow from a quiet one: an hour sum would hide the over-use', () => {
    const spiky = costsByDay(flat, [quarter('2026-01-15T18:00:00+01:00', 1500), quarter('2026-01-15T18:15:00+01:00', 0)]);
    expect(spiky[0]?.overuseWh).toBe(750);
  });

  it('splits days on the local date and charges each day its share of the monthly fees', () => {
    const fees: Tariff = { ...flat, network: { ...flat.network, fixedEurPerMonth: 28 }, supplyFixedEurPerMonth: 3 };
    const days = costsByDay(fees, [quarter('2026-02-01T23:45:00+01:00', 10), quarter('2026-02-02T00:00:00+01:00', 10)]);
    expect(days.map((d) => d.date)).toEqual(['2026-02-01', '2026-02-02']);
    expect(days[0]?.fixedNano).toBe(Math.round(31e9 / 28)); // February 2026 has 28 days
  });

  it('keeps the estimated mark of a bridged gap', () => {
    const [day] = costsByDay(flat, [quarter('2026-03-01T00:00:00+01:00', 10, true), quarter('2026-03-01T00:15:00+01:00', 10)]);
    expect(day?.estimated).toBe(true);
  });

  it('the class is a per-quarter rule: over-use is the sum of each quarter-hour above it (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5000 }), { maxLength: 96 }), fc.constantFrom(3, 7, 12, 4.5), (wh, kw) => {
        const records = wh.map((e, i) =>
          quarter(`2026-06-10T${String(Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}:00+02:00`, e),
        );
        const t = { ...flat, referenceKw: kw };
        const sum = addCosts(costsByDay(t, records));
        const allowance = quarterAllowanceWh(kw);
        expect(sum.importWh).toBe(wh.reduce((a, b) => a + b, 0));
        expect(sum.overuseWh).toBe(wh.reduce((a, e) => a + Math.max(0, e - allowance), 0));
        expect(overuseQuarters(t, records)).toHaveLength(wh.filter((e) => e > allowance).length);
        // exact integer money: network = within × price + over × price, no rounding on the way
        expect(sum.networkNano).toBe((sum.importWh - sum.overuseWh) * 80_000 + sum.overuseWh * 120_000);
        expect(Number.isInteger(sum.supplyNano)).toBe(true);
      }),
    );
  });
});

describe('supplyMicroPerKwh', () => {
  const tou: Tariff = {
    ...flat,
    supply: {
      kind: 'tou',
      baseEurPerKwh: 0.2,
      windows: [
        { fromHour: 22, toHour: 6, weekdaysOnly: false, eurPerKwh: 0.1 },
        { fromHour: 11, toHour: 15, weekdaysOnly: true, eurPerKwh: 0.12 },
      ],
    },
  };
  it('reads the local hour and weekday from the record, across midnight', () => {
    expect(supplyMicroPerKwh(tou, '2026-12-01T23:15:00+01:00')).toBe(100_000); // night window wraps
    expect(supplyMicroPerKwh(tou, '2026-12-01T05:45:00+01:00')).toBe(100_000);
    expect(supplyMicroPerKwh(tou, '2026-12-01T06:00:00+01:00')).toBe(200_000);
    expect(supplyMicroPerKwh(tou, '2026-12-01T12:00:00+01:00')).toBe(120_000); // Tuesday
    expect(supplyMicroPerKwh(tou, '2026-12-05T12:00:00+01:00')).toBe(200_000); // Saturday
  });
  it('uses the single price whatever the hour', () => {
    expect(supplyMicroPerKwh(EXAMPLE_TARIFF, '2026-12-05T03:00:00+01:00')).toBe(148_000);
  });
});
