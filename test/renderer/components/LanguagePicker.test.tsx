// @vitest-environment jsdom
import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/components/App.tsx';
import { setLanguage } from '../../../renderer/i18n/index.ts';
import { LANGUAGE_STORAGE_KEY } from '../../../renderer/i18n/preference.ts';
import { T0, health, reading, snapshot } from '../fixtures.ts';
import { renderApp } from '../render-app.tsx';

afterEach(() => {
  localStorage.clear();
  act(() => setLanguage('en'));
});

describe('LanguagePicker', () => {
  it('switches every view, memoised tiles included, sets <html lang>, keeps the choice and the focus', () => {
    const { store } = renderApp(<App />);
    act(() => store.getState().loadSnapshot(snapshot({ latest: reading(T0), health: health() })));
    expect(screen.getByTestId('tile-electricity').textContent).toContain('Electricity');

    fireEvent.click(screen.getByTestId('tab-settings'));
    const select = screen.getByTestId('language-select') as HTMLSelectElement;
    expect(select.value).toBe('auto');
    expect([...select.options].map((o) => o.textContent)).toEqual(
      expect.arrayContaining(['English', 'Français', 'Deutsch', 'Lëtzebuergesch']),
    );
    fireEvent.change(select, { target: { value: 'fr' } });

    expect(document.documentElement.lang).toBe('fr');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('fr');
    expect(screen.getByTestId('tab-settings').textContent).toBe('Paramètres');
    const again = screen.getByTestId('language-select') as HTMLSelectElement;
    expect(again.value).toBe('fr');
    expect(document.activeElement).toBe(again);

    fireEvent.click(screen.getByTestId('tab-dashboard'));
    expect(screen.getByTestId('tile-electricity').textContent).toContain('Électricité');
    expect(document.title).toBe('LuxP1\u00a0: votre énergie à la maison');
  });

  it('"system language" names the language it resolves to and forgets the stored choice', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'de');
    act(() => setLanguage('de'));
    const { store } = renderApp(<App />);
    act(() => store.getState().setView('settings'));
    const select = screen.getByTestId('language-select') as HTMLSelectElement;
    expect(select.value).toBe('de');
    expect(select.options[0]?.textContent).toBe('Systemsprache (English)'); // jsdom's navigator says en-US
    fireEvent.change(select, { target: { value: 'auto' } });
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBeNull();
    expect(document.documentElement.lang).toBe('en');
  });
});
