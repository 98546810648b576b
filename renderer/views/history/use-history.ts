/**
 * The History view's data from the host: the recorder's info (meters, first and last record), and
 * the series (plus, for a day of electricity, the 10-s power line) of the period shown. Only the
 * newest request's answer is kept: paging quickly never shows an older period's bars.
 */
import { useEffect, useState } from 'react';
import type { HistoryInfo, HistoryKind, HistoryPower, HistorySeries } from '../../../contracts/history.ts';
import type { ApiError } from '../../../contracts/ipc.ts';
import { useApi } from '../../state/context.tsx';
import type { Period } from './period.ts';

export type Loaded<T> = { state: 'loading' } | { state: 'failed'; error: ApiError } | { state: 'ready'; value: T };

export function useHistoryInfo(): Loaded<HistoryInfo> {
  const api = useApi();
  const [info, setInfo] = useState<Loaded<HistoryInfo>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    api['history:info'](null).then(
      (r) => live && setInfo(r.ok ? { state: 'ready', value: r.value } : { state: 'failed', error: r.error }),
      (err: Error) => live && setInfo({ state: 'failed', error: { code: 'INTERNAL', message: err.message } }),
    );
    return () => {
      live = false;
    };
  }, [api]);
  return info;
}

export interface PeriodData {
  series: HistorySeries;
  power: HistoryPower | null;
}

export function usePeriodData(meterId: string | null, kind: HistoryKind, period: Period): Loaded<PeriodData> {
  const api = useApi();
  const [data, setData] = useState<Loaded<PeriodData>>({ state: 'loading' });
  const { from, to, step } = period;
  const withPower = period.kind === 'day' && kind === 'electricity';
  useEffect(() => {
    if (meterId === null) return;
    let live = true;
    setData({ state: 'loading' });
    const span = { meterId, from, to };
    Promise.all([api['history:series']({ ...span, kind, step }), withPower ? api['history:power'](span) : Promise.resolve(null)]).then(
      ([series, power]) => {
        if (!live) return;
        if (!series.ok) setData({ state: 'failed', error: series.error });
        else setData({ state: 'ready', value: { series: series.value, power: power?.ok ? power.value : null } });
      },
      (err: Error) => live && setData({ state: 'failed', error: { code: 'INTERNAL', message: err.message } }),
    );
    return () => {
      live = false;
    };
  }, [api, meterId, kind, from, to, step, withPower]);
  return data;
}
