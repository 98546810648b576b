/**
 * The home view. With no reading there are no values (a fresh app with a wrong key shows none);
 * when the key fails or the link goes quiet the last values stay, marked as old.
 */
import { t } from '../i18n/index.ts';
import { formatClock } from '../i18n/format.ts';
import { useApp } from '../state/context.tsx';
import { selectKeyFails, selectStale } from '../state/store.ts';
import { BreakerPanel } from './BreakerPanel.tsx';
import { ElectricityTile } from './ElectricityTile.tsx';
import { Inbox } from './Inbox.tsx';
import { MbusSection } from './MbusSection.tsx';
import { PowerChart } from './PowerChart.tsx';
import { PowerClassNow } from './PowerClassNow.tsx';

export function Dashboard() {
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
      <div className={`grid${stale ? ' is-stale' : ''}`}>
        {electricity && <ElectricityTile e={electricity} />}
        {electricity && (
          <BreakerPanel breaker={electricity.breaker} relay1={electricity.relays?.relay1} relay2={electricity.relays?.relay2} />
        )}
        {electricity && <PowerClassNow />}
        <Inbox />
        {(electricity || hasChart) && <PowerChart />}
        {mbus && <MbusSection channels={mbus} />}
      </div>
    </div>
  );
}
