/**
 * Fills the dashboard chart from the recorder after a (re)load: the last 24 h of power of the meter
 * on the port (or, before its first telegram, the meter the history heard from last), so a restart
 * of the app or the page loses nothing. A host without history (HISTORY_UNAVAILABLE) leaves the
 * chart to the live points: the chart is never blanked for it.
 */
import type { LuxApi } from '../../contracts/ipc.ts';
import type { PowerPoint } from './power-series.ts';
import { CHART_WINDOW_MS } from './power-series.ts';
import type { AppStore } from './store.ts';

/** The recorder's power as chart points, oldest first. */
export function powerPoints(p: { at: number[]; importW: (number | null)[]; exportW: (number | null)[] }): PowerPoint[] {
  return p.at.map((at, i) => ({ at, importPowerW: p.importW[i] ?? null, exportPowerW: p.exportW[i] ?? null }));
}

/** One attempt; failures (no history, an old host without the channels) are silent by design. */
export async function fillChartFromHistory(api: Partial<LuxApi>, store: AppStore, hostNow: number): Promise<void> {
  if (!api['history:info'] || !api['history:power']) return;
  try {
    let meterId = store.getState().latest?.telegram.electricity.meterId ?? null;
    if (!meterId) {
      const info = await api['history:info'](null);
      if (!info.ok) return;
      const newest = [...info.value.meters].sort((a, b) => (b.last ?? '').localeCompare(a.last ?? ''))[0];
      meterId = newest?.meterId ?? null;
    }
    if (!meterId) return;
    const power = await api['history:power']({ meterId, from: hostNow - CHART_WINDOW_MS, to: hostNow + 60_000 });
    if (power.ok && power.value.at.length > 0) store.getState().loadPowerHistory(powerPoints(power.value));
  } catch {
    // the live chart goes on without the past
  }
}
