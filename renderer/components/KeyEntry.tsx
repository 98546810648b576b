/**
 * Key entry: 32 hex digits, checked inline; the published authentication key is refused with the
 * reason. The field is emptied once the host accepts the key, and the key is never shown back.
 */
import { useId, useState, type FormEvent } from 'react';
import type { KeyStatus } from '../../electron/ipc/contract.ts';
import { t } from '../i18n/index.ts';
import { useApi, useApp } from '../state/context.tsx';
import { checkKeyInput, type KeyCheck } from '../state/key-input.ts';

function problemText(check: KeyCheck): string | null {
  if (check.ok || check.code === 'EMPTY') return null;
  if (check.code === 'BAD_CHARS') return t('key.invalidChars');
  if (check.code === 'PUBLISHED_AUTH_KEY') return t('key.published');
  return t('key.invalid', { count: check.length });
}

function statusText(key: KeyStatus | null): string {
  if (!key?.hasKey) return t('key.status.none');
  const origin = key.origin ? t(`key.origin.${key.origin}`) : t('key.origin.unknown');
  return t('key.status.stored', { origin, storage: t(`key.storage.${key.storage}`) });
}

export function KeyEntry() {
  const api = useApi();
  const key = useApp((s) => s.key);
  const setKey = useApp((s) => s.setKey);
  const [input, setInput] = useState('');
  const [touched, setTouched] = useState(false);
  const [result, setResult] = useState('');
  const id = useId();
  const check = checkKeyInput(input);
  const problem = touched ? problemText(check) : null;

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setTouched(true);
    if (!check.ok) return;
    const r = await api['key:set']({ hex: check.hex });
    if (r.ok) {
      setKey(r.value);
      setInput('');
      setTouched(false);
      setResult(t('key.saved'));
    } else setResult(t('key.failed', { message: r.error.message }));
  };
  const clear = async (): Promise<void> => {
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
        <label htmlFor={`${id}-input`}>{t('key.input')}</label>
        <p id={`${id}-hint`} className="hint">{t('key.hint')}</p>
        <input
          id={`${id}-input`}
          data-testid="key-input"
          className="mono"
          value={input}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setInput(e.target.value)}
          onBlur={() => setTouched(input.length > 0)}
          aria-invalid={problem !== null}
          aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ''}`}
        />
        {problem && <p id={`${id}-problem`} className="field-error" data-testid="key-error" role="alert">{problem}</p>}
        <div className="actions">
          <button type="submit" data-testid="key-save">{t('key.save')}</button>
          {key?.hasKey && <button type="button" data-testid="key-clear" onClick={() => void clear()}>{t('key.clear')}</button>}
        </div>
      </form>
      <p role="status" data-testid="key-result">{result}</p>
    </section>
  );
}
