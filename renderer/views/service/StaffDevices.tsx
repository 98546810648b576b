/**
 * M-Bus devices and valves, the text messages and the key rotation (which asks first). A message is
 * checked here before it is sent, and any refusal shows next to its text box.
 */
import { checkMessageText } from '../../../contracts/central.ts';
import { MBUS_MEDIA, MESSAGE_CHANNELS, MESSAGE_MAX_BYTES, type MessageChannel } from '../../../protocol/index.ts';
import { useState } from 'react';
import type { ControlState } from '../../../contracts/ipc.ts';
import { t } from '../../i18n/index.ts';
import { ConfirmAction } from './ConfirmAction.tsx';
import { errorId, PlaceError, type Place } from './PlaceError.tsx';
import type { ControlsProps } from './StaffControls.tsx';
import { StateSelect } from './StateSelect.tsx';

const MBUS_KINDS = MBUS_MEDIA;

/** The device, message and key part of the staff controls. */
export function StaffDevices(props: ControlsProps & { scope: string }) {
  const { meter, busy, errors, onChange, scope } = props;
  const [mbusChannel, setMbusChannel] = useState(1);
  const [mbusKind, setMbusKind] = useState<(typeof MBUS_KINDS)[number]>('gas');
  const [valve, setValve] = useState<ControlState>('connected');
  const [msgChannel, setMsgChannel] = useState<MessageChannel>('0');
  const [text, setText] = useState('');
  const described = (place: Place): string | undefined => (errors[place] ? errorId(scope, place) : undefined);
  const sendMessage = (): void => {
    // The central's own check (contracts/central.ts), so the view refuses exactly what the central would.
    if (checkMessageText(text).ok) onChange({ kind: 'message', channel: msgChannel, text }, 'message');
    else props.onInvalid('message', t('service.error.messageText'));
  };

  return (
    <>
      <fieldset className="control-group">
        <label>
          {t('service.change.mbusChannel')}
          <select data-testid="staff-mbus-channel" value={mbusChannel} onChange={(e) => setMbusChannel(Number(e.target.value))}>
            {[1, 2, 3, 4].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('service.change.mbusKind')}
          <select
            data-testid="staff-mbus-kind"
            value={mbusKind}
            onChange={(e) => setMbusKind(e.target.value as (typeof MBUS_KINDS)[number])}
          >
            {MBUS_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`mbus.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          data-testid="staff-mbus-attach"
          disabled={busy}
          onClick={() => onChange({ kind: 'mbus-attach', channel: mbusChannel, body: { kind: mbusKind } }, 'mbus')}
        >
          {t('service.change.attach')}
        </button>
        <button
          type="button"
          data-testid="staff-mbus-detach"
          disabled={busy}
          onClick={() => onChange({ kind: 'mbus-detach', channel: mbusChannel }, 'mbus')}
        >
          {t('service.change.detach')}
        </button>
        <PlaceError scope={scope} place="mbus" errors={errors} />
        <label htmlFor={`${scope}-valve`}>{t('service.change.valve')}</label>
        <StateSelect id={`${scope}-valve`} testId="staff-valve" value={valve} onChange={setValve} describedBy={described('valve')} />
        <button
          type="button"
          data-testid="staff-valve-apply"
          disabled={busy}
          onClick={() => onChange({ kind: 'valve', channel: mbusChannel, valve }, 'valve')}
        >
          {t('service.change.apply')}
        </button>
        <PlaceError scope={scope} place="valve" errors={errors} />
      </fieldset>
      <fieldset className="control-group">
        <label>
          {t('service.change.messageChannel')}
          <select data-testid="staff-message-channel" value={msgChannel} onChange={(e) => setMsgChannel(e.target.value as MessageChannel)}>
            {MESSAGE_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('service.change.messageText', { max: MESSAGE_MAX_BYTES })}
          <textarea
            data-testid="staff-message-text"
            value={text}
            aria-invalid={errors.message !== undefined}
            aria-describedby={described('message')}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <button type="button" data-testid="staff-message-send" disabled={busy} onClick={sendMessage}>
          {t('service.change.send')}
        </button>
        <PlaceError scope={scope} place="message" errors={errors} />
      </fieldset>
      <fieldset className="control-group">
        <ConfirmAction
          testId="staff-rotate-key"
          label={t('service.change.rotate')}
          question={t('service.confirm.rotate', { meterId: meter.meterId })}
          confirmLabel={t('service.confirm.rotateYes')}
          disabled={busy}
          onConfirm={() => onChange({ kind: 'rotate-key' }, 'rotate')}
        />
        <PlaceError scope={scope} place="rotate" errors={errors} />
      </fieldset>
    </>
  );
}
