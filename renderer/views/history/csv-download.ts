/**
 * "Download CSV" of the shown period: exactly what `luxp1 history export --format csv` writes for it
 * (contracts/history.ts historyCsv, the one CSV writer), saved through the browser's download.
 */
import { historyCsv, type HistorySeries } from '../../../contracts/history.ts';
import type { Period } from './period.ts';
import { isoDate } from './period.ts';

export function csvFileName(series: HistorySeries, period: Period): string {
  const safe = series.meterId.replace(/[^A-Za-z0-9_-]/g, '_');
  return `luxp1-${safe}-${series.kind}-${series.step}-${isoDate(period.from)}.csv`;
}

export function downloadCsv(series: HistorySeries, period: Period): void {
  const blob = new Blob([historyCsv(series.kind, series.records)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = csvFileName(series, period);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
