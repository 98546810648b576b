/**
 * The arguments an ICU message uses, read from its parsed form: `t` fills the missing ones and
 * checks the kinds of the given ones, and the catalogue test checks that a translation uses the
 * same arguments as English.
 */
import type { IntlMessageFormat } from 'intl-messageformat';

type Element = ReturnType<IntlMessageFormat['getAst']>[number];

// The parser's element kinds (TYPE in @formatjs/icu-messageformat-parser).
const LITERAL = 0;
const ARGUMENT = 1; // {name}
const NUMBER = 2; // {name, number}
const PLURAL = 6; // {name, plural, …}
const POUND = 7; // # inside a plural
const TAG = 8;

export interface ArgumentUses {
  /** Every argument name, sorted, each once (plural and select branches included). */
  names: string[];
  /** Arguments shown as they are ({name}): a number given for one is formatted by `t`. */
  simple: Set<string>;
  /** Arguments that must be numbers (plural, number). */
  numeric: Set<string>;
}

export function argumentUses(ast: readonly Element[]): ArgumentUses {
  const names = new Set<string>();
  const simple = new Set<string>();
  const numeric = new Set<string>();
  const visit = (elements: readonly Element[]): void => {
    for (const el of elements) {
      if (el.type === TAG) {
        if ('children' in el) visit(el.children);
        continue;
      }
      if (el.type !== LITERAL && el.type !== POUND && 'value' in el && typeof el.value === 'string') {
        names.add(el.value);
        if (el.type === ARGUMENT) simple.add(el.value);
        if (el.type === PLURAL || el.type === NUMBER) numeric.add(el.value);
      }
      if ('options' in el) for (const option of Object.values(el.options)) visit(option.value);
    }
  };
  visit(ast);
  return { names: [...names].sort(), simple, numeric };
}

/** Every argument name in `ast`, sorted, each once. */
export const argumentNames = (ast: readonly Element[]): string[] => argumentUses(ast).names;
