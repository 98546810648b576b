/**
 * The alerts raised while the app is open (alerts/), on every view under the port panel: each says
 * what happened and when, is announced once, and can be dismissed; it goes by itself when what it
 * said is over (the supply is back, data arrives again). On Home the supply's own banner says it instead.
 */
import { useAlerts } from '../alerts/alert-context.tsx';
import { describeAlert } from '../alerts/alert-text.ts';
import { t } from '../i18n/index.ts';
import { useApp } from '../state/context.tsx';

const URGENT = new Set(['supply-cut', 'key-rotated', 'over-power-class']);
// Home has its own banner for the supply's state (SupplyBanner): the same news twice would only confuse.
const SAID_ON_HOME = new Set(['supply-cut', 'supply-ready']);

export function AlertBanners() {
  const all = useAlerts((s) => s.active);
  const dismiss = useAlerts((s) => s.dismiss);
  const onHome = useApp((s) => s.view === 'dashboard');
  const active = onHome ? all.filter((a) => !SAID_ON_HOME.has(a.kind)) : all;
  if (active.length === 0) return null;
  return (
    <section className="alerts" aria-label={t('alerts.region')} data-testid="alerts">
      {active.map((a) => {
        const { title, body } = describeAlert(a);
        return (
          <div key={a.id} className={`alert ${URGENT.has(a.kind) ? 'alert-bad' : 'alert-warn'}`} data-testid="alert" data-kind={a.kind}>
            <div role="alert" className="alert-text">
              <strong>{title}</strong> <span>{body}</span>
            </div>
            <button
              type="button"
              className="link-button"
              data-testid={`alert-dismiss-${a.kind}`}
              aria-label={`${t('alerts.dismiss')}: ${title}`}
              onClick={() => dismiss(a.id)}
            >
              {t('alerts.dismiss')}
            </button>
          </div>
        );
      })}
    </section>
  );
}
