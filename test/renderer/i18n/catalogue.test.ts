// @vitest-environment jsdom
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { EN_PARTS, en } from '../../../renderer/i18n/en.ts';
import { t } from '../../../renderer/i18n/index.ts';
import { LANGUAGES } from '../../../renderer/i18n/languages.ts';
import { argumentNames, argumentUses } from '../../../renderer/i18n/message-args.ts';

const RENDERER = join(import.meta.dirname, '../../../renderer');
// Every folder that draws UI: the app's components and issue 5's views (all subfolders).
const UI_DIRS = ['components', 'views'].map((d) => join(RENDERER, d));
const tsxFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.tsx'))
    .map((f) => join(dir, f));
const parse = (text: string, locales: readonly string[]) => new IntlMessageFormat(text, [...locales], undefined, { ignoreTag: true });
const placeholders = (text: string): string[] => argumentNames(parse(text, ['en-GB']).getAst());

interface PluralElement {
  type: number;
  options?: Record<string, { value: PluralElement[] }>;
  children?: PluralElement[];
}
/** The option sets of every plural in a message (type 6 is the parser's plural). */
function pluralOptions(elements: PluralElement[]): string[][] {
  return elements.flatMap((el) => [
    ...(el.type === 6 && el.options ? [Object.keys(el.options)] : []),
    ...Object.values(el.options ?? {}).flatMap((o) => pluralOptions(o.value)),
    ...pluralOptions(el.children ?? []),
  ]);
}
// Attributes a person reads or hears; data-testid, className and the like are not UI text.
const TEXT_ATTRIBUTES = new Set(['aria-label', 'aria-valuetext', 'title', 'placeholder', 'alt']);

/** JSX text and spoken attributes written as literals (letters in them) in a .tsx source. */
function literalTexts(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && /\p{L}/u.test(node.text)) found.push(node.text.trim());
    if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer)) {
      found.push(node.initializer.text);
    }
    if (ts.isJsxExpression(node) && node.expression && ts.isStringLiteral(node.expression) && /\p{L}/u.test(node.expression.text)) {
      found.push(node.expression.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('i18n', () => {
  it('has the four languages', () => {
    expect(Object.keys(LANGUAGES).sort()).toEqual(['de', 'en', 'fr', 'lb']);
  });

  it('every language has exactly the English keys, each a valid ICU message with the same arguments, none empty', () => {
    for (const [code, lang] of Object.entries(LANGUAGES)) {
      expect(Object.keys(lang.catalogue).sort(), code).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(lang.catalogue)) {
        const where = `${code} ${key}`;
        expect(text.trim(), where).not.toBe('');
        expect(() => parse(text, lang.locales), where).not.toThrow();
        expect(placeholders(text), where).toEqual(placeholders(en[key as keyof typeof en]));
      }
    }
  });

  it('every plural covers the categories its language needs, and a count in English is a plural', () => {
    for (const [code, lang] of Object.entries(LANGUAGES)) {
      // The categories counts up to 1,000 fall in (French "many" starts at a million; `other` covers it).
      const rules = new Intl.PluralRules([...lang.locales]);
      const needed = new Set(['other', ...Array.from({ length: 1001 }, (_, n) => rules.select(n))]);
      for (const [key, text] of Object.entries(lang.catalogue)) {
        for (const options of pluralOptions(parse(text, lang.locales).getAst() as PluralElement[])) {
          expect(options, `${code} ${key}`).toEqual(expect.arrayContaining([...needed]));
        }
      }
    }
    // "{count} new message(s)" is what ICU plurals replace: no English message may go back to it.
    for (const [key, text] of Object.entries(en)) expect(text, key).not.toMatch(/\(s\)/);
  });

  it('an argument that counts things is a plural in English, so no language says "1 frames"', () => {
    const COUNTS = new Set(['count', 'lines', 'frames', 'gaps', 'missed', 'attempts']);
    for (const [key, text] of Object.entries(en)) {
      const uses = argumentUses(parse(text, ['en-GB']).getAst());
      for (const name of uses.simple) expect(COUNTS.has(name) ? `${key}: {${name}} is not a plural` : '', key).toBe('');
    }
  });

  it('no message uses the ASCII apostrophe, which ICU reads as a quote: typographic ’ instead', () => {
    for (const [code, lang] of Object.entries(LANGUAGES)) {
      for (const [key, text] of Object.entries(lang.catalogue)) expect(text, `${code} ${key}`).not.toContain("'");
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('health.ago', { seconds: 12 })).toBe('12 s ago');
    expect(t('health.ago')).toBe('{seconds} s ago');
  });

  it('each key is defined in one part of the English catalogue only, and all parts reach en', () => {
    const parts = Object.values(EN_PARTS).map((part) => Object.keys(part));
    const all = parts.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(Object.keys(en).sort()).toEqual([...all].sort());
  });

  it('components and views contain no literal UI text: all of it goes through t()', () => {
    const files = UI_DIRS.flatMap(tsxFiles);
    for (const area of ['components', 'views/pairing', 'views/service']) {
      expect(files.filter((f) => relative(RENDERER, f).startsWith(area)).length, area).toBeGreaterThanOrEqual(5);
    }
    const offenders = files.flatMap((f) => literalTexts(f).map((text) => `${relative(RENDERER, f)}: ${text}`));
    expect(offenders).toEqual([]);
  });

  it('the literal scan does catch text and spoken attributes', () => {
    const dir = import.meta.dirname;
    const probe = join(dir, 'literal-probe.fixture.tsx');
    expect(literalTexts(probe)).toEqual(['Close', 'Hello', 'World']);
  });
});
