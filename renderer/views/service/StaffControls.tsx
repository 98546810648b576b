/** The configuration changes staff can make from the service view; each is one StaffChange. */
import { useState } from 'react';
import { MESSAGE_CHANNELS, MESSAGE_MAX_CHARS, POWER_LIMIT_MAX_KVA } from '../../../protocol/index.ts';
import type { CentralMeter, ControlState, StaffChange } from '../../../contracts/ipc.ts';
import { t } from '../../i18n/index.ts';

const STATES: ControlState[] = ['connected', 'disconnected', 'ready'];
const MBUS_KINDS = ['gas', 'water', 'heat'] as const;
type MessageChannel = '0' | '2' | '3' | '4' | '5';

/** Offers every change; `onChange` sends it (and times it). */
export function StaffControls(props: { meter: CentralMeter; busy: boolean; onChange: (c: StaffChange) => void }) {
  const { meter, busy, onChange } = props;
  const [limit, setLimit] = useState(String(meter.powerLimitKva));
  const [breaker, setBreaker] = useState<ControlState>(meter.breaker);
  const [mbusChannel, setMbusChannel] = useState(1);
  const [mbusKind, setMbusKind] = useState<(typeof MBUS_KINDS)[number]>('gas');
  const [valve, setValve] = useState<ControlState>('connected');
  const [msgChannel, setMsgChannel] = useState<MessageChannel>('0');
  const [text, setText] = useState('');
  const send = (c: StaffChange) => () => onChange(c);

  return (
    <section className="staff-controls" data-testid="staff-controls" aria-busy={busy}>
      <h3>{t('service.change')}</h3>
      <div role="group" className="control-group">
        <button
          type="button"
          data-testid="staff-encryption-on"
          disabled={busy}
          onClick={send({ kind: 'patch', body: { encryption: true } })}
        >
          {t('service.change.encryptionOn')}
        </button>
        <button
          type="button"
          data-testid="staff-encryption-off"
          disabled={busy}
          onClick={send({ kind: 'patch', body: { encryption: false } })}
        >
          {t('service.change.encryptionOff')}
        </button>
        <button type="button" data-testid="staff-fields-basic" disabled={busy} onClick={send({ kind: 'patch', body: { fields: 'basic' } })}>
          {t('service.change.basic')}
        </button>
        <button type="button" data-testid="staff-fields-full" disabled={busy} onClick={send({ kind: 'patch', body: { fields: 'full' } })}>
          {t('service.change.full')}
        </button>
      </div>
      <div role="group" className="control-group">
        <label>
          {t('service.change.powerLimit')}
          <input
            data-testid="staff-power-limit"
            type="number"
            step="0.1"
            min="0.1"
            max={POWER_LIMIT_MAX_KVA}
            value={limit}
            onChange={(e) => setLimit(e.target.value)}
          />
        </label>
        <button
          type="button"
          data-testid="staff-power-limit-apply"
          disabled={busy || !(Number(limit) > 0)}
          onClick={send({ kind: 'patch', body: { powerLimitKva: Number(limit) } })}
        >
          {t('service.change.apply')}
        </button>
        <label>
          {t('service.change.breaker')}
          <StateSelect testId="staff-breaker" value={breaker} onChange={setBreaker} />
        </label>
        <button type="button" data-testid="staff-breaker-apply" disabled={busy} onClick={send({ kind: 'patch', body: { breaker } })}>
          {t('service.change.apply')}
        </button>
      </div>
      <div role="group" className="control-group">
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
          onClick={send({ kind: 'mbus-attach', channel: mbusChannel, body: { kind: mbusKind } })}
        >
          {t('service.change.attach')}
        </button>
        <button type="button" data-testid="staff-mbus-detach" disabled={busy} onClick={send({ kind: 'mbus-detach', channel: mbusChannel })}>
          {t('service.change.detach')}
        </button>
        <label>
          {t('service.change.valve')}
          <StateSelect testId="staff-valve" value={valve} onChange={setValve} />
        </label>
        <button
          type="button"
          data-testid="staff-valve-apply"
          disabled={busy}
          onClick={send({ kind: 'valve', channel: mbusChannel, valve })}
        >
          {t('service.change.apply')}
        </button>
      </div>
      <div role="group" className="control-group">
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
          {t('service.change.messageText', { max: MESSAGE_MAX_CHARS })}
          <textarea data-testid="staff-message-text" maxLength={MESSAGE_MAX_CHARS} value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <button
          type="button"
          data-testid="staff-message-send"
          disabled={busy}
          onClick={send({ kind: 'message', channel: msgChannel, text })}
        >
          {t('service.change.send')}
        </button>
      </div>
      <button type="button" data-testid="staff-rotate-key" disabled={busy} onClick={send({ kind: 'rotate-key' })}>
        {t('service.change.rotate')}
      </button>
    </section>
  );
}

function StateSelect(props: { testId: string; value: ControlState; onChange: (v: ControlState) => void }) {
  return (
    <select data-testid={props.testId} value={props.value} onChange={(e) => props.onChange(e.target.value as ControlState)}>
      {STATES.map((s) => (
        <option key={s} value={s}>
          {t(`service.control.${s}`)}
        </option>
      ))}
    </select>
  );
}
