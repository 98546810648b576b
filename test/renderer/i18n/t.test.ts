import { afterEach, describe, expect, it } from 'vitest';
import { currentLanguage, currentLocales, formatNumber, onLanguageChange, setLanguage, t } from '../../../renderer/i18n/index.ts';
import { formatDateTime, formatKwh, formatMeasure, formatUnit } from '../../../renderer/i18n/format.ts';
import { LANGUAGES, type LanguageCode } from '../../../renderer/i18n/languages.ts';

afterEach(() => setLanguage('en'));

const inLanguage = (code: LanguageCode, fn: () => string): string => {
  setLanguage(code);
  return fn();
};

describe('t: plurals', () => {
  it.each([
    ['en', 'That pairing code is wrong. 1 attempt left.', 'That pairing code is wrong. 4 attempts left.'],
    ['fr', 'Ce code d’appairage est erroné. Il reste 1 tentative.', 'Ce code d’appairage est erroné. Il reste 4 tentatives.'],
    ['de', 'Dieser Kopplungscode ist falsch. Sie haben noch 1 Versuch.', 'Dieser Kopplungscode ist falsch. Sie haben noch 4 Versuche.'],
    ['lb', 'Dëse Koppelcode ass falsch. Dir hutt nach 1 Versuch.', 'Dëse Koppelcode ass falsch. Dir hutt nach 4 Versich.'],
  ] as const)('%s: one attempt, several attempts', (code, one, four) => {
    expect(inLanguage(code, () => t('pairing.outcome.badCode', { attempts: 1 }))).toBe(one);
    expect(inLanguage(code, () => t('pairing.outcome.badCode', { attempts: 4 }))).toBe(four);
  });

  it('follows each language’s rule for 0: singular in French, plural in English and German', () => {
    expect(inLanguage('en', () => t('inbox.newNotice', { count: 0 }))).toBe('0 new messages');
    expect(inLanguage('fr', () => t('inbox.newNotice', { count: 0 }))).toBe('0 nouveau message');
    expect(inLanguage('de', () => t('inbox.newNotice', { count: 0 }))).toBe('0 neue Nachrichten');
    expect(inLanguage('lb', () => t('inbox.newNotice', { count: 1 }))).toBe('1 nei Noriicht');
  });

  it('formats the count itself in the language’s digits', () => {
    expect(inLanguage('en', () => t('service.export.done', { fileName: 'c.ndjson', frames: 12345 }))).toBe(
      'Saved c.ndjson (12,345 frames).',
    );
    expect(inLanguage('de', () => t('service.export.done', { fileName: 'c.ndjson', frames: 12345 }))).toBe(
      'c.ndjson gespeichert (12.345 Datenpakete).',
    );
  });
});

describe('t: placeholders and fallbacks', () => {
  it('fills text and number placeholders, numbers in the locale', () => {
    expect(inLanguage('en', () => t('mbus.channel', { channel: 1234 }))).toBe('Channel 1,234');
    expect(inLanguage('fr', () => t('source.failed', { message: 'EACCES' }))).toBe('Impossible de définir la source\u00a0: EACCES');
  });

  it('leaves a placeholder the caller did not fill visible, in every language', () => {
    for (const code of Object.keys(LANGUAGES) as LanguageCode[]) {
      expect(
        inLanguage(code, () => t('source.failed')),
        code,
      ).toContain('{message}');
    }
  });

  it('falls back to English when a translation is missing or cannot be formatted, and to the key last', () => {
    const fr = LANGUAGES.fr.catalogue as Record<string, string>;
    const en = LANGUAGES.en.catalogue as Record<string, string>;
    const savedFr = fr['key.saved'];
    const savedEnCleared = en['key.cleared'];
    const savedFrCleared = fr['key.cleared'];
    try {
      delete fr['key.saved'];
      expect(inLanguage('fr', () => t('key.saved'))).toBe(en['key.saved']);
      fr['key.cleared'] = '{broken';
      en['key.cleared'] = '{also broken';
      expect(inLanguage('fr', () => t('key.cleared'))).toBe('key.cleared');
    } finally {
      fr['key.saved'] = savedFr as string;
      fr['key.cleared'] = savedFrCleared as string;
      en['key.cleared'] = savedEnCleared as string;
    }
  });

  it('never shows a plural of text or of nothing ("NaN messages"): English, then the key', () => {
    expect(inLanguage('fr', () => t('chart.summary', { count: 'many', max: '1 W' }))).toBe('chart.summary');
    expect(inLanguage('de', () => t('inbox.newNotice'))).toBe('inbox.newNotice');
    expect(inLanguage('en', () => t('inbox.newNotice', { count: Number.NaN }))).toBe('inbox.newNotice');
  });
});

describe('language switching and formats', () => {
  it('tells subscribers once per change, not for the same language', () => {
    const seen: string[] = [];
    const off = onLanguageChange(() => seen.push(currentLanguage()));
    setLanguage('de');
    setLanguage('de');
    setLanguage('lb');
    off();
    setLanguage('fr');
    expect(seen).toEqual(['de', 'lb']);
  });

  it('formats numbers and dates in the chosen language; Luxembourgish falls back to de-LU where Intl lacks lb', () => {
    expect(inLanguage('en', () => formatNumber(12345.678))).toBe('12,345.678');
    expect(inLanguage('fr', () => formatKwh(6695123))).toBe('6.695,123\u00a0kWh');
    expect(inLanguage('de', () => formatDateTime('2026-03-12T13:02:10Z'))).toBe('12.03.2026, 14:02:10');
    expect(inLanguage('fr', () => formatDateTime('2026-03-12T13:02:10Z'))).toBe('12 mars 2026, 14:02:10');
    setLanguage('lb');
    expect(currentLocales()).toEqual(['lb-LU', 'de-LU']);
    const lbDate = inLanguage('lb', () => formatDateTime('2026-03-12T13:02:10Z'));
    expect(lbDate).toBe(
      new Intl.DateTimeFormat(['lb-LU', 'de-LU'], {
        dateStyle: 'medium',
        timeStyle: 'medium',
        hourCycle: 'h23',
        timeZone: 'Europe/Luxembourg',
      }).format(Date.parse('2026-03-12T13:02:10Z')),
    );
    expect(lbDate).toContain('14:02:10');
    expect(inLanguage('lb', () => formatNumber(12345.5))).toBe('12.345,5');
  });

  it('writes units as people do', () => {
    expect(formatUnit('m3')).toBe('m³');
    expect(formatUnit('GJ')).toBe('GJ');
    expect(inLanguage('en', () => formatMeasure(14239.771, 'm3'))).toBe('14,239.771 m³');
    expect(inLanguage('fr', () => formatMeasure(14239.771, 'm3'))).toBe('14.239,771\u00a0m³');
    expect(inLanguage('de', () => formatMeasure(3.5, null))).toBe('3,5');
  });
});
