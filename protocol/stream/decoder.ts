/**
 * Incremental decoder for the customer port's byte stream: encrypted frames (0xDB …, cut by their
 * length field, never by looking for '!' inside ciphertext) and plain DSMR telegrams ('/' … '!CRC'),
 * mixed in any order, because the grid operator can switch the encryption on and off at any time.
 *
 * State machine over one bounded carry-over buffer (positions are absolute stream offsets):
 * - hunting at `pos`: 0xDB starts an encrypted candidate, '/' a plain one; anything else is noise,
 *   reported as one NOISE_SKIPPED per run when the next frame is reported or at finish();
 * - encrypted candidate: the 14 header bytes must check out (else it is noise: skip one byte), then
 *   exactly 13 + L bytes are awaited. A candidate that fails (no key, bad tag, truncated) is
 *   re-scanned from its second byte, so a corrupted length never swallows the frame that follows;
 *   its own bytes are not reported again as noise (`quietUntil`);
 * - plain candidate: printable ASCII, CR and LF only, no second '/', ending at a line '!' + 1..4 hex
 *   digits + CRLF, or without the CRLF when the next frame or the end of input shows up.
 * Nothing here throws on wire bytes, and the buffer never holds more than 2 × maxFrameBytes + 64.
 */
import { createGcm12 } from '../crypto/gcm12.ts';
import type { Gcm12 } from '../crypto/gcm12.ts';
import { defaultAad } from '../frame/aad.ts';
import { openFrame } from '../frame/codec.ts';
import { FRAME_TAG, HEADER_CHECK_LEN, MIN_LENGTH, PREFIX_LEN, checkHeader, couldBeHeaderStart, readFrameHeader } from '../frame/header.ts';
import type { DecoderEvent, FrameHeader } from '../types.ts';
import { createCounterTracker } from './counter.ts';
import { counterEvent, errorEvent, noKeyEvent, noiseEvent, telegramEvent, truncatedEvent } from './events.ts';
import { SLASH, crcEndsAt, isTelegramByte } from './plain-end.ts';

export const DEFAULT_MAX_FRAME_BYTES = 16384; // five 1024-char text messages still fit
const LF = 0x0a;

export interface StreamDecoderOptions {
  key?: Uint8Array | null; // the meter's 16-byte key; without it encrypted frames give NO_KEY
  aad?: Uint8Array; // default 0x30 ‖ LUX_AUTH_KEY; an empty array means "no AAD"
  maxFrameBytes?: number; // bound for L and for a plain telegram's length
}

export interface StreamDecoder {
  /** Feeds bytes as they arrive; returns the events they complete, in stream order. */
  push(chunk: Uint8Array): DecoderEvent[];
  /** End of input: a truncated frame → MALFORMED, trailing noise → NOISE_SKIPPED. */
  finish(): DecoderEvent[];
  /** Changes the key (null: none) and, when given, the AAD; forgets the last frame counter. */
  setKey(key: Uint8Array | null, aad?: Uint8Array): void;
  /** Drops buffered bytes (e.g. after a stalled frame); the counter tracking is kept. */
  reset(): void;
}

/** Creates a decoder for one port. */
export function createStreamDecoder(opts: StreamDecoderOptions = {}): StreamDecoder {
  const max = opts.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  if (!Number.isInteger(max) || max < MIN_LENGTH || max > 0xffff) {
    throw new RangeError(`decoder: expected maxFrameBytes in ${MIN_LENGTH}..65535, got ${max}`);
  }
  let cipher: Gcm12 | null = opts.key ? createGcm12(opts.key) : null;
  let aad = opts.aad ? opts.aad.slice() : defaultAad();
  const counters = createCounterTracker();
  const buf = new Uint8Array(2 * max + 64);
  let base = 0; // stream offset of buf[0]
  let end = 0; // stream offset after the last buffered byte
  let pos = 0; // hunting position, or start of the current candidate
  let noise = 0; // skipped bytes not reported yet
  let quietUntil = 0; // bytes before this belong to a failed candidate: not noise
  let plainScan = 0; // next byte a plain candidate has to check
  let out: DecoderEvent[] = [];

  function skipTo(next: number): void {
    const from = Math.max(pos, quietUntil);
    if (next > from) noise += next - from;
    pos = next;
  }

  function flushNoise(): void {
    if (noise > 0) out.push(noiseEvent(noise));
    noise = 0;
  }

  function copy(from: number, to: number): Uint8Array {
    return buf.slice(from - base, to - base);
  }

  /** Reports a failed candidate and re-scans from its second byte. */
  function failCandidate(event: DecoderEvent, candidateEnd: number): void {
    flushNoise();
    out.push(event);
    quietUntil = Math.max(quietUntil, candidateEnd);
    pos += 1;
  }

  function deliverFrame(frame: FrameHeader, plaintext: Uint8Array, raw: Uint8Array): void {
    const verdict = counters.check(frame.frameCounter);
    const event = counterEvent(verdict, frame, raw);
    if (event !== null) out.push(event);
    if (verdict.kind !== 'replay') out.push(telegramEvent(plaintext, frame, raw));
  }

  /** Returns false while more bytes are needed. */
  function encryptedCandidate(final: boolean): boolean {
    const at = pos - base;
    if (end - pos < HEADER_CHECK_LEN) {
      if (!final) return false;
      // A lone trailing 0xDB is noise; from 'DB 08' on it looks like a frame that was cut.
      if (end - pos >= 2 && couldBeHeaderStart(buf, at, end - base)) failCandidate(truncatedEvent(copy(pos, end), 'frame'), end);
      else skipTo(pos + 1);
      return true;
    }
    const length = checkHeader(buf, at, max);
    if (length < 0) {
      skipTo(pos + 1);
      return true;
    }
    const total = PREFIX_LEN + length;
    if (end - pos < total) {
      if (!final) return false;
      failCandidate(truncatedEvent(copy(pos, end), 'frame'), end);
      return true;
    }
    const raw = copy(pos, pos + total);
    if (cipher === null) {
      failCandidate(noKeyEvent(readFrameHeader(raw), raw), pos + total);
      return true;
    }
    const opened = openFrame(cipher, aad, raw);
    if (!opened.ok) {
      failCandidate(errorEvent(opened.error.code, opened.error.message, opened.error.header, raw), pos + total);
      return true;
    }
    pos += total;
    flushNoise();
    deliverFrame(opened.value.header, opened.value.plaintext, raw);
    return true;
  }

  function completePlain(stop: number): true {
    const raw = copy(pos, stop);
    flushNoise();
    pos = stop;
    out.push(telegramEvent(raw, null, raw));
    return true;
  }

  /** Returns false while more bytes are needed. */
  function plainCandidate(final: boolean): boolean {
    const limit = Math.min(end, pos + max);
    let j = Math.max(plainScan, pos + 1);
    for (; j < limit; j++) {
      const c = buf[j - base]!;
      if (c === LF) {
        if (crcEndsAt(buf, base, pos, j, true)) return completePlain(j + 1);
      } else if (c === SLASH || !isTelegramByte(c)) {
        // The next frame starts right after a CRC without CRLF.
        if ((c === SLASH || c === FRAME_TAG) && crcEndsAt(buf, base, pos, j, false)) return completePlain(j);
        // A telegram has no second '/' and no binary byte: all before j is noise, and a '/' at j
        // starts the next candidate (so a stray '/' never swallows the telegram behind it).
        plainScan = j;
        skipTo(j);
        return true;
      }
    }
    plainScan = j; // the next push goes on from here
    if (j - pos >= max) {
      skipTo(j); // too long for a telegram, and holds no other frame start
      return true;
    }
    if (!final) return false;
    if (crcEndsAt(buf, base, pos, end, false)) return completePlain(end);
    if (buf.subarray(pos - base, end - base).includes(LF)) {
      flushNoise();
      out.push(truncatedEvent(copy(pos, end), 'telegram'));
      pos = end;
    } else skipTo(end);
    return true;
  }

  function drain(final: boolean): void {
    while (pos < end) {
      const c = buf[pos - base]!;
      if (c === FRAME_TAG) {
        if (!encryptedCandidate(final)) return;
      } else if (c === SLASH) {
        if (!plainCandidate(final)) return;
      } else {
        let j = pos + 1;
        while (j < end && buf[j - base] !== FRAME_TAG && buf[j - base] !== SLASH) j++;
        skipTo(j);
      }
    }
  }

  function compact(): void {
    if (pos === base) return;
    buf.copyWithin(0, pos - base, end - base);
    base = pos;
  }

  return {
    push(chunk) {
      out = [];
      for (let off = 0; off < chunk.length; ) {
        compact();
        const n = Math.min(buf.length - (end - base), chunk.length - off);
        buf.set(chunk.subarray(off, off + n), end - base);
        end += n;
        off += n;
        drain(false);
      }
      return out;
    },
    finish() {
      out = [];
      drain(true);
      flushNoise();
      return out;
    },
    setKey(key, newAad) {
      cipher = key ? createGcm12(key) : null;
      if (newAad !== undefined) aad = newAad.slice();
      counters.reset();
    },
    reset() {
      base = end = pos = quietUntil = plainScan = noise = 0;
    },
  };
}
