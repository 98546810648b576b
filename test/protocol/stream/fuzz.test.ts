import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToAscii, concatBytes } from '../../../protocol/bytes.ts';
import { encryptFrame } from '../../../protocol/frame/codec.ts';
import { createStreamDecoder } from '../../../protocol/stream/decoder.ts';
import type { DecoderEvent } from '../../../protocol/types.ts';
import { vectorBytes } from '../frame/vectors.ts';
import { feed } from './feed.ts';

const key = new Uint8Array(16).fill(0x33);
const systemTitle = new Uint8Array([0x53, 0x41, 0x47, 9, 8, 7, 6, 5]);
const plaintext = vectorBytes('smarty_nexxtlab_decrypted.txt');
const frame1 = encryptFrame({ key, systemTitle, frameCounter: 1, plaintext });
const frame2 = encryptFrame({ key, systemTitle, frameCounter: 2, plaintext });
const plainTelegram = vectorBytes('lux_meterlogger_real_plain.txt');

function feedAll(bytes: Uint8Array, seed: number, maxFrameBytes?: number): DecoderEvent[] {
  // 'accept': these properties are about finding frames; the plain policy has its own tests.
  return feed(createStreamDecoder({ key, maxFrameBytes, plain: 'accept' }), bytes, { seed });
}

const telegramsOf = (events: DecoderEvent[]) => events.filter((e) => e.type === 'telegram');

describe('fuzz', () => {
  it('random bytes never throw and yield only well-formed events', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.nat(), (bytes, seed) => {
        for (const e of feedAll(bytes, seed, 600)) {
          if (e.type === 'telegram') expect(e.text.startsWith('/')).toBe(true);
          else expect(e.message).toMatch(/^[^\n]+$/);
        }
      }),
      { numRuns: 200, seed: 11 },
    );
  });

  it('a mutated frame never yields a reading, and never hides the frame after it', () => {
    const mutation = fc.array(fc.record({ at: fc.nat({ max: frame1.length - 1 }), value: fc.integer({ min: 0, max: 255 }) }), {
      minLength: 1,
      maxLength: 4,
    });
    fc.assert(
      fc.property(mutation, fc.nat(), (changes, seed) => {
        const mutated = frame1.slice();
        for (const { at, value } of changes) mutated[at] = value;
        const unchanged = mutated.every((b, i) => b === frame1[i]);
        const telegrams = telegramsOf(feedAll(concatBytes(mutated, frame2), seed));
        const raws = telegrams.map((e) => (e.type === 'telegram' ? e.frame?.frameCounter : null));
        expect(raws).toEqual(unchanged ? [1, 2] : [2]);
        expect(telegrams.at(-1)!.raw).toEqual(frame2);
      }),
      { numRuns: 300, seed: 12 },
    );
  });

  it('random garbage around a frame and a plain telegram never hides them', () => {
    const noise = fc.uint8Array({ maxLength: 400 });
    fc.assert(
      fc.property(noise, noise, noise, fc.nat(), (a, b, c, seed) => {
        const events = feedAll(concatBytes(a, frame1, b, plainTelegram, c), seed);
        const found = telegramsOf(events).map((e) => (e.type === 'telegram' ? e.raw : null));
        expect(found).toContainEqual(frame1);
        expect(found).toContainEqual(plainTelegram);
      }),
      { numRuns: 150, seed: 13 },
    );
  });

  it('encryptFrame → decoder round-trips for any key, system title, counter and chunking', () => {
    const arbitrary = fc.record({
      key: fc.uint8Array({ minLength: 16, maxLength: 16 }),
      title: fc.uint8Array({ minLength: 8, maxLength: 8 }),
      counter: fc.nat({ max: 0xffffffff }),
      seed: fc.nat(),
    });
    fc.assert(
      fc.property(arbitrary, ({ key: k, title, counter, seed }) => {
        const bytes = encryptFrame({ key: k, systemTitle: title, frameCounter: counter, plaintext: plainTelegram });
        const events = feed(createStreamDecoder({ key: k }), bytes, { seed });
        expect(events).toHaveLength(1);
        const e = events[0]!;
        expect(e.type === 'telegram' && e.text).toBe(bytesToAscii(plainTelegram));
        expect(e.type === 'telegram' && e.frame?.frameCounter).toBe(counter);
      }),
      { numRuns: 60, seed: 14 },
    );
  });
});
