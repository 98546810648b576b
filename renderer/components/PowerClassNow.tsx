/**
 * The power class live on the dashboard: "until 18:15: 4.2 kW against your 3 kW class", from the
 * import register since the quarter-hour began and the present power until it ends.
 */
import { t } from '../i18n/index.ts';
import { formatClockShort, formatKilowatt, formatKwh } from '../i18n/format.ts';
import { useApp } from '../state/context.tsx';
import { quarterView } from '../state/quarter-hour.ts';
import { selectStale } from '../state/store.ts';
import { useCostSettings } from '../state/use-costs.ts';

export function PowerClassNow() {
  const { costs } = useCostSettings();
  const quarter = useApp((s) => s.quarter);
  const hostNow = useApp((s) => s.now - s.hostOffsetMs);
  const stale = useApp(selectStale);
  if (!costs || !quarter || stale) return null;
  const view = quarterView(quarter, costs.tariff.referenceKw, hostNow);
  if (!view) return null;
  const share = Math.min(1, view.soFarWh / view.allowanceWh);
  return (
    <section className={`power-class${view.over ? ' is-over' : ''}`} data-testid="power-class-now" aria-labelledby="power-class-title">
      <h3 id="power-class-title">{t('costs.now.title')}</h3>
      <p className="power-class-headline" data-testid="power-class-projected">
        {t('costs.now.projected', {
          time: formatClockShort(view.quarterEnd),
          kw: formatKilowatt(view.projectedKw * 1000),
          classKw: formatKilowatt(costs.tariff.referenceKw * 1000),
        })}
      </p>
      <meter min={0} max={1} value={share} aria-label={t('costs.now.title')} />
      <p>{t('costs.now.soFar', { soFar: formatKwh(view.soFarWh), allowance: formatKwh(view.allowanceWh) })}</p>
      <p className={view.over ? 'warning-text' : undefined} role={view.over ? 'status' : undefined}>
        {view.over ? t('costs.now.over') : t('costs.now.under')}
      </p>
      {view.partial && <p className="hint">{t('costs.now.partial')}</p>}
      {costs.tariff.example && (
        <p className="hint" data-testid="costs-example">
          {t('costs.example')}
        </p>
      )}
    </section>
  );
}
