// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { currentLanguage, setLanguage } from '../../../renderer/i18n/index.ts';
import {
  chooseLanguage,
  LANGUAGE_STORAGE_KEY,
  matchLanguage,
  preferredLanguages,
  readChoice,
  saveChoice,
  startLanguage,
} from '../../../renderer/i18n/preference.ts';

afterEach(() => {
  localStorage.clear();
  setLanguage('en');
});

/** A storage that refuses everything, as some browsers' private modes and a full quota do. */
const refusing = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
  removeItem: () => {
    throw new Error('SecurityError');
  },
};

describe('the OS or browser language', () => {
  it('takes the first language LuxP1 speaks, by primary subtag, else English', () => {
    expect(matchLanguage(['lb-LU', 'fr-LU'])).toBe('lb');
    expect(matchLanguage(['pt-PT', 'fr-BE', 'de'])).toBe('fr');
    expect(matchLanguage(['de_CH'])).toBe('de');
    expect(matchLanguage(['ltz'])).toBe('lb');
    expect(matchLanguage(['pt-PT', 'it'])).toBe('en');
    expect(matchLanguage([])).toBe('en');
  });

  it('reads navigator.languages, or navigator.language when the list is empty', () => {
    expect(preferredLanguages({ languages: ['fr-LU', 'en'], language: 'fr-LU' })).toEqual(['fr-LU', 'en']);
    expect(preferredLanguages({ languages: [], language: 'de-DE' })).toEqual(['de-DE']);
    expect(preferredLanguages(undefined)).toEqual([]);
  });
});

describe('the choice in Settings', () => {
  it('is kept in localStorage, and "auto" forgets it', () => {
    chooseLanguage('de');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('de');
    expect(currentLanguage()).toBe('de');
    expect(readChoice(localStorage)).toBe('de');
    chooseLanguage('auto');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBeNull();
    expect(currentLanguage()).toBe(matchLanguage(navigator.languages));
  });

  it('wins over the browser language at start; a stored value that is no language is ignored', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'lb');
    expect(startLanguage()).toBe('lb');
    expect(currentLanguage()).toBe('lb');
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'xx');
    expect(readChoice(localStorage)).toBe('auto');
    expect(startLanguage()).toBe(matchLanguage(navigator.languages));
  });

  it('survives a storage that refuses: the choice applies for the session, start follows the browser', () => {
    expect(readChoice(refusing)).toBe('auto');
    expect(() => saveChoice(refusing, 'fr')).not.toThrow();
    chooseLanguage('fr', refusing);
    expect(currentLanguage()).toBe('fr');
    expect(readChoice(null)).toBe('auto');
  });
});
