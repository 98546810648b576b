/**
 * The one translation layer: every UI string goes through `t(key, params)`. Messages are ICU
 * MessageFormat (intl-messageformat), so plurals follow each language's rules and numbers its format.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import type { MessageKey } from './en.ts';
import { LANGUAGES, type Language, type LanguageCode } from './languages.ts';
import { type ArgumentUses, argumentUses } from './message-args.ts';

export type { MessageKey } from './en.ts';
export type { LanguageCode } from './languages.ts';
export type Params = Record<string, string | number>;

let code: LanguageCode = 'en';
let current: Language = LANGUAGES.en;
const listeners = new Set<() => void>();

/** Switch the language used by `t` and the formatters; subscribers re-render. */
export function setLanguage(next: LanguageCode): void {
  if (next === code) return;
  code = next;
  current = LANGUAGES[next];
  for (const listener of listeners) listener();
}

/** The language `t` speaks now. */
export function currentLanguage(): LanguageCode {
  return code;
}

/** Be told when the language changes; returns the unsubscribe. */
export function onLanguageChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The Intl locales of the current language, best first. Chromium (and so Electron) has no
 * Luxembourgish formatting data, so `lb` lists `de-LU` after `lb-LU`: Intl takes the first it knows.
 */
export function currentLocales(): string[] {
  return [...current.locales];
}

/** The first of `currentLocales()`, for callers that take one locale. */
export function currentLocale(): string {
  return current.locales[0];
}

// Parsing a message costs far more than formatting it: one compiled message per language and key.
interface Compiled {
  format: IntlMessageFormat;
  args: ArgumentUses;
}
const compiled = new Map<string, Compiled | null>();

function compile(lang: LanguageCode, key: MessageKey): Compiled | null {
  const id = `${lang}|${key}`;
  let message = compiled.get(id);
  if (message === undefined) {
    const language = LANGUAGES[lang];
    const text: string | undefined = language.catalogue[key];
    try {
      // ignoreTag: a `<` in a message is text, not markup.
      const format = text === undefined ? null : new IntlMessageFormat(text, [...language.locales], undefined, { ignoreTag: true });
      message = format && { format, args: argumentUses(format.getAst()) };
    } catch {
      message = null; // an unparseable translation: the caller falls back (the catalogue test forbids this)
    }
    compiled.set(id, message);
  }
  return message;
}

function render({ format, args }: Compiled, params: Params | undefined): string | null {
  const values: Params = {};
  for (const name of args.names) {
    const value = params?.[name];
    if (args.numeric.has(name)) {
      if (typeof value !== 'number' || !Number.isFinite(value)) return null; // a plural of text would say "NaN"
      values[name] = value;
    } else if (value === undefined) {
      values[name] = `{${name}}`; // a placeholder the caller did not fill stays visible rather than failing the view
    } else {
      values[name] = typeof value === 'number' && args.simple.has(name) ? formatNumber(value) : value;
    }
  }
  try {
    const out = format.format(values);
    return Array.isArray(out) ? out.join('') : String(out);
  } catch {
    return null;
  }
}

/**
 * Translate `key` in the current language with ICU `params` (`{name}`, `{count, plural, …}`).
 * Falls back to English when the translation is missing or cannot be formatted, and to the key
 * itself only when English cannot either.
 */
export function t(key: MessageKey, params?: Params): string {
  for (const lang of code === 'en' ? (['en'] as const) : ([code, 'en'] as const)) {
    const message = compile(lang, key);
    const text = message && render(message, params);
    if (text !== null && text !== undefined) return text;
  }
  return key;
}

// Building an Intl formatter costs far more than using one (it dominated a telegram's render).
const numberFormats = new Map<string, Intl.NumberFormat>();

/** Format a number in the current locale with at most `maxDigits` decimals. */
export function formatNumber(value: number, maxDigits = 3, minDigits = 0): string {
  const id = `${code}|${maxDigits}|${minDigits}`;
  let format = numberFormats.get(id);
  if (!format) {
    format = new Intl.NumberFormat([...current.locales], { maximumFractionDigits: maxDigits, minimumFractionDigits: minDigits });
    numberFormats.set(id, format);
  }
  return format.format(value);
}
