/**
 * Additional authenticated data of a Smarty frame (LUX §3.2.5, §3.4.1): the security-control byte
 * followed by the 16-byte "authentication key", which Luxembourg fixes for every meter.
 * This key is public; it is NOT the meter's (secret, per-meter) encryption key.
 */
import { hexToBytes } from '../bytes.ts';
import { PUBLISHED_AUTH_KEY_HEX } from '../vocabulary.ts';
import { SECURITY_CONTROL } from './header.ts';

const AUTH_KEY_LEN = 16;

/** The published Luxembourg authentication key 00112233…EEFF (a fresh copy each time). */
export function luxAuthKey(): Uint8Array {
  return hexToBytes(PUBLISHED_AUTH_KEY_HEX);
}

/** The published Luxembourg authentication key. Read-only by convention; use luxAuthKey() for a copy. */
export const LUX_AUTH_KEY: Uint8Array = luxAuthKey();

/** AAD = 0x30 ‖ `authKey` (16 bytes; RangeError otherwise). */
export function aadFromAuthKey(authKey: Uint8Array): Uint8Array {
  if (authKey.length !== AUTH_KEY_LEN)
    throw new RangeError(`aad: expected a ${AUTH_KEY_LEN}-byte authentication key, got ${authKey.length}`);
  const aad = new Uint8Array(1 + AUTH_KEY_LEN);
  aad[0] = SECURITY_CONTROL;
  aad.set(authKey, 1);
  return aad;
}

/** The AAD every Smarty uses: 0x30 ‖ 00112233445566778899AABBCCDDEEFF. */
export function defaultAad(): Uint8Array {
  return aadFromAuthKey(luxAuthKey());
}
