/**
 * Byte helpers for a protocol layer that runs on plain Uint8Arrays with no Node APIs (it is
 * type-checked against lib ES2022 alone). Telegrams are 7-bit ASCII, so one char per byte is exact.
 */

const HEX = '0123456789ABCDEF';

/** Uppercase hex of `bytes`. */
export function bytesToHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    out += HEX[b >> 4]! + HEX[b & 15]!;
  }
  return out;
}

/** Parses hex (either case, no separators); `null` when `hex` is not an even run of hex digits. */
export function parseHex(hex: string): Uint8Array | null {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return null;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Like parseHex, for values a programmer supplies: throws TypeError on bad input. */
export function hexToBytes(hex: string): Uint8Array {
  const out = parseHex(hex);
  if (out === null) throw new TypeError(`bytes: expected an even number of hex digits, got ${JSON.stringify(hex.slice(0, 40))}`);
  return out;
}

type Decoder = { decode(bytes: Uint8Array): string };
// lib ES2022 has no TextDecoder type, but every runtime we run on (Node, browsers, Electron) has it.
const Utf8Decoder = (globalThis as { TextDecoder?: new () => Decoder }).TextDecoder;
const utf8 = Utf8Decoder ? new Utf8Decoder() : null;

/**
 * Latin-1 view of bytes (one char per byte); exact for ASCII telegrams. For pure ASCII, which is
 * every telegram, the platform's UTF-8 decoder gives the same string about ten times faster than
 * a char-code loop; any byte >= 0x80 takes the exact Latin-1 path.
 */
export function bytesToAscii(bytes: Uint8Array, start = 0, end = bytes.length): string {
  const view = start === 0 && end === bytes.length ? bytes : bytes.subarray(start, end);
  if (utf8) {
    let acc = 0;
    for (let i = 0; i < view.length; i++) acc |= view[i]!;
    if (acc < 0x80) return utf8.decode(view);
  }
  let out = '';
  const CHUNK = 8192; // keeps String.fromCharCode.apply below engines' argument limits
  for (let i = 0; i < view.length; i += CHUNK) {
    out += String.fromCharCode.apply(null, view.subarray(i, Math.min(view.length, i + CHUNK)) as unknown as number[]);
  }
  return out;
}

/** One byte per char; chars above 0xFF are replaced by '?', which a CRC check then rejects. */
export function asciiToBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i] = c > 0xff ? 0x3f : c;
  }
  return out;
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
