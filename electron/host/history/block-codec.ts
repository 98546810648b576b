/**
 * The 10-s detail of one meter for one UTC hour, packed into one blob: a row per telegram costs
 * SQLite ~40 bytes, the target is ≤ 10. Layout (then raw DEFLATE): a format byte, the count, the
 * first sample absolute, then column by column the differences to the previous sample as
 * (zigzag) varints: seconds, the four registers, and the two powers (value + 1, 0 = not sent).
 * Columns of small, similar numbers are what DEFLATE packs best.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';

/** One telegram's electricity, as the history keeps it. Registers in Wh/varh, powers in W. */
export interface Sample {
  t: number; // epoch seconds of the meter's timestamp
  imp: number;
  exp: number;
  impR: number;
  expR: number;
  pImp: number | null;
  pExp: number | null;
}

const FORMAT = 1;

class Writer {
  buf = new Uint8Array(4096);
  len = 0;
  uint(v: number): void {
    if (this.len + 10 > this.buf.length) {
      const next = new Uint8Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    while (v >= 0x80) {
      this.buf[this.len++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.len++] = v;
  }
  int(v: number): void {
    this.uint(v >= 0 ? v * 2 : -v * 2 - 1);
  }
}

class Reader {
  pos = 0;
  private readonly buf: Uint8Array;
  constructor(buf: Uint8Array) {
    this.buf = buf;
  }
  uint(): number {
    let v = 0;
    let scale = 1;
    for (;;) {
      if (this.pos >= this.buf.length) throw new Error('history block: truncated');
      const b = this.buf[this.pos++]!;
      v += (b & 0x7f) * scale;
      if (b < 0x80) return v;
      scale *= 0x80;
    }
  }
  int(): number {
    const z = this.uint();
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  }
}

const REGISTERS = ['imp', 'exp', 'impR', 'expR'] as const;

/** Packs samples sorted by `t` (strictly increasing) of the block starting at `blockStart`. */
export function encodeBlock(blockStart: number, samples: readonly Sample[]): Uint8Array {
  const w = new Writer();
  w.uint(FORMAT);
  w.uint(samples.length);
  if (samples.length > 0) {
    const first = samples[0]!;
    w.uint(first.t - blockStart);
    for (const r of REGISTERS) w.int(first[r]);
    for (let i = 1; i < samples.length; i++) w.uint(samples[i]!.t - samples[i - 1]!.t);
    for (const r of REGISTERS) for (let i = 1; i < samples.length; i++) w.int(samples[i]![r] - samples[i - 1]![r]);
    for (const s of samples) w.uint(s.pImp === null ? 0 : s.pImp + 1);
    for (const s of samples) w.uint(s.pExp === null ? 0 : s.pExp + 1);
  }
  return deflateRawSync(w.buf.subarray(0, w.len));
}

/** Unpacks a blob written by encodeBlock; throws on a damaged blob. */
export function decodeBlock(blockStart: number, blob: Uint8Array): Sample[] {
  const r = new Reader(inflateRawSync(blob));
  if (r.uint() !== FORMAT) throw new Error('history block: unknown format');
  const n = r.uint();
  const out: Sample[] = new Array(n);
  if (n === 0) return out;
  out[0] = { t: blockStart + r.uint(), imp: r.int(), exp: r.int(), impR: r.int(), expR: r.int(), pImp: null, pExp: null };
  for (let i = 1; i < n; i++) out[i] = { t: out[i - 1]!.t + r.uint(), imp: 0, exp: 0, impR: 0, expR: 0, pImp: null, pExp: null };
  for (const reg of REGISTERS) for (let i = 1; i < n; i++) out[i]![reg] = out[i - 1]![reg] + r.int();
  for (const s of out) {
    const v = r.uint();
    s.pImp = v === 0 ? null : v - 1;
  }
  for (const s of out) {
    const v = r.uint();
    s.pExp = v === 0 ? null : v - 1;
  }
  return out;
}
