/**
 * A banner on Home while the main breaker is not connected: the supply is cut, or it may be switched
 * back on at the meter. Relays are not the household's supply and never raise it. Announced when it
 * appears (role=alert): on Home it stands for the supply alerts too (AlertBanners leaves them out there).
 */
import type { ControlState } from '../../protocol/types.ts';
import { t } from '../i18n/index.ts';

export function SupplyBanner({ breaker }: { breaker: ControlState | undefined }) {
  if (breaker !== 'disconnected' && breaker !== 'ready') return null;
  const cut = breaker === 'disconnected';
  return (
    <div role="alert" className={`supply-banner ${cut ? 'supply-cut' : 'supply-ready'}`} data-testid="supply-banner" data-state={breaker}>
      <span className="supply-icon" aria-hidden="true">
        {cut ? '✕' : '◐'}
      </span>
      <p>
        <strong>{t(cut ? 'home.supplyCut' : 'home.supplyReady')}</strong> {t(`breaker.explain.${breaker}`)}
      </p>
    </div>
  );
}
