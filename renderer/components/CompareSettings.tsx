/**
 * Settings → comparisons: the reference household (contracts/reference.ts) and the opt-in to the
 * central system's anonymous peer figures. Off until the user ticks it: asking reveals the meter's
 * power class to the central system.
 */
import { useEffect, useId, useState } from 'react';
import { checkReference, type ReferenceProfile, referenceAnnualKwh } from '../../contracts/reference.ts';
import { formatNumber, t } from '../i18n/index.ts';
import { useCostSettings } from '../state/use-costs.ts';

const HEATING: readonly ReferenceProfile['heating'][] = ['none', 'heat-pump', 'electric'];

export function CompareSettings() {
  const { costs, save } = useCostSettings();
  const [draft, setDraft] = useState<{ reference: ReferenceProfile; custom: string; peersOptIn: boolean } | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const id = useId();
  useEffect(() => {
    if (costs && !draft) {
      const custom = costs.reference.customAnnualKwh === null ? '' : String(costs.reference.customAnnualKwh);
      setDraft({ reference: costs.reference, custom, peersOptIn: costs.peersOptIn });
    }
  }, [costs, draft]);
  if (!costs || !draft) return null;

  const edit = (patch: Partial<ReferenceProfile>) => {
    setDraft({ ...draft, reference: { ...draft.reference, ...patch } });
    setStatus(null);
  };
  const candidate = { ...draft.reference, customAnnualKwh: draft.custom.trim() === '' ? null : Number(draft.custom.replace(',', '.')) };
  const checked = checkReference(candidate);
  const submit = async () => {
    if (!checked.ok) return setStatus({ ok: false, text: t('costs.settings.notSaved', { message: checked.error.message }) });
    const r = await save({ ...costs, reference: checked.value, peersOptIn: draft.peersOptIn });
    setStatus(
      r.ok
        ? { ok: true, text: t('costs.settings.saved') }
        : { ok: false, text: t('costs.settings.notSaved', { message: r.error.message }) },
    );
  };

  return (
    <section className="tile tariff-form" data-testid="compare-settings" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('costs.reference.title')}</h3>
      <p>{t('costs.reference.explain')}</p>
      <label>
        {t('costs.reference.people')}
        <input
          type="number"
          min={1}
          max={8}
          step={1}
          value={draft.reference.people}
          data-testid="reference-people"
          onChange={(e) => edit({ people: Number(e.target.value) })}
        />
      </label>
      <label>
        {t('costs.reference.heating')}{' '}
        <select value={draft.reference.heating} onChange={(e) => edit({ heating: e.target.value as ReferenceProfile['heating'] })}>
          {HEATING.map((h) => (
            <option key={h} value={h}>
              {t(`costs.reference.heating.${h}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input type="checkbox" checked={draft.reference.ev} onChange={(e) => edit({ ev: e.target.checked })} />
        {t('costs.reference.ev')}
      </label>
      <label>
        {t('costs.reference.custom')}
        <input
          type="number"
          min={1}
          step="any"
          value={draft.custom}
          data-testid="reference-custom"
          onChange={(e) => {
            setDraft({ ...draft, custom: e.target.value });
            setStatus(null);
          }}
        />
      </label>
      {checked.ok && (
        <p data-testid="reference-annual">
          {t('costs.reference.annual', { kwh: t('fmt.kwh', { value: formatNumber(referenceAnnualKwh(checked.value), 0) }) })}
        </p>
      )}
      <label>
        <input
          type="checkbox"
          checked={draft.peersOptIn}
          data-testid="peers-opt-in"
          onChange={(e) => {
            setDraft({ ...draft, peersOptIn: e.target.checked });
            setStatus(null);
          }}
        />
        {t('costs.peers.optIn')}
      </label>
      <button type="button" data-testid="compare-save" onClick={() => void submit()}>
        {t('costs.settings.save')}
      </button>
      {status && (
        <p className={status.ok ? undefined : 'error-text'} role={status.ok ? 'status' : 'alert'} data-testid="compare-status">
          {status.text}
        </p>
      )}
    </section>
  );
}
