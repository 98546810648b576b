/**
 * Which language to speak: the one chosen in Settings (kept in the renderer's localStorage), else
 * the first of the OS or browser languages (navigator.languages; Electron fills it from the OS) that
 * LuxP1 speaks, else English.
 */
import { setLanguage } from './index.ts';
import { isLanguageCode, type LanguageCode } from './languages.ts';

export const LANGUAGE_STORAGE_KEY = 'luxp1.language';

/** A language, or 'auto': follow the OS or browser. */
export type LanguageChoice = LanguageCode | 'auto';

type ReadStorage = Pick<Storage, 'getItem'>;
type WriteStorage = Pick<Storage, 'setItem' | 'removeItem'>;

// ISO 639-2 codes some systems report instead of the two-letter ones.
const ALIASES: Record<string, LanguageCode> = { ltz: 'lb', fra: 'fr', fre: 'fr', deu: 'de', ger: 'de', eng: 'en' };

/** The first of `preferred` (BCP 47 tags, best first) that LuxP1 speaks; English when none. */
export function matchLanguage(preferred: readonly string[]): LanguageCode {
  for (const tag of preferred) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
    const code = isLanguageCode(primary) ? primary : ALIASES[primary];
    if (code) return code;
  }
  return 'en';
}

/** The stored choice; 'auto' when none, unreadable (storage disabled) or not a language we have. */
export function readChoice(storage: ReadStorage | null): LanguageChoice {
  try {
    const value = storage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguageCode(value) ? value : 'auto';
  } catch {
    return 'auto';
  }
}

/** Keep `choice`; 'auto' forgets the stored one. A storage that refuses (private mode, full) is ignored. */
export function saveChoice(storage: WriteStorage | null, choice: LanguageChoice): void {
  try {
    if (choice === 'auto') storage?.removeItem(LANGUAGE_STORAGE_KEY);
    else storage?.setItem(LANGUAGE_STORAGE_KEY, choice);
  } catch {
    // the choice still applies for this session
  }
}

export const resolveChoice = (choice: LanguageChoice, preferred: readonly string[]): LanguageCode =>
  choice === 'auto' ? matchLanguage(preferred) : choice;

/** What the browser or OS prefers, best first. */
export const preferredLanguages = (nav: Pick<Navigator, 'languages' | 'language'> | undefined): readonly string[] =>
  nav ? (nav.languages?.length ? nav.languages : [nav.language]) : [];

/** localStorage where the page may use it, else null. */
export function pageStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Apply and keep a choice made in Settings. */
export function chooseLanguage(choice: LanguageChoice, storage: WriteStorage | null = pageStorage()): void {
  saveChoice(storage, choice);
  setLanguage(resolveChoice(choice, preferredLanguages(globalThis.navigator)));
}

/** At start: the kept choice, else the OS or browser language. */
export function startLanguage(storage: ReadStorage | null = pageStorage()): LanguageCode {
  const code = resolveChoice(readChoice(storage), preferredLanguages(globalThis.navigator));
  setLanguage(code);
  return code;
}
