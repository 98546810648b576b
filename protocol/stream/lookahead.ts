/**
 * The answer to a forged or corrupted length field (issue 9: 18 bytes claiming L = 16000 stalled
 * the stream until 16 KiB arrived). While an encrypted candidate waits for the bytes its length
 * field announces, the bytes after its header are watched for a complete frame whose tag verifies
 * or a telegram whose CRC verifies; the first one found shows the length was false, and the decoder
 * abandons the candidate for it. Nothing unverifiable can cut a frame short: a genuine frame's own
 * ciphertext would need a verifying GCM tag or CRC inside it.
 *
 * Each byte is scanned once per candidate; starts that need more bytes are kept (at most
 * MAX_PENDING) and re-checked as bytes arrive, so several nested false headers cannot stall it either.
 */
import { FRAME_TAG, HEADER_CHECK_LEN, PREFIX_LEN, checkHeader } from '../frame/header.ts';
import { SLASH, crcEndsAt, isTelegramByte } from './plain-end.ts';

const LF = 0x0a;
const MAX_PENDING = 32;

export interface LookaheadView {
  readonly buf: Uint8Array;
  readonly base: number; // stream offset of buf[0]
  readonly end: number; // stream offset after the last byte
  readonly max: number; // bound for L and for a telegram's length
  /** Whether the complete frame at [start, start + total) verifies under the current key. */
  verifyFrame(start: number, total: number): boolean;
  /** Whether [start, stop) is a telegram with a CRC that verifies. */
  verifyTelegram(start: number, stop: number): boolean;
}

type Probe = { start: number; scan: number };
type Outcome = 'found' | 'dead' | 'pending';

export interface Lookahead {
  /** Stream offset of a verified frame or telegram that starts inside the candidate at `candidate`, or -1. */
  find(view: LookaheadView, candidate: number): number;
}

function probeFrame(v: LookaheadView, p: Probe): Outcome {
  if (v.end - p.start < HEADER_CHECK_LEN) return 'pending';
  const length = checkHeader(v.buf, p.start - v.base, v.max);
  if (length < 0) return 'dead';
  const total = PREFIX_LEN + length;
  if (v.end - p.start < total) return 'pending';
  return v.verifyFrame(p.start, total) ? 'found' : 'dead';
}

function probeTelegram(v: LookaheadView, p: Probe): Outcome {
  const limit = Math.min(v.end, p.start + v.max);
  for (let j = Math.max(p.scan, p.start + 1); j < limit; j++) {
    const c = v.buf[j - v.base]!;
    if (c === LF) {
      if (crcEndsAt(v.buf, v.base, p.start, j, true) > 0) return v.verifyTelegram(p.start, j + 1) ? 'found' : 'dead';
    } else if (!isTelegramByte(c)) {
      return crcEndsAt(v.buf, v.base, p.start, j, false) > 0 && v.verifyTelegram(p.start, j) ? 'found' : 'dead';
    }
    p.scan = j + 1;
  }
  return limit - p.start >= v.max ? 'dead' : 'pending';
}

export function createLookahead(): Lookahead {
  let owner = -1; // the candidate the state below belongs to
  let from = 0; // next stream offset to look at
  let pending: Probe[] = [];
  const probe = (v: LookaheadView, p: Probe): Outcome => (v.buf[p.start - v.base] === FRAME_TAG ? probeFrame(v, p) : probeTelegram(v, p));
  return {
    find(v, candidate) {
      if (owner !== candidate) {
        owner = candidate;
        from = candidate + 1;
        pending = [];
      }
      const kept: Probe[] = [];
      for (const p of pending) {
        const outcome = probe(v, p);
        if (outcome === 'found') return p.start;
        if (outcome === 'pending') kept.push(p);
      }
      pending = kept;
      for (; from < v.end; from++) {
        const c = v.buf[from - v.base]!;
        if (c !== FRAME_TAG && c !== SLASH) continue;
        const p = { start: from, scan: from + 1 };
        const outcome = probe(v, p);
        if (outcome === 'found') return p.start;
        if (outcome === 'pending' && pending.length < MAX_PENDING) pending.push(p);
      }
      return -1;
    },
  };
}
