/** The first thing on Home: the power used now, large, against the limit; what is sent back, if any. */
import { memo } from 'react';
import type { Electricity } from '../../protocol/types.ts';
import { t } from '../i18n/index.ts';
import { formatWatt } from '../i18n/format.ts';
import { FieldValue } from './FieldValue.tsx';
import { PowerGauge } from './PowerGauge.tsx';

interface Props {
  importPowerW: Electricity['importPowerW'];
  exportPowerW: Electricity['exportPowerW'];
  powerLimitKva: Electricity['powerLimitKva'];
}

function PowerNowInner({ importPowerW, exportPowerW, powerLimitKva }: Props) {
  return (
    <section className="tile tile-now" data-testid="tile-now" aria-labelledby="now-title">
      <h2 id="now-title">{t('home.powerNow')}</h2>
      <p className="power-now">
        <FieldValue name="importPowerW" value={importPowerW} format={formatWatt} />
      </p>
      {typeof exportPowerW === 'number' && exportPowerW > 0 && (
        <p className="power-sending" data-testid="power-sending">
          {t('home.sending', { power: formatWatt(exportPowerW) })}
        </p>
      )}
      <PowerGauge powerW={importPowerW} limitKva={powerLimitKva} />
    </section>
  );
}

/** Props are numbers: re-renders only when one of them changes. */
export const PowerNow = memo(PowerNowInner);
