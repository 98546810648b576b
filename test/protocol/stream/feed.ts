/** Feeds bytes to a stream decoder in a chosen chunking and collects every event, finish() included. */
import type { StreamDecoder } from '../../../protocol/stream/decoder.ts';
import type { DecoderEvent } from '../../../protocol/types.ts';

export type Chunking = 'whole' | 'bytes' | { seed: number };

/** Small deterministic PRNG (mulberry32), so random chunkings replay exactly. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function chunks(bytes: Uint8Array, chunking: Chunking): Uint8Array[] {
  if (chunking === 'whole') return [bytes];
  const out: Uint8Array[] = [];
  const rand = chunking === 'bytes' ? () => 0 : prng(chunking.seed);
  for (let i = 0; i < bytes.length; ) {
    const n = 1 + Math.floor(rand() * 300);
    out.push(bytes.subarray(i, i + n));
    i += n;
  }
  return out;
}

export function feed(decoder: StreamDecoder, bytes: Uint8Array, chunking: Chunking = 'whole', finish = true): DecoderEvent[] {
  const events: DecoderEvent[] = [];
  for (const c of chunks(bytes, chunking)) events.push(...decoder.push(c));
  if (finish) events.push(...decoder.finish());
  return events;
}

export const CHUNKINGS: readonly Chunking[] = ['whole', 'bytes', { seed: 7 }, { seed: 99 }];

export function label(c: Chunking): string {
  return typeof c === 'string' ? c : `random chunks (seed ${c.seed})`;
}

/** A compact view of events for assertions: "telegram:123", "error:AUTH_FAILED:123", "warning:NOISE_SKIPPED". */
export function summary(events: DecoderEvent[]): string[] {
  return events.map((e) => {
    const counter = e.frame ? `:${e.frame.frameCounter}` : '';
    return e.type === 'telegram' ? `telegram${counter}` : `${e.type}:${e.code}${counter}`;
  });
}
