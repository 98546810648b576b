import { describe, expect, it } from 'vitest';
import { PRESET_BASIC, PRESET_FULL, expectedFields } from '../../../protocol/index.ts';

const mbusOf = (fields: readonly string[], channel: number): string[] =>
  fields.filter((f) => f.startsWith(`0-${channel}:`) && !f.endsWith(':96.3.10'));

describe('expectedFields', () => {
  it('keeps the configured M-Bus objects only for channels with a device attached', () => {
    const out = expectedFields(PRESET_FULL, [1, 3]);
    for (const f of mbusOf(PRESET_FULL, 1)) expect(out).toContain(f);
    for (const f of mbusOf(PRESET_FULL, 3)) expect(out).toContain(f);
    for (const f of [...mbusOf(PRESET_FULL, 2), ...mbusOf(PRESET_FULL, 4)]) expect(out).not.toContain(f);
    expect(out).toContain('0-1:24.2.1');
    expect(out).not.toContain('0-2:24.2.1');
  });

  it('keeps the relays 0-1:96.3.10 and 0-2:96.3.10: they belong to the electricity meter, not to M-Bus', () => {
    const out = expectedFields(PRESET_FULL, []);
    expect(out).toContain('0-1:96.3.10');
    expect(out).toContain('0-2:96.3.10');
    expect(out.some((f) => /^0-[1-4]:24\./.test(f))).toBe(false);
  });

  it('leaves a list without M-Bus objects as it is, in its order, and never adds a field', () => {
    expect(expectedFields(PRESET_BASIC, [1, 2, 3, 4])).toEqual([...PRESET_BASIC]);
    expect(expectedFields(PRESET_BASIC, [])).toEqual([...PRESET_BASIC]);
    expect(expectedFields(['0-2:24.2.1', '1-0:1.8.0', '0-1:24.2.1'], new Set([1]))).toEqual(['1-0:1.8.0', '0-1:24.2.1']);
  });

  it('keeps codes the catalogue does not know (the comparison then reports them missing)', () => {
    expect(expectedFields(['1-0:99.99.0', '0-5:24.2.1'], [])).toEqual(['1-0:99.99.0', '0-5:24.2.1']);
  });
});
