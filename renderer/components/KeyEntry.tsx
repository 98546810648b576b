/**
 * Key entry: 32 hex digits, checked inline; the published authentication key is refused with the
 * reason. The field is emptied once the host accepts the key, and the key is never shown back.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { KeyStatus } from '../../contracts/ipc.ts';
import { t } from '../i18n/index.ts';
import { useApi, useApp } from '../state/context.tsx';
import { KeyField, useKeyField } from './KeyField.tsx';

function statusText(key: KeyStatus | null): string {
  if (!key?.hasKey) return t('key.status.none');
  const origin = key.origin ? t(`key.origin.${key.origin}`) : t('key.origin.unknown');
  return t('key.status.stored', { origin, storage: t(`key.storage.${key.storage}`) });
}

export function KeyEntry() {
  const api = useApi();
  const key = useApp((s) => s.key);
  const health = useApp((s) => s.health);
  const setKey = useApp((s) => s.setKey);
  const field = useKeyField();
  const [result, setResult] = useState('');
  const [confirming, setConfirming] = useState(false); // "Remove key" asks once, inline, before it acts
  // Keyboard focus follows the step: to "Keep the key" when asked (the safe answer), back after keeping.
  const cancelRef = useRef<HTMLButtonElement>(null);
  const clearRef = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
    else if (asked.current) clearRef.current?.focus();
    asked.current = confirming;
  }, [confirming]);
  const id = useId();
  const { check } = field;

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    field.touch();
    if (!check.ok) return;
    const r = await api['key:set']({ hex: check.value });
    if (r.ok) {
      const { check: verified, ...status } = r.value;
      setKey(status);
      field.reset();
      setResult(verified === 'verified' ? t('key.saved') : t('key.savedUnchecked'));
    } else if (r.error.code === 'KEY_FAILS') {
      // The typed key stays in the field so a typo can be fixed; the working key was kept.
      setResult(t('key.fails', { title: health?.systemTitle ?? '?' }));
    } else setResult(t('key.failed', { message: r.error.message }));
  };
  const clear = async (): Promise<void> => {
    setConfirming(false);
    const r = await api['key:clear'](null);
    if (r.ok) {
      setKey(r.value);
      setResult(t('key.cleared'));
    } else setResult(t('key.failed', { message: r.error.message }));
  };

  return (
    <section className="tile" data-testid="key-entry" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('key.title')}</h2>
      <p data-testid="key-status">{statusText(key)}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <KeyField id={id} label={t('key.input')} hint={t('key.hint')} field={field} testId="key-input" errorTestId="key-error" />
        <div className="actions">
          <button type="submit" data-testid="key-save">
            {t('key.save')}
          </button>
          {key?.hasKey && !confirming && (
            <button type="button" ref={clearRef} className="danger" data-testid="key-clear" onClick={() => setConfirming(true)}>
              {t('key.clear')}
            </button>
          )}
        </div>
      </form>
      {key?.hasKey && confirming && (
        <fieldset className="confirm" data-testid="key-clear-confirm">
          <legend>{t('key.clear.confirm')}</legend>
          <div className="actions">
            <button type="button" className="danger-confirm" data-testid="key-clear-yes" onClick={() => void clear()}>
              {t('key.clear.yes')}
            </button>
            <button type="button" ref={cancelRef} className="secondary" data-testid="key-clear-cancel" onClick={() => setConfirming(false)}>
              {t('key.clear.cancel')}
            </button>
          </div>
        </fieldset>
      )}
      <p role="status" data-testid="key-result">
        {result}
      </p>
    </section>
  );
}
