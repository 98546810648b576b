/**
 * The one translation layer: every UI string goes through `t(key, params)`.
 */
import type { MessageKey } from './en.ts';
import { LANGUAGES, type LanguageCode, type Language } from './languages.ts';

export type { MessageKey } from './en.ts';
export type Params = Record<string, string | number>;

let current: Language = LANGUAGES.en;

/** Switch the language used by `t` and the formatters (callers re-render). */
export function setLanguage(code: LanguageCode): void {
  current = LANGUAGES[code];
}

/** The Intl locale of the current language. */
export function currentLocale(): string {
  return current.locale;
}

/** Translate `key`, replacing `{name}` placeholders from `params`; an unknown placeholder stays visible. */
export function t(key: MessageKey, params?: Params): string {
  const template = current.catalogue[key] ?? LANGUAGES.en.catalogue[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : typeof value === 'number' ? formatNumber(value) : value;
  });
}

// Building an Intl formatter costs far more than using one (it dominated a telegram's render).
const numberFormats = new Map<string, Intl.NumberFormat>();

/** Format a number in the current locale with at most `maxDigits` decimals. */
export function formatNumber(value: number, maxDigits = 3, minDigits = 0): string {
  const id = `${current.locale}|${maxDigits}|${minDigits}`;
  let format = numberFormats.get(id);
  if (!format) {
    format = new Intl.NumberFormat(current.locale, { maximumFractionDigits: maxDigits, minimumFractionDigits: minDigits });
    numberFormats.set(id, format);
  }
  return format.format(value);
}
