/**
 * The language registry. Adding a language = one new catalogue file (typed `Catalogue`, so a
 * missing key fails the type-check) plus one line here.
 */
import type { Catalogue } from './en.ts';
import { en } from './en.ts';

export interface Language {
  catalogue: Catalogue;
  locale: string; // for Intl number and date formatting
  name: string; // the language's own name, shown in a future language picker
}

export const LANGUAGES = {
  en: { catalogue: en, locale: 'en-GB', name: 'English' },
} as const satisfies Record<string, Language>;

export type LanguageCode = keyof typeof LANGUAGES;
