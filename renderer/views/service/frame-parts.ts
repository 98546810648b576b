/**
 * Splits an encrypted frame's hex into its parts (LUX §3.2.5), so the service view can pick out the
 * header fields: DB | 08 | system title (8) | 82 LL LL | 30 | frame counter (4) | ciphertext | tag (12).
 */
import type { MessageKey } from '../../i18n/index.ts';

export interface FramePart {
  label: MessageKey;
  part: string; // stable name for tests and styling
  hex: string;
}

const LAYOUT: [string, MessageKey, number][] = [
  ['sof', 'service.part.sof', 1],
  ['title-length', 'service.part.titleLength', 1],
  ['system-title', 'service.part.systemTitle', 8],
  ['length', 'service.part.length', 3],
  ['security', 'service.part.security', 1],
  ['counter', 'service.part.counter', 4],
];
const HEADER_BYTES = 18;
const TAG_BYTES = 12;

/** The parts of `rawHex` when it is a whole 0xDB frame; one 'raw' part otherwise. */
export function splitFrame(rawHex: string): FramePart[] {
  const hex = rawHex.toUpperCase();
  const bytes = hex.length / 2;
  if (!hex.startsWith('DB') || bytes < HEADER_BYTES + TAG_BYTES) return [{ label: 'service.frame.hex', part: 'raw', hex }];
  const parts: FramePart[] = [];
  let at = 0;
  for (const [part, label, n] of LAYOUT) {
    parts.push({ part, label, hex: hex.slice(at * 2, (at + n) * 2) });
    at += n;
  }
  parts.push({ part: 'ciphertext', label: 'service.part.ciphertext', hex: hex.slice(at * 2, (bytes - TAG_BYTES) * 2) });
  parts.push({ part: 'tag', label: 'service.part.tag', hex: hex.slice((bytes - TAG_BYTES) * 2) });
  return parts;
}

/** Hex with a space between bytes, for reading. */
export function spaced(hex: string): string {
  return (hex.match(/../g) ?? []).join(' ');
}
