/** The costs of the period shown (from its quarter-hours) and the comparisons, for the panels below the chart. */
import { useEffect, useState } from 'react';
import type { CostSettings } from '../../../contracts/cost-settings.ts';
import type { PeerDaily } from '../../../contracts/peers.ts';
import { referenceWh } from '../../../contracts/reference.ts';
import { costsByDay, type DayCosts, overuseQuarters } from '../../../contracts/tariff-costs.ts';
import type { ElectricityRecord } from '../../../contracts/history.ts';
import { useApi } from '../../state/context.tsx';
import { elapsedMs, fetchQuarterHours, importWh, previous, yearAgo } from './costs-data.ts';
import { isoDate, type Period, periodAt } from './period.ts';
import type { Loaded } from './use-history.ts';

export interface PeriodCosts {
  days: DayCosts[];
  worst: ElectricityRecord[]; // the highest quarter-hours above the class, highest first
}

/**
 * `shown`: the quarter-hours the view already has (the day view asks for exactly these), so they are
 * not asked for twice; otherwise they are fetched for the period.
 */
export function usePeriodCosts(
  meterId: string,
  period: Period,
  costs: CostSettings | null,
  shown: ElectricityRecord[] | null,
): Loaded<PeriodCosts> {
  const api = useApi();
  const [data, setData] = useState<Loaded<PeriodCosts>>({ state: 'loading' });
  const { from, to } = period;
  useEffect(() => {
    if (!costs) return;
    let live = true;
    setData({ state: 'loading' });
    const quarters = shown ? Promise.resolve({ ok: true as const, value: shown }) : fetchQuarterHours(api, meterId, from, to);
    void quarters.then((r) => {
      if (!live) return;
      if (!r.ok) return setData({ state: 'failed', error: r.error });
      const worst = overuseQuarters(costs.tariff, r.value)
        .sort((a, b) => b.importWh - a.importWh)
        .slice(0, 5);
      setData({ state: 'ready', value: { days: costsByDay(costs.tariff, r.value), worst } });
    });
    return () => {
      live = false;
    };
  }, [api, meterId, from, to, costs, shown]);
  return data;
}

export interface Comparison {
  spanMs: number; // how much of the period is compared (all of it once it is over)
  mineWh: number | null;
  previousWh: number | null;
  lastYearWh: number | null;
  referenceWh: number;
  peers: PeerDaily | null; // day view with the opt-in only
  peersError: string | null;
}

export function useComparison(meterId: string, period: Period, costs: CostSettings | null, now: number): Loaded<Comparison> {
  const api = useApi();
  const [data, setData] = useState<Loaded<Comparison>>({ state: 'loading' });
  const span = elapsedMs(period, now);
  const { from, kind } = period;
  useEffect(() => {
    if (!costs) return;
    let live = true;
    setData({ state: 'loading' });
    const p = periodAt(kind, from); // the period again from its identity, not the object rebuilt each render
    const prev = previous(p);
    const ago = yearAgo(p);
    const askPeers = kind === 'day' && costs.peersOptIn && span === p.to - p.from; // a whole day against whole days
    void Promise.all([
      importWh(api, meterId, from, from + span),
      importWh(api, meterId, prev.from, prev.from + span),
      importWh(api, meterId, ago.from, ago.from + span),
      askPeers ? api['peers:daily']({ date: isoDate(from) }) : Promise.resolve(null),
    ]).then(([mine, before, yearBefore, peers]) => {
      if (!live) return;
      if (!mine.ok) return setData({ state: 'failed', error: mine.error });
      setData({
        state: 'ready',
        value: {
          spanMs: span,
          mineWh: mine.value,
          previousWh: before.ok ? before.value : null,
          lastYearWh: yearBefore.ok ? yearBefore.value : null,
          referenceWh: referenceWh(costs.reference, span / 86_400_000),
          peers: peers?.ok ? peers.value : null,
          peersError: peers && !peers.ok ? peers.error.message : null,
        },
      });
    });
    return () => {
      live = false;
    };
  }, [api, meterId, from, kind, span, costs]);
  return data;
}
