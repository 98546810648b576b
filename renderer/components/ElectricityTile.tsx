/**
 * Electricity in detail, inside Home's "Details": the meter, export power and the limit, the totals,
 * reactive/apparent power and the phases. Power now and its gauge are on top (PowerNow).
 */
import { memo } from 'react';
import type { Electricity } from '../../protocol/types.ts';
import { t } from '../i18n/index.ts';
import { formatAmpere, formatCount, formatKva, formatKvarh, formatKwh, formatVa, formatVar, formatWatt } from '../i18n/format.ts';
import { Field } from './Field.tsx';
import { PhaseTable } from './PhaseTable.tsx';

const asText = (s: string): string => s;
const formatCurrentLimits = (l: { import: number; export: number }): string =>
  t('elec.currentLimitValue', { import: formatAmpere(l.import), export: formatAmpere(Math.abs(l.export)) });

function ElectricityTileInner({ e }: { e: Electricity }) {
  return (
    <section className="tile tile-wide" data-testid="tile-electricity" aria-labelledby="elec-title">
      <h2 id="elec-title">{t('elec.title')}</h2>
      <dl className="fields">
        <Field label={t('elec.meterId')} name="meterId" value={e.meterId} format={asText} />
      </dl>
      <h3>{t('elec.now')}</h3>
      <dl className="fields">
        <Field label={t('elec.export')} name="exportPowerW" value={e.exportPowerW} format={formatWatt} />
        <Field label={t('elec.limit')} name="powerLimitKva" value={e.powerLimitKva} format={formatKva} />
      </dl>
      <h3>{t('elec.totals')}</h3>
      <dl className="fields">
        <Field label={t('elec.importEnergy')} name="importEnergyWh" value={e.importEnergyWh} format={formatKwh} />
        <Field label={t('elec.exportEnergy')} name="exportEnergyWh" value={e.exportEnergyWh} format={formatKwh} />
        <Field label={t('elec.importReactiveEnergy')} name="importReactiveVarh" value={e.importReactiveVarh} format={formatKvarh} />
        <Field label={t('elec.exportReactiveEnergy')} name="exportReactiveVarh" value={e.exportReactiveVarh} format={formatKvarh} />
      </dl>
      <h3>{t('elec.reactive')}</h3>
      <dl className="fields">
        <Field label={t('elec.importReactive')} name="importReactivePowerVar" value={e.importReactivePowerVar} format={formatVar} />
        <Field label={t('elec.exportReactive')} name="exportReactivePowerVar" value={e.exportReactivePowerVar} format={formatVar} />
        <Field label={t('elec.importApparent')} name="importApparentPowerVa" value={e.importApparentPowerVa} format={formatVa} />
        <Field label={t('elec.exportApparent')} name="exportApparentPowerVa" value={e.exportApparentPowerVa} format={formatVa} />
        <Field label={t('elec.currentLimit')} name="currentLimitsA" value={e.currentLimitsA} format={formatCurrentLimits} />
        <Field label={t('elec.powerFailures')} name="powerFailures" value={e.powerFailures} format={formatCount} />
      </dl>
      {e.phases && <PhaseTable phases={e.phases} />}
    </section>
  );
}

/** Re-renders only when the electricity object changes (a new telegram). */
export const ElectricityTile = memo(ElectricityTileInner);
