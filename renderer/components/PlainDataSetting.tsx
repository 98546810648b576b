/**
 * The setting for unencrypted data after encrypted (host plain-data.ts): ask (the default), accept
 * or refuse. Saved by the host; an unsaved change says why, next to the choice.
 */
import { useId, useState } from 'react';
import type { PlainDataSetting as Setting } from '../../contracts/ipc.ts';
import { t } from '../i18n/index.ts';
import { useApi, useApp } from '../state/context.tsx';

const SETTINGS: readonly Setting[] = ['ask', 'accept', 'refuse'];

export function PlainDataSetting() {
  const api = useApi();
  const current = useApp((s) => s.plain?.setting ?? null);
  const setPlain = useApp((s) => s.setPlain);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const choose = async (setting: Setting): Promise<void> => {
    const r = await api['plain:setting']({ setting });
    if (r.ok) {
      setPlain(r.value);
      setError(null);
    } else setError(r.error.message);
  };
  return (
    <section className="tile" data-testid="plain-setting" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('plain.setting.title')}</h3>
      <p>{t('plain.setting.explain')}</p>
      <fieldset>
        <legend className="visually-hidden">{t('plain.setting.title')}</legend>
        {SETTINGS.map((s) => (
          <label key={s} className="radio-row">
            <input
              type="radio"
              name={`${id}-plain`}
              value={s}
              data-testid={`plain-setting-${s}`}
              checked={current === s}
              disabled={current === null}
              onChange={() => void choose(s)}
            />
            {t(`plain.setting.${s}`)}
          </label>
        ))}
      </fieldset>
      {error !== null && (
        <p className="error-text" role="alert" data-testid="plain-setting-error">
          {error}
        </p>
      )}
    </section>
  );
}
