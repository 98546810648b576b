/**
 * The period's import compared with the previous period, the same period a year ago, the reference
 * household, and (a finished day, opt-in) the households of the same power class. A period still
 * running is compared over the time behind us on both sides.
 */
import { shareAbove } from '../../../contracts/peers.ts';
import { t } from '../../i18n/index.ts';
import { formatKwh, formatPercent } from '../../i18n/format.ts';
import { useApp } from '../../state/context.tsx';
import { useCostSettings } from '../../state/use-costs.ts';
import { isoDate, type Period } from './period.ts';
import { useComparison } from './use-costs-data.ts';

/** "12 % more", "8 % less", "about the same" (within 2 %). */
function difference(mine: number, other: number | null): string {
  if (other === null || other === 0) return t('compare.noData');
  const change = (mine - other) / other;
  if (Math.abs(change) < 0.02) return t('compare.same');
  return t(change > 0 ? 'compare.more' : 'compare.less', { percent: formatPercent(Math.abs(change)) });
}

export function ComparePanel({ meterId, period }: { meterId: string; period: Period }) {
  const { costs } = useCostSettings();
  const now = useApp((s) => s.now);
  const data = useComparison(meterId, period, costs, now);
  if (!costs || data.state !== 'ready' || data.value.mineWh === null) return null;
  const c = data.value;
  const mine = c.mineWh ?? 0;
  const rows: [string, number | null, string][] = [
    ['previous', c.previousWh, t('compare.previous')],
    ['last-year', c.lastYearWh, t('compare.lastYear')],
    ['reference', c.referenceWh, t('compare.reference')],
  ];
  const p = c.peers?.percentilesWh;
  return (
    <section className="tile" data-testid="compare-panel" aria-labelledby="compare-panel-title">
      <h3 id="compare-panel-title">{t('compare.title')}</h3>
      <p data-testid="compare-mine">{t('compare.mine', { energy: formatKwh(mine) })}</p>
      {c.spanMs < period.to - period.from && <p className="hint">{t('compare.partial')}</p>}
      <ul className="compare-list">
        {rows.map(([id, other, label]) => (
          <li key={id} data-testid={`compare-${id}`}>
            <span>
              {label}
              {other !== null && ` (${formatKwh(other)})`}
            </span>
            <strong>{difference(mine, other)}</strong>
          </li>
        ))}
        {c.peers && (
          <li data-testid="compare-peers">
            <span>
              {t('compare.peers')}
              {p && ` (${formatKwh(p.p50)})`}
            </span>
            <strong>{p ? difference(mine, p.p50) : t('compare.peersFew')}</strong>
          </li>
        )}
      </ul>
      {p && (
        <p data-testid="compare-rank">{t('compare.rank', { percent: formatPercent(shareAbove(p, mine)), date: isoDate(period.from) })}</p>
      )}
      {c.peersError && <p className="hint">{c.peersError}</p>}
    </section>
  );
}
