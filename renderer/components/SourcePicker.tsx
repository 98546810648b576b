/** Where readings come from: a serial port (listed or typed), a TCP adapter, a recording, the demo. */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { PortInfo } from '../../contracts/ipc.ts';
import { t } from '../i18n/index.ts';
import { useApi, useApp } from '../state/context.tsx';
import { BAUD_RATES, EMPTY_FORM, SOURCE_KINDS, formFromSource, sourceFromForm, type SourceForm } from '../state/source-form.ts';

export function SourcePicker() {
  const api = useApi();
  const setLink = useApp((s) => s.setLink);
  const [form, setForm] = useState<SourceForm>(EMPTY_FORM);
  const [ports, setPorts] = useState<{ ports: PortInfo[]; warning?: string }>({ ports: [] });
  const [result, setResult] = useState('');
  const id = useId();
  const edited = useRef(false);
  const set = (patch: Partial<SourceForm>): void => {
    edited.current = true;
    setForm((f) => ({ ...f, ...patch }));
  };

  const refreshPorts = async (): Promise<void> => {
    const r = await api['ports:list'](null);
    if (r.ok) setPorts(r.value);
    else setPorts({ ports: [], warning: r.error.message });
  };
  // Once per api: prefill from the running source (unless the user already started typing), list the ports.
  // biome-ignore lint/correctness/useExhaustiveDependencies: refreshPorts is rebuilt every render; this runs once per api on purpose
  useEffect(() => {
    void api['source:get'](null).then((r) => r.ok && !edited.current && setForm(formFromSource(r.value)));
    void refreshPorts();
  }, [api]);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const config = sourceFromForm(form);
    if (!config) return setResult(t('source.invalid'));
    const r = await api['source:set'](config);
    if (r.ok) {
      setLink(r.value);
      setResult(t('source.applied', { status: t(`link.${r.value.status}`) }));
    } else setResult(t('source.failed', { message: r.error.message }));
  };
  const stop = async (): Promise<void> => {
    const r = await api['source:stop'](null);
    if (r.ok) setLink(r.value);
    setResult(r.ok ? t('source.applied', { status: t(`link.${r.value.status}`) }) : t('source.failed', { message: r.error.message }));
  };

  return (
    <section className="tile" data-testid="source-picker" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('source.title')}</h2>
      <form onSubmit={(e) => void submit(e)}>
        <fieldset>
          <legend>{t('source.kind')}</legend>
          {SOURCE_KINDS.map((kind) => (
            <label key={kind} className="radio">
              <input
                type="radio"
                name={`${id}-kind`}
                value={kind}
                checked={form.kind === kind}
                data-testid={`source-kind-${kind}`}
                onChange={() => set({ kind })}
              />
              {t(`source.kind.${kind}`)}
            </label>
          ))}
        </fieldset>
        {form.kind === 'serial' && (
          <div className="form-group">
            {ports.ports.length > 0 && <label htmlFor={`${id}-ports`}>{t('source.ports')}</label>}
            {ports.warning && (
              <p className="hint warn-text" data-testid="ports-warning">
                {ports.warning}
              </p>
            )}
            {ports.ports.length === 0 ? (
              <p className="hint">{t('source.noPorts')}</p>
            ) : (
              <select id={`${id}-ports`} data-testid="source-port-list" value={form.path} onChange={(e) => set({ path: e.target.value })}>
                <option value="">{'—'}</option>
                {ports.ports.map((p) => (
                  <option key={p.path} value={p.path}>
                    {p.manufacturer ? `${p.path} (${p.manufacturer})` : p.path}
                  </option>
                ))}
              </select>
            )}
            <button type="button" onClick={() => void refreshPorts()}>
              {t('source.refreshPorts')}
            </button>
            <label htmlFor={`${id}-path`}>{t('source.path')}</label>
            <input
              id={`${id}-path`}
              data-testid="source-path"
              className="mono"
              value={form.path}
              onChange={(e) => set({ path: e.target.value })}
            />
            <label htmlFor={`${id}-baud`}>{t('source.baud')}</label>
            <select
              id={`${id}-baud`}
              data-testid="source-baud"
              value={form.baudRate}
              onChange={(e) => set({ baudRate: Number(e.target.value) })}
            >
              {BAUD_RATES.map((b) => (
                <option key={b} value={b}>
                  {String(b)}
                </option>
              ))}
            </select>
          </div>
        )}
        {form.kind === 'tcp' && (
          <div className="form-group">
            <label htmlFor={`${id}-host`}>{t('source.host')}</label>
            <input id={`${id}-host`} data-testid="source-host" value={form.host} onChange={(e) => set({ host: e.target.value })} />
            <label htmlFor={`${id}-port`}>{t('source.port')}</label>
            <input
              id={`${id}-port`}
              data-testid="source-tcp-port"
              inputMode="numeric"
              value={form.port}
              onChange={(e) => set({ port: e.target.value })}
            />
          </div>
        )}
        {form.kind === 'file' && (
          <div className="form-group">
            <label htmlFor={`${id}-file`}>{t('source.filePath')}</label>
            <input
              id={`${id}-file`}
              data-testid="source-file"
              className="mono"
              value={form.filePath}
              onChange={(e) => set({ filePath: e.target.value })}
            />
            <label htmlFor={`${id}-speed`}>{t('source.speed')}</label>
            <input
              id={`${id}-speed`}
              data-testid="source-speed"
              inputMode="decimal"
              value={form.speed}
              onChange={(e) => set({ speed: e.target.value })}
            />
          </div>
        )}
        <div className="actions">
          <button type="submit" data-testid="source-apply">
            {t('source.apply')}
          </button>
          <button type="button" className="danger" data-testid="source-stop" onClick={() => void stop()}>
            {t('source.stop')}
          </button>
        </div>
      </form>
      <p role="status" data-testid="source-result">
        {result}
      </p>
    </section>
  );
}
