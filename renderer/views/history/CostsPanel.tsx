/**
 * Costs of the period shown: the total in euros, what it is made of, the quarter-hours above the
 * power class, and a line per day (per month in the year view). Electricity import only: the
 * tariff bills what is drawn.
 */
import type { ElectricityRecord } from '../../../contracts/history.ts';
import { addCosts, type Costs, type DayCosts, NO_COSTS, nanoToEuro, totalNano } from '../../../contracts/tariff-costs.ts';
import { t } from '../../i18n/index.ts';
import { formatEuro, formatKilowatt, formatKwh } from '../../i18n/format.ts';
import { useCostSettings } from '../../state/use-costs.ts';
import { barLabel } from './history-format.ts';
import type { Period } from './period.ts';
import { usePeriodCosts } from './use-costs-data.ts';
import { luxMidnight } from '../../../contracts/lux-calendar.ts';

const euro = (c: Costs) => formatEuro(nanoToEuro(totalNano(c)));

/** Rows of the table: days, or months in the year view; each with the local midnight it starts at. */
function rows(period: Period, days: DayCosts[]): { start: number; costs: Costs }[] {
  const key = (d: DayCosts) => (period.kind === 'year' ? d.date.slice(0, 7) : d.date);
  const groups = new Map<string, Costs>();
  for (const d of days) groups.set(key(d), addCosts([groups.get(key(d)) ?? NO_COSTS, d]));
  return [...groups].map(([k, costs]) => ({
    start: luxMidnight(Number(k.slice(0, 4)), Number(k.slice(5, 7)), period.kind === 'year' ? 1 : Number(k.slice(8, 10))) * 1000,
    costs,
  }));
}

export function CostsPanel({ meterId, period, shown }: { meterId: string; period: Period; shown: ElectricityRecord[] | null }) {
  const { costs } = useCostSettings();
  const data = usePeriodCosts(meterId, period, costs, shown);
  if (!costs) return null;
  const body = () => {
    if (data.state === 'loading') return <p role="status">{t('costs.panel.loading')}</p>;
    if (data.state === 'failed') return <p className="error-text">{t('costs.panel.failed', { message: data.error.message })}</p>;
    const { days, worst } = data.value;
    if (days.length === 0) return <p>{t('costs.panel.noData')}</p>;
    const sum = addCosts(days);
    const table = period.kind === 'day' ? [] : rows(period, days);
    const rowPeriod: Period = { ...period, step: period.kind === 'year' ? '1mo' : '1d' };
    return (
      <>
        <p className="costs-total" data-testid="costs-total">
          {t('costs.panel.total', { amount: euro(sum) })}
        </p>
        <table className="costs-table">
          <tbody>
            <tr>
              <th scope="row">{t('costs.panel.supply')}</th>
              <td>{formatEuro(nanoToEuro(sum.supplyNano))}</td>
            </tr>
            <tr>
              <th scope="row">{t('costs.panel.network')}</th>
              <td>{formatEuro(nanoToEuro(sum.networkNano))}</td>
            </tr>
            <tr>
              <th scope="row">{t('costs.panel.fixed')}</th>
              <td>{formatEuro(nanoToEuro(sum.fixedNano))}</td>
            </tr>
          </tbody>
        </table>
        <p data-testid="costs-overuse">
          {sum.overuseQuarters === 0
            ? t('costs.panel.noOveruse')
            : t('costs.panel.overuse', { count: sum.overuseQuarters, energy: formatKwh(sum.overuseWh) })}
        </p>
        {worst.length > 0 && (
          <details>
            <summary>{t('costs.panel.worst')}</summary>
            <ul data-testid="costs-worst">
              {worst.map((q) => (
                <li key={q.start}>
                  {barLabel({ ...period, step: '15m' }, Date.parse(q.start))}: {formatKwh(q.importWh)} ({formatKilowatt(q.importWh * 4)})
                </li>
              ))}
            </ul>
          </details>
        )}
        {sum.estimated && <p className="hint">{t('costs.panel.estimated')}</p>}
        {table.length > 1 && (
          <table className="costs-table" data-testid="costs-table">
            <thead>
              <tr>
                <th scope="col">{t('costs.panel.period')}</th>
                <th scope="col">{t('costs.panel.energy')}</th>
                <th scope="col">{t('costs.panel.cost')}</th>
              </tr>
            </thead>
            <tbody>
              {table.map((r) => (
                <tr key={r.start}>
                  <th scope="row">{barLabel(rowPeriod, r.start)}</th>
                  <td>{formatKwh(r.costs.importWh)}</td>
                  <td>{euro(r.costs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </>
    );
  };
  return (
    <section className="tile" data-testid="costs-panel" aria-labelledby="costs-panel-title">
      <h3 id="costs-panel-title">{t('costs.panel.title')}</h3>
      {costs.tariff.example && <p className="hint">{t('costs.example')}</p>}
      {body()}
    </section>
  );
}
