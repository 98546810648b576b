/**
 * Below the History chart: for electricity, the costs of the period shown and how it compares
 * (CostsPanel, ComparePanel; not for gas, water and heat, which the tariff does not cover); for
 * every kind, what happened at the meter (EventsPanel).
 */
import type { HistorySeries } from '../../../contracts/history.ts';
import { ComparePanel } from './ComparePanel.tsx';
import { CostsPanel } from './CostsPanel.tsx';
import { EventsPanel } from './EventsPanel.tsx';
import type { Period } from './period.ts';

export interface HistoryExtrasProps {
  meterId: string;
  period: Period;
  series: HistorySeries | null;
}

export function HistoryExtras({ meterId, period, series }: HistoryExtrasProps) {
  return (
    <div className="grid" data-testid="history-extras" data-meter={meterId} data-from={period.from} data-to={period.to}>
      {series?.kind === 'electricity' && (
        <CostsPanel meterId={meterId} period={period} shown={series.step === '15m' ? series.records : null} />
      )}
      {series?.kind === 'electricity' && <ComparePanel meterId={meterId} period={period} />}
      <EventsPanel meterId={meterId} period={period} />
    </div>
  );
}
