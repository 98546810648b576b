/** The stream decoder's options and interface (decoder.ts), and the checks on them. */
import type { DecoderEvent, PlainPolicy } from '../types.ts';

export interface StreamDecoderOptions {
  key?: Uint8Array | null; // the meter's 16-byte key; without it encrypted frames give NO_KEY
  aad?: Uint8Array; // default 0x30 ‖ LUX_AUTH_KEY; an empty array means "no AAD"
  maxFrameBytes?: number; // bound for L and for a plain telegram's length
  /**
   * The last frame counter per system title (16 hex digits) already seen under `key`, as a host
   * persisted it from `counters()`: a frame at or below it is a REPLAY. Invalid entries are ignored.
   * With a key and at least one counter, frames have verified under this key before: the 'auto'
   * plain policy refuses plain telegrams from the start.
   */
  counters?: Readonly<Record<string, number>>;
  plain?: PlainPolicy; // default 'auto'
  /** Read telegrams that carry no CRC (DSMR 2.2/3.0); they are never verified (`crc: null`). Default false. */
  noCrc?: boolean;
}

export interface StreamDecoder {
  /** Feeds bytes as they arrive; returns the events they complete, in stream order. */
  push(chunk: Uint8Array): DecoderEvent[];
  /** End of input: a truncated frame → MALFORMED, trailing noise → NOISE_SKIPPED. */
  finish(): DecoderEvent[];
  /**
   * Changes the key (null: none) and, when given, the AAD. A different key starts a new counter
   * sequence (its first frame may be lower: COUNTER_RESET) and, under 'auto', accepts plain
   * telegrams again until a frame verifies under it; the same key again changes nothing.
   */
  setKey(key: Uint8Array | null, aad?: Uint8Array): void;
  /** Changes what happens to plain telegrams from now on (e.g. after the user's answer). */
  setPlainPolicy(policy: PlainPolicy): void;
  /** The last frame counter per system title under the current key: persist it, pass it back as `counters`. */
  counters(): Record<string, number>;
  /** Drops buffered bytes (e.g. after a stalled frame); the counter tracking is kept. */
  reset(): void;
}

const POLICIES: readonly PlainPolicy[] = ['accept', 'refuse', 'auto'];

export function checkPolicy(policy: PlainPolicy): PlainPolicy {
  if (!POLICIES.includes(policy)) throw new RangeError(`decoder: expected plain policy accept, refuse or auto, got ${String(policy)}`);
  return policy;
}

export function sameKey(a: Uint8Array | null, b: Uint8Array | null): boolean {
  return a === null || b === null ? a === b : a.length === b.length && a.every((x, i) => x === b[i]);
}
