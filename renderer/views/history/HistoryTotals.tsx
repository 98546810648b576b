/** The period's totals under the History chart: from the registers, with the estimated part named. */
import { formatKwh, formatMeasure } from '../../i18n/format.ts';
import { formatNumber, t } from '../../i18n/index.ts';
import type { ShownKind, Totals } from './history-bars.ts';

const amount = (value: number, unit: string): string => (unit === 'kWh' ? formatKwh(Math.round(value * 1000)) : formatMeasure(value, unit));

export function HistoryTotals({ totals, shown, bars }: { totals: Totals; shown: ShownKind; bars: number }) {
  const label = shown === 'import' ? 'history.total.import' : shown === 'export' ? 'history.total.export' : 'history.total.consumption';
  return (
    <dl className="history-totals" data-testid="history-totals">
      <dt>{t(label)}</dt>
      <dd data-testid="history-total" data-value={totals.total}>
        {totals.withData === 0 ? t('history.total.none') : amount(totals.total, totals.unit)}
        {totals.estimated > 0 && (
          <span className="muted"> ({t('history.total.estimated', { value: amount(totals.estimated, totals.unit) })})</span>
        )}
      </dd>
      <dd className="muted">{t('history.total.bars', { count: totals.withData, all: formatNumber(bars, 0) })}</dd>
    </dl>
  );
}
