/**
 * One other meter in Settings → Other meters: its address, link and whether a key is stored, a key
 * field checked inline like the main meter's (the published authentication key refused with the
 * reason), and its removal. The key is never shown back.
 */
import { type FormEvent, useId } from 'react';
import type { MeterState } from '../../contracts/ipc.ts';
import { t } from '../i18n/index.ts';
import { useApi, useApp } from '../state/context.tsx';
import { addressOf } from '../state/meters-view.ts';
import { KeyField, useKeyField } from './KeyField.tsx';
import { OtherMeterForm } from './OtherMeterForm.tsx';
import { OtherMeterPair } from './OtherMeterPair.tsx';

export function OtherMeterKey({ meter, onResult }: { meter: MeterState; onResult: (text: string) => void }) {
  const api = useApi();
  const applyMeterState = useApp((s) => s.applyMeterState);
  const setMeters = useApp((s) => s.setMeters);
  const field = useKeyField();
  const id = useId();
  const { check } = field;
  const label = meter.label;

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    field.touch();
    if (!check.ok) return;
    const r = await api['meters:setKey']({ id: meter.id, hex: check.value });
    if (r.ok) {
      applyMeterState(r.value);
      field.reset();
      onResult(t('meters.settings.keySaved', { label }));
    } else if (r.error.code === 'KEY_FAILS') onResult(t('meters.settings.keyFails', { label }));
    else onResult(t('meters.settings.failed', { message: r.error.message }));
  };
  const remove = async (): Promise<void> => {
    const r = await api['meters:remove']({ id: meter.id });
    if (r.ok) {
      setMeters(r.value);
      onResult(t('meters.settings.removed', { label }));
    } else onResult(t('meters.settings.failed', { message: r.error.message }));
  };

  return (
    <li className="other-meter" data-testid={`other-meter-${meter.id}`}>
      <p>
        <strong>{label}</strong> <span className="mono">{addressOf(meter.source)}</span> ·{' '}
        <span data-testid="other-meter-link" data-status={meter.link.status}>
          {t(`link.${meter.link.status}`)}
        </span>{' '}
        · <span data-testid="other-meter-key">{meter.hasKey ? t('meters.settings.hasKey') : t('meters.settings.noKey')}</span>
      </p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <KeyField id={id} label={t('meters.settings.keyFor', { label })} field={field} testId="other-meter-key-input" />
        <div className="actions">
          <button type="submit" data-testid="other-meter-key-save">
            {t('meters.settings.saveKey')}
          </button>
          <button type="button" className="danger" data-testid="other-meter-remove" onClick={() => void remove()}>
            {t('meters.settings.remove', { label })}
          </button>
        </div>
      </form>
      <OtherMeterPair meter={meter} onResult={onResult} />
      <details className="other-meter-edit">
        <summary>{t('meters.settings.changeTitle', { label })}</summary>
        <OtherMeterForm meter={meter} onResult={onResult} />
      </details>
    </li>
  );
}
