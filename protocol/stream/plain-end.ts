/**
 * Where a plain DSMR telegram ends (DSMR5 §6.2): '!' + CRC + CRLF, the '!' opening its own line.
 * The CRC is 4 hex digits, but some meters drop the zero padding (`!B9F`, dsmr_parser
 * TELEGRAM_UNPADDED_CRC), so 1..4 are taken; DSMR 2.2/3.0 telegrams have none at all (`!` alone).
 * Line ends may be CRLF or LF alone (issue 13: converters and some firmware drop the CR).
 * Requiring the LF before '!' keeps short printable noise such as "/A!B" from passing for a telegram.
 */

export const SLASH = 0x2f; // '/' opens every telegram
const BANG = 0x21; // '!' precedes the CRC
const CR = 0x0d;
const LF = 0x0a;

/** Bytes a telegram may contain: printable ASCII, CR and LF. */
export function isTelegramByte(c: number): boolean {
  return (c >= 0x20 && c <= 0x7e) || c === CR || c === LF;
}

export function isHexDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/**
 * Whether the telegram that starts at stream offset `start` ends with its `!CRC` right before
 * offset `at`, and with how many CRC digits (0 for a DSMR 2.2/3.0 `!` alone); -1 when it does not.
 * With `lf` set, `buf[at]` is the LF that ends the telegram (an optional CR before it); otherwise
 * the telegram ends before `at` with an optional CR, LF or CRLF. `base` is the stream offset of buf[0].
 */
export function crcEndsAt(buf: Uint8Array, base: number, start: number, at: number, lf: boolean): number {
  let k = at - 1;
  if (!lf && k > start && buf[k - base] === LF) k--;
  if (k > start && buf[k - base] === CR) k--;
  let digits = 0;
  while (digits < 4 && k > start && isHexDigit(buf[k - base]!)) {
    k--;
    digits++;
  }
  return k > start + 1 && buf[k - base] === BANG && buf[k - 1 - base] === LF ? digits : -1;
}

/** `/XXXZ`: the start of a DSMR identification line (three letters for the maker, then the baud-rate character). */
export function looksLikeHeader(bytes: Uint8Array, at: number): boolean {
  if (bytes.length < at + 5 || bytes[at] !== SLASH) return false;
  for (let i = 1; i <= 3; i++) {
    const c = bytes[at + i]! | 0x20;
    if (c < 0x61 || c > 0x7a) return false;
  }
  const z = bytes[at + 4]! | 0x20; // the baud-rate character: a digit, or a letter on old meters
  return (z >= 0x30 && z <= 0x39) || (z >= 0x61 && z <= 0x7a);
}
