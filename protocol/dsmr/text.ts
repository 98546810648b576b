/**
 * Octet-string values (meter ids, equipment ids, text messages) travel hex-encoded, two hex digits
 * per byte (DSMR5 §6.5). The rule for decoding, since firmware varies and no non-empty Luxembourg
 * message sample exists:
 * - even-length hex whose bytes are printable ASCII, or valid UTF-8 without control characters,
 *   is decoded to that text;
 * - anything else (plain text from firmware that does not hex-encode, e.g. the Dutch heat meter's
 *   `0-0:96.1.1(ADC3100000158491)`, or bytes that are not printable text) is kept exactly as sent.
 * A telegram can therefore never put control characters or broken UTF-8 into a reading.
 */

function hexVal(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** Decodes UTF-8 `b`; undefined when it is not well-formed or contains a control character. */
function utf8(b: number[]): string | undefined {
  let out = '';
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    let cp: number;
    let n: number;
    if (c < 0x80) (cp = c), (n = 0);
    else if (c >= 0xc2 && c <= 0xdf) (cp = c & 0x1f), (n = 1);
    else if (c >= 0xe0 && c <= 0xef) (cp = c & 0x0f), (n = 2);
    else if (c >= 0xf0 && c <= 0xf4) (cp = c & 0x07), (n = 3);
    else return undefined;
    if (n > 0 && i + n >= b.length) return undefined;
    for (let k = 1; k <= n; k++) {
      const cc = b[i + k]!;
      if ((cc & 0xc0) !== 0x80) return undefined;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if ((n === 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (n === 3 && (cp < 0x10000 || cp > 0x10ffff))) return undefined;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return undefined;
    out += String.fromCodePoint(cp);
    i += n + 1;
  }
  return out;
}

/** An octet-string value as text, by the rule in this file's header. */
export function decodeText(s: string): string {
  if (s.length === 0 || s.length % 2 !== 0) return s;
  let ascii = '';
  let printable = true;
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i += 2) {
    const hi = hexVal(s.charCodeAt(i));
    const lo = hexVal(s.charCodeAt(i + 1));
    if (hi < 0 || lo < 0) return s;
    const b = (hi << 4) | lo;
    bytes.push(b);
    if (b < 0x20 || b > 0x7e) printable = false;
    else if (printable) ascii += String.fromCharCode(b);
  }
  if (printable) return ascii;
  return utf8(bytes) ?? s;
}

const HEX = '0123456789ABCDEF';

function byteHex(b: number): string {
  return HEX[b >> 4]! + HEX[b & 15]!;
}

/** Text → upper-case hex of its UTF-8 bytes (a lone surrogate becomes U+FFFD). */
export function encodeText(text: string): string {
  let out = '';
  for (const ch of text) {
    let cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) out += byteHex(cp);
    else if (cp < 0x800) out += byteHex(0xc0 | (cp >> 6)) + byteHex(0x80 | (cp & 63));
    else if (cp < 0x10000) out += byteHex(0xe0 | (cp >> 12)) + byteHex(0x80 | ((cp >> 6) & 63)) + byteHex(0x80 | (cp & 63));
    else
      out += byteHex(0xf0 | (cp >> 18)) + byteHex(0x80 | ((cp >> 12) & 63)) + byteHex(0x80 | ((cp >> 6) & 63)) + byteHex(0x80 | (cp & 63));
  }
  return out;
}
