/**
 * Raises the "over the power class" alert once per quarter-hour, on every view: when the energy
 * drawn already exceeds the class, or when five minutes in the present pace would take it over
 * (early enough to switch something off, late enough not to cry wolf at a kettle's first seconds).
 */
import { useEffect, useRef } from 'react';
import { useAlerts } from '../alerts/alert-context.tsx';
import { useApp } from '../state/context.tsx';
import { quarterView } from '../state/quarter-hour.ts';
import { selectStale } from '../state/store.ts';
import { useCostSettings } from '../state/use-costs.ts';

const SETTLE_MS = 5 * 60_000;

export function PowerClassWatch() {
  const { costs } = useCostSettings();
  const quarter = useApp((s) => s.quarter);
  const stale = useApp(selectStale);
  const raise = useAlerts((s) => s.raise);
  const raisedFor = useRef<number | null>(null);
  useEffect(() => {
    if (!costs || !quarter || stale || raisedFor.current === quarter.quarterStart) return;
    const view = quarterView(quarter, costs.tariff.referenceKw, quarter.lastAt);
    if (!view) return;
    const certain = view.soFarWh > view.allowanceWh;
    const settled = quarter.lastAt - quarter.quarterStart >= SETTLE_MS && view.over;
    if (!certain && !settled) return;
    raisedFor.current = quarter.quarterStart;
    raise('over-power-class', quarter.lastAt, costs.tariff.referenceKw);
  }, [costs, quarter, stale, raise]);
  return null;
}
