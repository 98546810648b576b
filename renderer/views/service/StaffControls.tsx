/**
 * The meter's configuration as staff can change it: encryption (one switch showing its state), the
 * field set (presets or a chosen list), the power limit, the breaker and both relays. Disconnecting
 * asks first. Each change is one StaffChange; a refusal shows next to the control that sent it.
 */
import { useId, useState } from 'react';
import type { CentralMeter, ControlState, StaffChange } from '../../../contracts/ipc.ts';
import { POWER_LIMIT_MAX_KVA } from '../../../protocol/index.ts';
import { t } from '../../i18n/index.ts';
import { ConfirmAction } from './ConfirmAction.tsx';
import { FieldChooser } from './FieldChooser.tsx';
import { errorId, PlaceError, type Place, type PlaceErrors } from './PlaceError.tsx';
import { StaffDevices } from './StaffDevices.tsx';
import { StateSelect } from './StateSelect.tsx';

export interface ControlsProps {
  meter: CentralMeter;
  busy: boolean;
  errors: PlaceErrors;
  onChange: (c: StaffChange, place: Place) => void;
  /** A check in the view failed before anything was sent (e.g. a message with accents). */
  onInvalid: (place: Place, text: string) => void;
}

/** Offers every change; `onChange` sends it (and times it). */
export function StaffControls(props: ControlsProps) {
  const { meter, busy, errors, onChange } = props;
  const scope = useId();
  const [limit, setLimit] = useState(String(meter.powerLimitKva));
  const [breaker, setBreaker] = useState<ControlState>(meter.breaker);
  const [relays, setRelays] = useState(meter.relays);
  const state = (s: ControlState): string => t(`service.control.${s}`);
  const described = (place: Place): string | undefined => (errors[place] ? errorId(scope, place) : undefined);
  const applyLimit = (): void => {
    const value = Number(limit);
    if (value > 0 && value <= POWER_LIMIT_MAX_KVA) onChange({ kind: 'patch', body: { powerLimitKva: value } }, 'powerLimit');
    else props.onInvalid('powerLimit', t('service.error.powerLimit'));
  };

  return (
    <section className="staff-controls" data-testid="staff-controls" aria-busy={busy}>
      <h3>{t('service.change')}</h3>
      <fieldset className="control-group">
        <legend>{t('service.change.encryption')}</legend>
        <button
          type="button"
          role="switch"
          aria-checked={meter.encryption}
          aria-describedby={described('encryption')}
          data-testid="staff-encryption"
          data-state={meter.encryption ? 'on' : 'off'}
          disabled={busy}
          onClick={() => onChange({ kind: 'patch', body: { encryption: !meter.encryption } }, 'encryption')}
        >
          {t('service.change.encryptionState', { state: t(meter.encryption ? 'service.compare.on' : 'service.compare.off') })}
        </button>
        <PlaceError scope={scope} place="encryption" errors={errors} />
      </fieldset>
      <fieldset className="control-group">
        <legend>{t('service.change.fields')}</legend>
        <span data-testid="staff-fields-now">
          {t('service.change.fieldsNow', {
            set:
              meter.preset === 'custom'
                ? t('service.changeLog.preset.custom', { count: meter.fields.length })
                : t(`service.changeLog.preset.${meter.preset}`),
          })}
        </span>
        {(['basic', 'full'] as const).map((preset) => (
          <button
            key={preset}
            type="button"
            data-testid={`staff-fields-${preset}`}
            aria-pressed={meter.preset === preset}
            disabled={busy}
            onClick={() => onChange({ kind: 'patch', body: { fields: preset } }, 'fields')}
          >
            {t(`service.change.${preset}`)}
          </button>
        ))}
        <details>
          <summary>{t('service.change.choose')}</summary>
          <FieldChooser
            key={meter.fields.join(',')}
            configured={meter.fields}
            busy={busy}
            onApply={(fields) => onChange({ kind: 'patch', body: { fields } }, 'fields')}
          />
        </details>
        <PlaceError scope={scope} place="fields" errors={errors} />
      </fieldset>
      <fieldset className="control-group">
        <label>
          {t('service.change.powerLimit')}
          <input
            data-testid="staff-power-limit"
            type="number"
            step="0.1"
            min="0.1"
            max={POWER_LIMIT_MAX_KVA}
            value={limit}
            aria-invalid={errors.powerLimit !== undefined}
            aria-describedby={described('powerLimit')}
            onChange={(e) => setLimit(e.target.value)}
          />
        </label>
        <button type="button" data-testid="staff-power-limit-apply" disabled={busy} onClick={applyLimit}>
          {t('service.change.apply')}
        </button>
        <PlaceError scope={scope} place="powerLimit" errors={errors} />
      </fieldset>
      <fieldset className="control-group">
        <label htmlFor={`${scope}-breaker`}>
          {t('service.change.breaker')} ({t('service.change.now', { state: state(meter.breaker) })})
        </label>
        <StateSelect
          id={`${scope}-breaker`}
          testId="staff-breaker"
          value={breaker}
          onChange={setBreaker}
          describedBy={described('breaker')}
        />
        <ConfirmAction
          testId="staff-breaker-apply"
          label={t('service.change.apply')}
          ask={breaker === 'disconnected'}
          question={t('service.confirm.breaker', { meterId: meter.meterId })}
          confirmLabel={t('service.confirm.breakerYes')}
          disabled={busy}
          onConfirm={() => onChange({ kind: 'patch', body: { breaker } }, 'breaker')}
        />
        <PlaceError scope={scope} place="breaker" errors={errors} />
      </fieldset>
      {([1, 2] as const).map((n) => {
        const relay = `relay${n}` as const;
        return (
          <fieldset className="control-group" key={relay}>
            <label htmlFor={`${scope}-${relay}`}>
              {t('service.change.relay', { n })} ({t('service.change.now', { state: state(meter.relays[relay]) })})
            </label>
            <StateSelect
              id={`${scope}-${relay}`}
              testId={`staff-${relay}`}
              value={relays[relay]}
              onChange={(v) => setRelays({ ...relays, [relay]: v })}
              describedBy={described(relay)}
            />
            <ConfirmAction
              testId={`staff-${relay}-apply`}
              label={t('service.change.apply')}
              ask={relays[relay] === 'disconnected'}
              question={t('service.confirm.relay', { n, meterId: meter.meterId })}
              confirmLabel={t('service.confirm.relayYes', { n })}
              disabled={busy}
              onConfirm={() => onChange({ kind: 'patch', body: { relays: { [relay]: relays[relay] } } }, relay)}
            />
            <PlaceError scope={scope} place={relay} errors={errors} />
          </fieldset>
        );
      })}
      <StaffDevices {...props} scope={scope} />
    </section>
  );
}
