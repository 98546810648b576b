/**
 * npm run bench:costs — what the History view's costs cost: a year of quarter-hours (35,040 records,
 * the year view's input) priced with a single and a time-of-use supplier price. Prints p50 and the
 * worst of 21 runs; asserts nothing.
 */
import { luxIso } from '../../contracts/lux-calendar.ts';
import type { ElectricityRecord } from '../../contracts/history.ts';
import { addCosts, costsByDay } from '../../contracts/tariff-costs.ts';
import { EXAMPLE_TARIFF, type Tariff } from '../../contracts/tariff.ts';

const from = Date.parse('2025-01-01T00:00:00+01:00') / 1000;
const records: ElectricityRecord[] = [];
for (let i = 0; i < 35_040; i++) {
  const t = from + i * 900;
  records.push({
    start: luxIso(t),
    end: luxIso(t + 900),
    importWh: (i * 37) % 900, // some quarter-hours above a 3 kW class (750 Wh)
    exportWh: 0,
    importReactiveVarh: 0,
    exportReactiveVarh: 0,
    peakImportW: null,
    estimated: false,
  });
}
const tou: Tariff = {
  ...EXAMPLE_TARIFF,
  supply: { kind: 'tou', baseEurPerKwh: 0.2, windows: [{ fromHour: 22, toHour: 6, weekdaysOnly: false, eurPerKwh: 0.1 }] },
};
for (const [name, tariff] of [
  ['one price', EXAMPLE_TARIFF],
  ['time of use', tou],
] as const) {
  const times: number[] = [];
  for (let k = 0; k < 21; k++) {
    const t0 = performance.now();
    addCosts(costsByDay(tariff, records));
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`costs of a year of quarter-hours (35,040), ${name}: p50 ${times[10]!.toFixed(1)} ms, worst ${times[20]!.toFixed(1)} ms`);
}
