/** React side of the language: re-render on a change, and keep the document's lang and title in step. */
import { useLayoutEffect, useSyncExternalStore } from 'react';
import { currentLanguage, type LanguageCode, onLanguageChange, t } from './index.ts';

/** The current language; the calling component re-renders when it changes. */
export const useLanguage = (): LanguageCode => useSyncExternalStore(onLanguageChange, currentLanguage);

/** `useLanguage`, plus `<html lang>` (screen readers, hyphenation, axe) and the window title. */
export function useDocumentLanguage(): LanguageCode {
  const language = useLanguage();
  useLayoutEffect(() => {
    document.documentElement.lang = language;
    document.title = t('app.title');
  }, [language]);
  return language;
}
