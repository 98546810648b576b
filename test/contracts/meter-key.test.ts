import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkMeterKey } from '../../contracts/meter-key.ts';

const NEXXT_KEY = 'D491470F47126332B07D1923B3504188';

describe('checkMeterKey', () => {
  it('accepts 32 hex digits in either case, with spaces, colons or dashes', () => {
    expect(checkMeterKey('d491 470f 4712 6332 b07d 1923 b350 4188')).toEqual({ ok: true, value: NEXXT_KEY });
    expect(checkMeterKey('d4:91:47:0f-47126332b07d1923b3504188')).toEqual({ ok: true, value: NEXXT_KEY });
  });

  it('says what is wrong: nothing typed, non-hex, wrong length, the published authentication key', () => {
    expect(checkMeterKey('  ')).toMatchObject({ ok: false, error: { code: 'EMPTY', length: 0 } });
    expect(checkMeterKey('Z491470F47126332B07D1923B3504188')).toMatchObject({ ok: false, error: { code: 'BAD_CHARS' } });
    expect(checkMeterKey('D491470F')).toMatchObject({ ok: false, error: { code: 'BAD_LENGTH', length: 8 } });
    const ak = checkMeterKey('00112233445566778899aabbccddeeff');
    expect(ak).toMatchObject({ ok: false, error: { code: 'PUBLISHED_AUTH_KEY', length: 32 } });
    expect(!ak.ok && ak.error.message).toMatch(/not your meter's key/);
  });

  it('accepts exactly the strings that are 32 hex digits after dropping separators', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const hex = s.replace(/[\s:-]/g, '').toUpperCase();
        const expected = /^[0-9A-F]{32}$/.test(hex) && hex !== '00112233445566778899AABBCCDDEEFF';
        expect(checkMeterKey(s).ok).toBe(expected);
      }),
    );
  });
});
