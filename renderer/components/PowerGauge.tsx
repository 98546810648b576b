/**
 * Import power against the limiter threshold, as a bar with the numbers written out. The limit is
 * in kVA and the power in W: at household power factors the two are close enough for a gauge.
 */
import { formatNumber, t } from '../i18n/index.ts';
import { formatKilowatt } from '../i18n/format.ts';

interface Props {
  powerW: number | null | undefined;
  limitKva: number | null | undefined;
}

export function PowerGauge({ powerW, limitKva }: Props) {
  if (typeof powerW !== 'number') return null;
  if (typeof limitKva !== 'number' || limitKva <= 0) {
    return (
      <p className="gauge-text" data-testid="power-gauge" data-state="no-limit">
        {t('elec.gaugeNoLimit')}
      </p>
    );
  }
  const limitW = limitKva * 1000;
  const percent = Math.round((powerW / limitW) * 100);
  const text = t('elec.gaugeText', {
    power: formatKilowatt(powerW),
    limit: formatKilowatt(limitW),
    percent: t('fmt.percent', { value: formatNumber(percent, 0) }),
  });
  const level = percent >= 90 ? 'high' : percent >= 70 ? 'mid' : 'low';
  return (
    <div className="gauge" data-testid="power-gauge" data-level={level}>
      <div
        className="gauge-track"
        role="meter"
        aria-label={t('elec.gaugeLabel')}
        aria-valuemin={0}
        aria-valuemax={limitW}
        aria-valuenow={powerW}
        aria-valuetext={text}
      >
        <div className={`gauge-fill gauge-${level}`} style={{ width: `${Math.min(percent, 100)}%` }} />
      </div>
      <p className="gauge-text">{text}</p>
    </div>
  );
}
