/**
 * Settings → Integrations (issue 12): MQTT to the user's broker, the DSMR re-serve and the local
 * JSON API, each with its live status (connected, listening, error with the reason). Applied live
 * by the host. A saved password is never shown: the field stays empty, and empty keeps it.
 */
import { type FormEvent, useEffect, useId, useState } from 'react';
import { type IntegrationStatus, type IntegrationsView, isLoopbackHost, parseEndpoint } from '../../contracts/integrations.ts';
import { t } from '../i18n/index.ts';
import { useApi } from '../state/context.tsx';
import { type IntegrationsForm as Form, formOf, patchOf } from '../state/integrations-form.ts';

function StatusLine(props: { status: IntegrationStatus; testid: string }) {
  const { state, address: where = '', message = '' } = props.status;
  const text =
    state === 'connected' || state === 'listening'
      ? t(`integrations.state.${state}`, { address: where })
      : state === 'error'
        ? t('integrations.state.error', { message })
        : t(`integrations.state.${state}`);
  return (
    <p className={state === 'error' ? 'field-error' : 'hint'} data-testid={props.testid} data-state={state} role="status">
      {text}
    </p>
  );
}

function TextField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  type?: string;
  hint?: string;
  testid: string;
}) {
  return (
    <>
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint && (
        <p id={`${props.id}-hint`} className="hint">
          {props.hint}
        </p>
      )}
      <input
        id={props.id}
        data-testid={props.testid}
        type={props.type ?? 'text'}
        value={props.value}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => props.onChange(e.target.value)}
        {...(props.hint ? { 'aria-describedby': `${props.id}-hint` } : {})}
      />
    </>
  );
}

export function IntegrationsSection() {
  const api = useApi();
  const id = useId();
  const [view, setView] = useState<IntegrationsView | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    let live = true;
    void api['integrations:get'](null).then((r) => {
      if (!live || !r.ok) return;
      setView(r.value);
      setForm(formOf(r.value));
    });
    const off = api.on('integrations:status', (v) => setView(v));
    return () => {
      live = false;
      off();
    };
  }, [api]);
  if (!view || !form) return null;
  const set =
    <K extends keyof Form>(k: K) =>
    (v: Form[K]) =>
      setForm({ ...form, [k]: v });
  const reserveEndpoint = parseEndpoint(form.reserve);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const patch = patchOf(form);
    if (!patch) return setResult({ ok: false, text: t('integrations.badAddress') });
    const r = await api['integrations:set'](patch);
    if (!r.ok) return setResult({ ok: false, text: r.error.message });
    setView(r.value);
    setForm({ ...formOf(r.value) });
    setResult({ ok: true, text: t('integrations.saved') });
  };
  const check = (k: 'mqttOn' | 'discovery' | 'reserveOn' | 'apiOn', label: string) => (
    <label className="radio">
      <input type="checkbox" data-testid={`integrations-${k}`} checked={form[k]} onChange={(e) => set(k)(e.target.checked)} />
      {label}
    </label>
  );
  return (
    <section className="tile" data-testid="integrations" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('integrations.title')}</h3>
      <p className="hint">{t('integrations.explain')}</p>
      {view.fromFlags.length > 0 && <p className="hint">{t('integrations.fromFlags', { parts: view.fromFlags.join(', ') })}</p>}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <fieldset>
          <legend>{t('integrations.mqtt.title')}</legend>
          <StatusLine status={view.status.mqtt} testid="integrations-mqtt-status" />
          {check('mqttOn', t('integrations.mqtt.enable'))}
          {form.mqttOn && (
            <>
              <TextField
                id={`${id}-url`}
                testid="integrations-mqtt-url"
                label={t('integrations.mqtt.url')}
                value={form.url}
                onChange={set('url')}
              />
              <TextField
                id={`${id}-user`}
                testid="integrations-mqtt-user"
                label={t('integrations.mqtt.user')}
                value={form.username}
                onChange={set('username')}
              />
              <TextField
                id={`${id}-password`}
                testid="integrations-mqtt-password"
                type="password"
                label={t('integrations.mqtt.password')}
                value={form.password}
                onChange={set('password')}
                {...(view.mqtt?.hasPassword ? { hint: t('integrations.mqtt.passwordKept') } : {})}
              />
              <TextField
                id={`${id}-base`}
                testid="integrations-mqtt-base"
                label={t('integrations.mqtt.baseTopic')}
                value={form.baseTopic}
                onChange={set('baseTopic')}
              />
              {check('discovery', t('integrations.mqtt.discovery'))}
              <TextField
                id={`${id}-ca`}
                testid="integrations-mqtt-ca"
                label={t('integrations.mqtt.caFile')}
                value={form.caFile}
                onChange={set('caFile')}
              />
              <TextField
                id={`${id}-cert`}
                testid="integrations-mqtt-cert"
                label={t('integrations.mqtt.certFile')}
                value={form.certFile}
                onChange={set('certFile')}
              />
              <TextField
                id={`${id}-key`}
                testid="integrations-mqtt-key"
                label={t('integrations.mqtt.keyFile')}
                value={form.keyFile}
                onChange={set('keyFile')}
              />
            </>
          )}
        </fieldset>
        <fieldset>
          <legend>{t('integrations.reserve.title')}</legend>
          <StatusLine status={view.status.reserve} testid="integrations-reserve-status" />
          {check('reserveOn', t('integrations.reserve.enable'))}
          {form.reserveOn && (
            <>
              <TextField
                id={`${id}-reserve`}
                testid="integrations-reserve-address"
                label={t('integrations.address')}
                value={form.reserve}
                onChange={set('reserve')}
              />
              {reserveEndpoint && !isLoopbackHost(reserveEndpoint.host) && (
                <p className="field-error" role="alert" data-testid="integrations-reserve-warning">
                  {t('integrations.reserve.warning')}
                </p>
              )}
            </>
          )}
        </fieldset>
        <fieldset>
          <legend>{t('integrations.api.title')}</legend>
          <StatusLine status={view.status.api} testid="integrations-api-status" />
          {check('apiOn', t('integrations.api.enable'))}
          {form.apiOn && (
            <TextField
              id={`${id}-api`}
              testid="integrations-api-address"
              label={t('integrations.address')}
              value={form.api}
              onChange={set('api')}
            />
          )}
          {view.api?.tokenFile && <p className="hint">{t('integrations.api.token', { file: view.api.tokenFile })}</p>}
        </fieldset>
        <div className="actions">
          <button type="submit" data-testid="integrations-save">
            {t('integrations.save')}
          </button>
        </div>
        {result && (
          <p className={result.ok ? 'hint' : 'field-error'} role={result.ok ? 'status' : 'alert'} data-testid="integrations-result">
            {result.text}
          </p>
        )}
      </form>
    </section>
  );
}
