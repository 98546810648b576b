/**
 * The argument names an ICU message uses, read from its parsed form: `t` fills the missing ones,
 * and the catalogue test checks that a translation uses the same arguments as English.
 */
import type { IntlMessageFormat } from 'intl-messageformat';

type Element = ReturnType<IntlMessageFormat['getAst']>[number];

// The parser's element kinds (TYPE in @formatjs/icu-messageformat-parser): 0 literal, 7 `#`, 8 tag.
const LITERAL = 0;
const POUND = 7;
const TAG = 8;

/** Every argument name in `ast`, sorted, each once (plural and select branches included). */
export function argumentNames(ast: readonly Element[]): string[] {
  const names = new Set<string>();
  const visit = (elements: readonly Element[]): void => {
    for (const el of elements) {
      if (el.type === TAG) {
        if ('children' in el) visit(el.children);
        continue;
      }
      if (el.type !== LITERAL && el.type !== POUND && 'value' in el && typeof el.value === 'string') names.add(el.value);
      if ('options' in el) for (const option of Object.values(el.options)) visit(option.value);
    }
  };
  visit(ast);
  return [...names].sort();
}
