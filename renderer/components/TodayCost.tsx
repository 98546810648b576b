/** Home → Today: what today has cost so far, from its quarter-hours and the household's tariff. */
import type { ElectricityRecord } from '../../contracts/history.ts';
import { addCosts, costsByDay, nanoToEuro, totalNano } from '../../contracts/tariff-costs.ts';
import { t } from '../i18n/index.ts';
import { formatEuro } from '../i18n/format.ts';
import { useCostSettings } from '../state/use-costs.ts';

export function TodayCost({ records }: { records: ElectricityRecord[] | null }) {
  const { costs } = useCostSettings();
  if (!costs || !records || records.length === 0) return null;
  const today = addCosts(costsByDay(costs.tariff, records));
  return (
    <p className="today-cost" data-testid="today-cost">
      {t('costs.today', { amount: formatEuro(nanoToEuro(totalNano(today))) })}
      {today.overuseQuarters > 0 && ` · ${t('costs.todayOveruse', { count: today.overuseQuarters })}`}
    </p>
  );
}
