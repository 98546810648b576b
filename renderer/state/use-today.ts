/**
 * Today on Home, from the recorder (never from the first reading seen: a restart would lose the
 * morning): today’s quarter-hours of the meter on the port, asked again when the
 * meter changes, and after each telegram (at most every 10 s: a day's quarter-hours cost well under a
 * millisecond to read). The running quarter-hour is in them, up to the last telegram recorded.
 */
import { useEffect, useState } from 'react';
import type { ElectricityRecord } from '../../contracts/history.ts';
import { luxDayStart, luxNextDay } from '../../contracts/lux-calendar.ts';
import { useApi, useApp } from './context.tsx';

const REFRESH_MS = 10_000;

/** Today's quarter-hours; null until known (no history, no meter yet, or the recorder is unavailable). */
export function useTodayRecords(): ElectricityRecord[] | null {
  const api = useApi();
  const meterId = useApp((s) => s.latest?.telegram.electricity.meterId ?? null);
  const [records, setRecords] = useState<ElectricityRecord[] | null>(null);
  // The host's clock (the day is the host's), moved on by each telegram and by the renderer's tick.
  const hostNow = useApp((s) => Math.floor(Math.max(s.now - s.hostOffsetMs, s.latest?.receivedAt ?? 0) / REFRESH_MS) * REFRESH_MS);
  useEffect(() => {
    if (meterId === null) return;
    let live = true;
    const from = luxDayStart(Math.floor(hostNow / 1000)); // Luxembourg's midnight, epoch seconds
    const to = luxNextDay(from);
    void api['history:series']({ meterId, kind: 'electricity', step: '15m', from: from * 1000, to: to * 1000 }).then((r) => {
      if (!live) return;
      setRecords(r.ok && r.value.kind === 'electricity' ? r.value.records : null);
    });
    return () => {
      live = false;
    };
  }, [api, meterId, hostNow]);
  return records;
}
