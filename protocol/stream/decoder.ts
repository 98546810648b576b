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
 * - while an encrypted candidate waits for the bytes its length announces, the bytes after its
 *   header are watched for a verified frame or telegram (lookahead.ts): a false length costs at
 *   most the frame behind it, not 16 KiB of waiting;
 * - plain candidate: printable ASCII, CR and LF only ('/' included: messages may contain it),
 *   ending at a line '!' + 0..4 hex digits + CRLF or LF, or without the line end when anything
 *   else follows or input ends. A candidate whose CRC fails is retried from a '/' inside it (a
 *   stray '/' or a cut-off telegram before the real one); one that breaks off at a binary byte is
 *   reported as dropped, not as mere noise.
 * Plain telegrams then pass the plain policy (types.ts PlainPolicy), encrypted frames the counter
 * rules (counter.ts). Nothing here throws on wire bytes, and the buffer never holds more than
 * 2 × maxFrameBytes + 64.
 */
import { bytesToHex } from '../bytes.ts';
import { createGcm12 } from '../crypto/gcm12.ts';
import type { Gcm12 } from '../crypto/gcm12.ts';
import { defaultAad } from '../frame/aad.ts';
import { openFrame } from '../frame/codec.ts';
import { FRAME_TAG, HEADER_CHECK_LEN, MIN_LENGTH, PREFIX_LEN, checkHeader, couldBeHeaderStart, readFrameHeader } from '../frame/header.ts';
import type { DecoderEvent, FrameHeader } from '../types.ts';
import { createCounterTracker } from './counter.ts';
import {
  counterEvent,
  droppedTelegramEvent,
  errorEvent,
  falseLengthEvent,
  noKeyEvent,
  noiseEvent,
  parseBytes,
  parsedEvent,
  plainRefusedEvent,
  telegramEvent,
  truncatedEvent,
} from './events.ts';
import type { Parsed } from './events.ts';
import { createLookahead } from './lookahead.ts';
import { checkPolicy, sameKey } from './options.ts';
import type { StreamDecoder, StreamDecoderOptions } from './options.ts';

export type { StreamDecoder, StreamDecoderOptions } from './options.ts';
import type { LookaheadView } from './lookahead.ts';
import { SLASH, crcEndsAt, isTelegramByte, looksLikeHeader } from './plain-end.ts';
import { retryInside, salvage } from './plain-retry.ts';

export const DEFAULT_MAX_FRAME_BYTES = 16384; // five 1024-char text messages still fit
const LF = 0x0a;

/** Creates a decoder for one port. */
export function createStreamDecoder(opts: StreamDecoderOptions = {}): StreamDecoder {
  const max = opts.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  if (!Number.isInteger(max) || max < MIN_LENGTH || max > 0xffff) {
    throw new RangeError(`decoder: expected maxFrameBytes in ${MIN_LENGTH}..65535, got ${max}`);
  }
  let keyBytes = opts.key ? opts.key.slice() : null;
  let cipher: Gcm12 | null = keyBytes ? createGcm12(keyBytes) : null;
  let aad = opts.aad ? opts.aad.slice() : defaultAad();
  let policy = checkPolicy(opts.plain ?? 'auto');
  const parseOpts = { noCrc: opts.noCrc === true };
  const counters = createCounterTracker(opts.counters);
  // An encrypted frame verified under the current key. Persisted counters for the key say one did
  // before a restart: plain telegrams are then refused ('auto') from the first byte on.
  let verified = keyBytes !== null && Object.keys(counters.snapshot()).length > 0;
  let look = createLookahead();
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

  const view: LookaheadView = {
    get buf() {
      return buf;
    },
    get base() {
      return base;
    },
    get end() {
      return end;
    },
    max,
    verifyFrame: (start, total) => cipher !== null && openFrame(cipher, aad, copy(start, start + total)).ok,
    verifyTelegram: (start, stop) => {
      const r = parseBytes(copy(start, stop)).result;
      return r.ok && r.value.crc !== null;
    },
  };

  function deliverFrame(frame: FrameHeader, plaintext: Uint8Array, raw: Uint8Array): void {
    verified = true;
    const verdict = counters.check(frame.systemTitle, frame.frameCounter);
    const event = counterEvent(verdict, frame, raw);
    if (event !== null) out.push(event);
    // With noCrc, a CRC-less plaintext is still authenticated: its GCM tag verified.
    if (verdict.kind !== 'replay') out.push(telegramEvent(plaintext, frame, raw, parseOpts));
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
      if (final) {
        failCandidate(truncatedEvent(copy(pos, end), 'frame'), end);
        return true;
      }
      const found = look.find(view, pos);
      if (found < 0) return false;
      flushNoise();
      out.push(falseLengthEvent(length, copy(pos, found)));
      quietUntil = Math.max(quietUntil, found);
      pos = found;
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

  /** The event for a parsed plain telegram, after the plain policy. */
  function deliverPlain(parsed: Parsed, raw: Uint8Array): void {
    const r = parsed.result;
    if (r.ok && (policy === 'refuse' || (policy === 'auto' && verified))) out.push(plainRefusedEvent(r.value.header, policy, raw));
    else out.push(parsedEvent(parsed, null, raw));
  }

  function completePlain(stop: number): true {
    let raw = copy(pos, stop);
    let parsed = parseBytes(raw, parseOpts);
    const retry = parsed.result.ok ? null : retryInside(raw, parseOpts);
    if (retry !== null) {
      const before = raw.subarray(0, retry.at);
      const first = looksLikeHeader(before, 0) && before.includes(LF) ? salvage(before, parseOpts) : null;
      if (first !== null) {
        flushNoise();
        deliverPlain(first.parsed, before.slice(0, first.length));
        pos += first.length;
        skipTo(pos + retry.at - first.length); // what stood between the two telegrams
      } else if (looksLikeHeader(before, 0) && before.includes(LF)) {
        flushNoise();
        out.push(droppedTelegramEvent(before.slice(), 'cut off by the telegram that follows it'));
        pos += retry.at;
      } else skipTo(pos + retry.at);
      raw = raw.subarray(retry.at);
      parsed = retry.parsed;
    }
    flushNoise();
    pos = stop;
    deliverPlain(parsed, raw);
    return true;
  }

  /** Gives up a plain candidate at `stop`: dropped telegram when it had a line, else noise. */
  function abandonPlain(stop: number, why: string): true {
    const raw = copy(pos, stop);
    if (looksLikeHeader(raw, 0) && raw.includes(LF)) {
      flushNoise();
      out.push(droppedTelegramEvent(raw, why));
      quietUntil = Math.max(quietUntil, stop);
      pos = stop;
    } else skipTo(stop);
    return true;
  }

  /** Returns false while more bytes are needed. */
  function plainCandidate(final: boolean): boolean {
    const limit = Math.min(end, pos + max);
    let j = Math.max(plainScan, pos + 1);
    for (; j < limit; j++) {
      const c = buf[j - base]!;
      if (c === LF) {
        if (crcEndsAt(buf, base, pos, j, true) >= 0) return completePlain(j + 1);
      } else if (c === SLASH) {
        if (crcEndsAt(buf, base, pos, j, false) >= 0) return completePlain(j); // the next telegram, right after a CRC
      } else if (!isTelegramByte(c)) {
        if (crcEndsAt(buf, base, pos, j, false) >= 0) return completePlain(j);
        plainScan = j;
        return abandonPlain(j, `byte 0x${bytesToHex(new Uint8Array([c]))} at offset ${j - pos} is not text`);
      }
    }
    plainScan = j; // the next push goes on from here
    if (j - pos >= max) return abandonPlain(j, `no "!CRC" end within ${max} bytes`);
    if (!final) return false;
    if (crcEndsAt(buf, base, pos, end, false) >= 0) return completePlain(end);
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
      if (newAad !== undefined) aad = newAad.slice();
      if (sameKey(key, keyBytes)) return;
      keyBytes = key ? key.slice() : null;
      cipher = keyBytes ? createGcm12(keyBytes) : null;
      counters.newKey();
      verified = false;
    },
    setPlainPolicy(next) {
      policy = checkPolicy(next);
    },
    counters() {
      return counters.snapshot();
    },
    reset() {
      base = end = pos = quietUntil = plainScan = noise = 0;
      look = createLookahead();
    },
  };
}
