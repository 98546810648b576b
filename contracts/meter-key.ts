/**
 * The one check of a typed meter key, run by the renderer while the customer types (an inline
 * answer) and again by the host before it stores anything (the renderer is not trusted).
 */
import { ok, PUBLISHED_AUTH_KEY_HEX } from '../protocol/index.ts';
import type { Failure, Result } from '../protocol/types.ts';

export type KeyProblem = 'EMPTY' | 'BAD_CHARS' | 'BAD_LENGTH' | 'PUBLISHED_AUTH_KEY';
export interface KeyFailure extends Failure<KeyProblem> {
  length: number; // hex digits typed, for "you typed 30 of 32"
}

/** Normalises (spaces, colons and dashes dropped, upper case) and checks a typed key: 32 hex digits, not the published one. */
export function checkMeterKey(input: string): Result<string, KeyFailure> {
  const hex = input.replace(/[\s:-]/g, '').toUpperCase();
  const problem = (code: KeyProblem, message: string): Result<string, KeyFailure> => ({
    ok: false,
    error: { code, message, length: hex.length },
  });
  if (hex.length === 0) return problem('EMPTY', 'key: nothing typed');
  if (!/^[0-9A-F]*$/.test(hex))
    return problem('BAD_CHARS', `key: expected 32 hex digits, got ${hex.length} characters including non-hex ones`);
  if (hex.length !== 32) return problem('BAD_LENGTH', `key: expected 32 hex digits, got ${hex.length}`);
  if (hex === PUBLISHED_AUTH_KEY_HEX) {
    return problem(
      'PUBLISHED_AUTH_KEY',
      "key: 00112233…EEFF is the published authentication key every Smarty shares, not your meter's key; ask your grid operator for the P1 key",
    );
  }
  return ok(hex);
}
