/**
 * From a series to the bars the History view draws: one bar per bucket of the period (empty ones
 * as null, never 0: no data is not "nothing used"), each marked estimated when part of its energy
 * was spread over a gap; and the period's totals. Electricity comes from the registers (Wh → kWh);
 * gas, water and heat sum their channels of that kind per bucket.
 */
import type { ElectricityRecord, HistoryChannel, HistoryKind, HistorySeries, MbusRecord } from '../../../contracts/history.ts';

/** What the view shows: electricity is split into use and feed-in (PV homes). */
export type ShownKind = 'import' | 'export' | 'gas' | 'water' | 'heat';

export const seriesKind = (k: ShownKind): HistoryKind => (k === 'import' || k === 'export' ? 'electricity' : k);

/** The kinds a meter has: electricity always, gas/water/heat where a channel ever reported one. */
export function shownKinds(channels: readonly HistoryChannel[]): ShownKind[] {
  const kinds: ShownKind[] = ['import', 'export'];
  for (const k of ['gas', 'water', 'heat'] as const) if (channels.some((c) => c.kind === k)) kinds.push(k);
  return kinds;
}

export interface Bar {
  start: number; // epoch ms
  value: number | null; // kWh for electricity, the device's unit otherwise; null: no data
  estimated: boolean;
}

export interface Totals {
  total: number; // sum of the bars with data
  estimated: number; // of which in estimated bars
  withData: number; // bars with data
  unit: string; // 'kWh' or the device's unit as sent ('m3', 'GJ')
}

export function barsOf(buckets: readonly number[], series: HistorySeries | null, shown: ShownKind): { bars: Bar[]; totals: Totals } {
  const byStart = new Map<number, { value: number; estimated: boolean }>();
  let unit = 'kWh';
  if (series?.kind === 'electricity') {
    for (const r of series.records as ElectricityRecord[]) {
      const wh = shown === 'export' ? r.exportWh : r.importWh;
      byStart.set(Date.parse(r.start), { value: wh / 1000, estimated: r.estimated });
    }
  } else if (series) {
    const records = series.records as MbusRecord[];
    unit = records[0]?.unit ?? '';
    for (const r of records) {
      const at = Date.parse(r.start);
      const had = byStart.get(at);
      // Thousandths, summed as integers: the meter's own resolution, no float noise.
      const milli = Math.round(r.consumption * 1000) + (had ? Math.round(had.value * 1000) : 0);
      byStart.set(at, { value: milli / 1000, estimated: r.estimated || (had?.estimated ?? false) });
    }
  }
  const totals: Totals = { total: 0, estimated: 0, withData: 0, unit };
  const bars = buckets.map((start) => {
    const hit = byStart.get(start);
    if (!hit) return { start, value: null, estimated: false };
    totals.total += hit.value;
    totals.withData++;
    if (hit.estimated) totals.estimated += hit.value;
    return { start, value: hit.value, estimated: hit.estimated };
  });
  totals.total = Math.round(totals.total * 1000) / 1000;
  totals.estimated = Math.round(totals.estimated * 1000) / 1000;
  return { bars, totals };
}
