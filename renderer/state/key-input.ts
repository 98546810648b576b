/**
 * Checks a typed meter key before it goes to the host. The host checks again; this gives the
 * customer an inline answer while typing.
 */

// LUX §3.4.1: the fixed authentication key in the AAD, the same in every Smarty. It is not a meter
// key, yet it is the placeholder in widely copied examples, so people type it.
export const PUBLISHED_AUTH_KEY = '00112233445566778899AABBCCDDEEFF';

export type KeyCheck =
  | { ok: true; hex: string }
  | { ok: false; code: 'EMPTY' | 'BAD_CHARS' | 'BAD_LENGTH' | 'PUBLISHED_AUTH_KEY'; length: number };

/** Normalise (spaces, colons and dashes dropped, upper case) and validate a typed key. */
export function checkKeyInput(input: string): KeyCheck {
  const hex = input.replace(/[\s:-]/g, '').toUpperCase();
  if (hex.length === 0) return { ok: false, code: 'EMPTY', length: 0 };
  if (!/^[0-9A-F]*$/.test(hex)) return { ok: false, code: 'BAD_CHARS', length: hex.length };
  if (hex.length !== 32) return { ok: false, code: 'BAD_LENGTH', length: hex.length };
  if (hex === PUBLISHED_AUTH_KEY) return { ok: false, code: 'PUBLISHED_AUTH_KEY', length: 32 };
  return { ok: true, hex };
}
