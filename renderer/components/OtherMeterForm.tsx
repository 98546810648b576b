/**
 * A meter's name and address (host:port of a network adapter, or a serial port), for adding an other
 * meter and for changing one: the same fields, the same checks, `meters:save` either way (an existing
 * id is updated and only that meter restarts).
 */
import { type FormEvent, useId, useState } from 'react';
import type { MeterState } from '../../contracts/ipc.ts';
import { t } from '../i18n/index.ts';
import { useApi, useApp } from '../state/context.tsx';
import { addressOf, idFor, sourceFromAddress } from '../state/meters-view.ts';

export function OtherMeterForm({ meter, onResult }: { meter?: MeterState; onResult: (text: string) => void }) {
  const api = useApi();
  const meters = useApp((s) => s.meters);
  const setMeters = useApp((s) => s.setMeters);
  const [label, setLabel] = useState(meter?.label ?? '');
  const [address, setAddress] = useState(meter ? addressOf(meter.source) : '');
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const testId = (what: string) => (meter ? `other-meter-edit-${what}` : `other-meter-${what}`);

  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const name = label.trim();
    const source = sourceFromAddress(address);
    if (!name) return setProblem(t('meters.settings.badLabel'));
    if (!source) return setProblem(t('meters.settings.badAddress'));
    setProblem(null);
    const meterId =
      meter?.id ??
      idFor(
        name,
        meters.map((m) => m.id),
      );
    const r = await api['meters:save']({ id: meterId, label: name, source });
    if (!r.ok) return onResult(t('meters.settings.failed', { message: r.error.message }));
    setMeters(r.value);
    if (meter) return onResult(t('meters.settings.changed', { label: name }));
    setLabel('');
    setAddress('');
    onResult(t('meters.settings.added', { label: name }));
  };

  return (
    <form onSubmit={(e) => void save(e)} noValidate>
      <label htmlFor={`${id}-label`}>{t('meters.settings.label')}</label>
      <input id={`${id}-label`} data-testid={testId('label')} value={label} maxLength={40} onChange={(e) => setLabel(e.target.value)} />
      <label htmlFor={`${id}-address`}>{t('meters.settings.address')}</label>
      <p id={`${id}-hint`} className="hint">
        {t('meters.settings.addressHint')}
      </p>
      <input
        id={`${id}-address`}
        data-testid={testId('address')}
        className="mono"
        value={address}
        spellCheck={false}
        onChange={(e) => setAddress(e.target.value)}
        aria-invalid={problem !== null}
        aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ''}`}
      />
      {problem && (
        <p id={`${id}-problem`} className="field-error" role="alert" data-testid={testId('error')}>
          {problem}
        </p>
      )}
      <div className="actions">
        <button type="submit" data-testid={meter ? 'other-meter-edit-save' : 'other-meter-add'}>
          {meter ? t('meters.settings.change') : t('meters.settings.add')}
        </button>
      </div>
    </form>
  );
}
