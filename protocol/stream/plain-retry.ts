/**
 * Second chances for a plain candidate whose CRC failed: the real telegram may start at a later '/'
 * (a stray '/' or a cut-off telegram before it), and the part before may itself be a whole
 * telegram followed by a stray byte. Both only ever accept what parses with a verifying CRC.
 */
import type { ParseOptions } from '../dsmr/parse.ts';
import { parseBytes } from './events.ts';
import type { Parsed } from './events.ts';
import { SLASH, isHexDigit, looksLikeHeader } from './plain-end.ts';

const LF = 0x0a;
const BANG = 0x21;
const MAX_RETRIES = 16; // bounds the work on a hostile candidate full of "/Abc1" starts

/** The first later '/' of `raw` opening an identification line from which `raw` parses. */
export function retryInside(raw: Uint8Array, opts: ParseOptions): { at: number; parsed: Parsed } | null {
  let tries = 0;
  for (let i = raw.indexOf(SLASH, 1); i > 0 && tries < MAX_RETRIES; i = raw.indexOf(SLASH, i + 1)) {
    if (!looksLikeHeader(raw, i)) continue;
    tries++;
    const parsed = parseBytes(raw.subarray(i), opts);
    if (parsed.result.ok) return { at: i, parsed };
  }
  return null;
}

/**
 * The telegram at the start of `bytes` when it ends with a verifying "!CRC" before whatever
 * followed it (an odd byte after "!CRC<CR>", say), and its length with the CR/LF after it.
 */
export function salvage(bytes: Uint8Array, opts: ParseOptions): { parsed: Parsed; length: number } | null {
  const bang = bytes.lastIndexOf(BANG);
  if (bang < 2 || bytes[bang - 1] !== LF) return null;
  let end = bang + 1;
  while (end < bytes.length && end - bang <= 4 && isHexDigit(bytes[end]!)) end++;
  const parsed = parseBytes(bytes.subarray(0, end), opts);
  if (!parsed.result.ok) return null;
  if (bytes[end] === 0x0d) end++;
  if (bytes[end] === LF) end++;
  return { parsed, length: end };
}
