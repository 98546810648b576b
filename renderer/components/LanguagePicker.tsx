/** Settings: the language of every view, kept on this device; "system language" follows the OS or browser. */
import { useEffect, useId, useRef, useState } from 'react';
import { t } from '../i18n/index.ts';
import { LANGUAGE_CODES, LANGUAGES } from '../i18n/languages.ts';
import { chooseLanguage, type LanguageChoice, matchLanguage, pageStorage, preferredLanguages, readChoice } from '../i18n/preference.ts';

// A language change redraws the whole app (App keys its tree by language), so the picker is new:
// give it the focus back so a keyboard user stays where they were.
let refocus = false;

export function LanguagePicker() {
  const id = useId();
  const select = useRef<HTMLSelectElement>(null);
  const [choice, setChoice] = useState<LanguageChoice>(() => readChoice(pageStorage()));
  const system = LANGUAGES[matchLanguage(preferredLanguages(globalThis.navigator))];

  useEffect(() => {
    if (refocus) select.current?.focus();
    refocus = false;
  }, []);

  const change = (value: string): void => {
    const next = value === 'auto' ? 'auto' : LANGUAGE_CODES.find((c) => c === value);
    if (!next) return;
    setChoice(next);
    refocus = true;
    chooseLanguage(next);
  };

  return (
    <section className="tile" data-testid="language-picker" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('settings.language')}</h2>
      <div className="form-group">
        <label htmlFor={`${id}-select`} className="visually-hidden">
          {t('settings.language')}
        </label>
        <select
          id={`${id}-select`}
          ref={select}
          data-testid="language-select"
          value={choice}
          aria-describedby={`${id}-hint`}
          onChange={(e) => change(e.target.value)}
        >
          <option value="auto">{t('settings.language.auto', { language: system.name })}</option>
          {LANGUAGE_CODES.map((code) => (
            <option key={code} value={code} lang={code}>
              {LANGUAGES[code].name}
            </option>
          ))}
        </select>
        <p className="hint" id={`${id}-hint`}>
          {t('settings.language.hint')}
        </p>
      </div>
    </section>
  );
}
