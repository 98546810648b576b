/**
 * The home view, for a household: a banner when the supply is cut or may be switched back on,
 * then power now (large) and today, the operator's messages, the chart, gas/water/heat and the
 * breaker; everything an engineer reads (totals, reactive power, phases) folds into "Details".
 * With no reading there are no values (a fresh app with a wrong key shows none); when the key fails
 * or the link goes quiet the last values stay, marked as old.
 */
import { t } from '../i18n/index.ts';
import { formatClock } from '../i18n/format.ts';
import { useApp } from '../state/context.tsx';
import { selectKeyFails, selectStale } from '../state/store.ts';
import { BreakerPanel } from './BreakerPanel.tsx';
import { ElectricityTile } from './ElectricityTile.tsx';
import { Inbox } from './Inbox.tsx';
import { MbusSection } from './MbusSection.tsx';
import { MetersTile } from './MetersTile.tsx';
import { PowerChart } from './PowerChart.tsx';
import { PowerNow } from './PowerNow.tsx';
import { SupplyBanner } from './SupplyBanner.tsx';
import { TodaySlot, type TodayProps } from './TodaySlot.tsx';

export function Dashboard({ todayWh, children }: TodayProps = {}) {
  const loaded = useApp((s) => s.loaded);
  const loadError = useApp((s) => s.loadError);
  const electricity = useApp((s) => s.latest?.telegram.electricity);
  const mbus = useApp((s) => s.latest?.telegram.mbus);
  const receivedAt = useApp((s) => s.latest?.receivedAt);
  const stale = useApp(selectStale);
  const keyFails = useApp(selectKeyFails);
  const hasChart = useApp((s) => s.chart.length > 0); // the recorder's past shows before the first telegram

  if (!loaded) {
    return (
      <p className="view" data-testid="loading" role="status">
        {loadError ? t('app.loadFailed', { message: loadError.message }) : t('app.loading')}
      </p>
    );
  }
  return (
    <div className="view" data-testid="view-dashboard">
      <h2 className="visually-hidden">{t('nav.dashboard')}</h2>
      {!electricity ? (
        <p className="empty" data-testid="no-data">
          {keyFails ? t('dashboard.noDataWrongKey') : t('dashboard.noData')}
        </p>
      ) : (
        stale &&
        receivedAt !== undefined && (
          <p className="stale-banner" data-testid="stale-banner">
            {t('dashboard.stale', { time: formatClock(receivedAt) })}
          </p>
        )
      )}
      {electricity && <SupplyBanner breaker={electricity.breaker} />}
      <div className={`grid${stale ? ' is-stale' : ''}`}>
        {electricity && (
          <PowerNow
            importPowerW={electricity.importPowerW}
            exportPowerW={electricity.exportPowerW}
            powerLimitKva={electricity.powerLimitKva}
          />
        )}
        <MetersTile />
        <TodaySlot todayWh={todayWh}>{children}</TodaySlot>
        <Inbox />
        {(electricity || hasChart) && <PowerChart />}
        {mbus && <MbusSection channels={mbus} />}
        {electricity && (
          <BreakerPanel breaker={electricity.breaker} relay1={electricity.relays?.relay1} relay2={electricity.relays?.relay2} />
        )}
        {electricity && (
          <details className="details tile-wide" data-testid="dashboard-details">
            <summary>
              <span className="details-title">{t('home.details')}</span> <span className="details-hint">{t('home.detailsHint')}</span>
            </summary>
            <ElectricityTile e={electricity} />
          </details>
        )}
      </div>
    </div>
  );
}
