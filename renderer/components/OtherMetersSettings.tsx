/**
 * Settings → Other meters (issue 12): add a meter by name and address (host:port or a serial port),
 * then give it its key; each listed meter can be removed. The main meter stays under Data source,
 * Meter key and Pairing.
 */
import { type FormEvent, useId, useState } from 'react';
import { MAX_OTHER_METERS } from '../../contracts/ipc.ts';
import { t } from '../i18n/index.ts';
import { useApi, useApp } from '../state/context.tsx';
import { idFor, sourceFromAddress } from '../state/meters-view.ts';
import { OtherMeterKey } from './OtherMeterKey.tsx';

export function OtherMetersSettings() {
  const api = useApi();
  const meters = useApp((s) => s.meters);
  const setMeters = useApp((s) => s.setMeters);
  const [label, setLabel] = useState('');
  const [address, setAddress] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState('');
  const id = useId();
  const full = meters.length >= MAX_OTHER_METERS;

  const add = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const name = label.trim();
    const source = sourceFromAddress(address);
    if (!name) return setProblem(t('meters.settings.badLabel'));
    if (!source) return setProblem(t('meters.settings.badAddress'));
    setProblem(null);
    const r = await api['meters:save']({
      id: idFor(
        name,
        meters.map((m) => m.id),
      ),
      label: name,
      source,
    });
    if (r.ok) {
      setMeters(r.value);
      setLabel('');
      setAddress('');
      setResult(t('meters.settings.added', { label: name }));
    } else setResult(t('meters.settings.failed', { message: r.error.message }));
  };

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
        <form onSubmit={(e) => void add(e)} noValidate>
          <label htmlFor={`${id}-label`}>{t('meters.settings.label')}</label>
          <input
            id={`${id}-label`}
            data-testid="other-meter-label"
            value={label}
            maxLength={40}
            onChange={(e) => setLabel(e.target.value)}
          />
          <label htmlFor={`${id}-address`}>{t('meters.settings.address')}</label>
          <p id={`${id}-hint`} className="hint">
            {t('meters.settings.addressHint')}
          </p>
          <input
            id={`${id}-address`}
            data-testid="other-meter-address"
            className="mono"
            value={address}
            spellCheck={false}
            onChange={(e) => setAddress(e.target.value)}
            aria-invalid={problem !== null}
            aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ''}`}
          />
          {problem && (
            <p id={`${id}-problem`} className="field-error" role="alert" data-testid="other-meter-error">
              {problem}
            </p>
          )}
          <div className="actions">
            <button type="submit" data-testid="other-meter-add">
              {t('meters.settings.add')}
            </button>
          </div>
        </form>
      )}
      <p role="status" data-testid="other-meters-result">
        {result}
      </p>
    </section>
  );
}
