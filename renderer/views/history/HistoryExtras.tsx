/**
 * The slot below the History chart for the costs panel (issue 10, another change): it receives the
 * meter, the period shown and its series, and draws nothing yet.
 */
import type { HistorySeries } from '../../../contracts/history.ts';

export interface HistoryExtrasProps {
  meterId: string;
  period: { from: number; to: number; kind: string };
  series: HistorySeries | null;
}

export function HistoryExtras({ meterId, period }: HistoryExtrasProps) {
  return <div data-testid="history-extras" data-meter={meterId} data-from={period.from} data-to={period.to} />;
}
