/**
 * Settings → Other meters (issue 12): add a meter by name and address (host:port or a serial port),
 * then give it its key (typed or paired); each listed meter can be changed or removed. The main meter stays under Data source,
 * Meter key and Pairing.
 */
import { useId, useState } from 'react';
import { MAX_OTHER_METERS } from '../../contracts/ipc.ts';
import { t } from '../i18n/index.ts';
import { useApp } from '../state/context.tsx';
import { OtherMeterForm } from './OtherMeterForm.tsx';
import { OtherMeterKey } from './OtherMeterKey.tsx';

export function OtherMetersSettings() {
  const meters = useApp((s) => s.meters);
  const [result, setResult] = useState('');
  const id = useId();
  const full = meters.length >= MAX_OTHER_METERS;

  return (
    <section className="tile" data-testid="other-meters" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('meters.settings.title')}</h2>
      <p className="hint">{t('meters.settings.explain')}</p>
      {meters.length > 0 && (
        <ul className="other-meters">
          {meters.map((m) => (
            <OtherMeterKey key={m.id} meter={m} onResult={setResult} />
          ))}
        </ul>
      )}
      {full ? (
        <p data-testid="other-meters-full">{t('meters.settings.full', { max: MAX_OTHER_METERS })}</p>
      ) : (
        <OtherMeterForm onResult={setResult} />
      )}
      <p role="status" data-testid="other-meters-result">
        {result}
      </p>
    </section>
  );
}
