/** Issue 9, forged length: a false length field must not hold back the genuine frame behind it. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatBytes } from '../../../protocol/bytes.ts';
import { encryptFrame } from '../../../protocol/frame/codec.ts';
import { createStreamDecoder } from '../../../protocol/stream/decoder.ts';
import type { DecoderEvent } from '../../../protocol/types.ts';
import { vectorBytes } from '../frame/vectors.ts';
import { CHUNKINGS, feed, label, summary } from './feed.ts';

const key = new Uint8Array(16).map((_, i) => 200 - i);
const systemTitle = new Uint8Array([0x53, 0x41, 0x47, 1, 1, 2, 3, 5]);
const plaintext = vectorBytes('lux_spec_v1.1.3_example_plain.txt');
const frame = (frameCounter: number) => encryptFrame({ key, systemTitle, frameCounter, plaintext });
/** The 18 bytes: a header whose length field claims L = 16000 (0x3E80). */
const forged = (counter: number) => new Uint8Array([0xdb, 0x08, 0x53, 0x41, 0x47, 1, 1, 2, 3, 5, 0x82, 0x3e, 0x80, 0x30, 0, 0, 0, counter]);

describe('a forged length field', () => {
  it("the issue's case at 1 frame per second: the next genuine frame is a reading as soon as its last byte arrives", () => {
    const d = createStreamDecoder({ key });
    const seconds: DecoderEvent[][] = [];
    seconds.push(d.push(forged(9))); // second 0: the forgery
    for (let n = 1; n <= 3; n++) {
      const bytes = frame(n);
      // the port delivers the frame byte by byte: nothing until its last byte, then the reading
      for (let i = 0; i < bytes.length - 1; i++) expect(d.push(bytes.subarray(i, i + 1))).toEqual([]);
      seconds.push(d.push(bytes.subarray(bytes.length - 1)));
    }
    expect(seconds.map(summary)).toEqual([[], ['error:MALFORMED', 'telegram:1'], ['telegram:2'], ['telegram:3']]);
    const e = seconds[1]![0]!;
    expect(e.type === 'error' && e.message).toMatch(
      /length field says 16000 bytes, but a verified frame or telegram starts 18 byte\(s\) in/,
    );
    expect(e.type === 'error' && e.raw).toEqual(forged(9));
  });

  for (const chunking of CHUNKINGS) {
    describe(label(chunking), () => {
      it('a false header before a frame, before a plain telegram, and two nested ones', () => {
        const input = concatBytes(forged(1), frame(1), forged(2), plaintext, forged(3), forged(4), frame(2));
        const events = feed(createStreamDecoder({ key, plain: 'accept' }), input, chunking);
        expect(summary(events)).toEqual([
          'error:MALFORMED',
          'telegram:1',
          'error:MALFORMED',
          'telegram',
          'error:MALFORMED', // the outer false header gives way to the frame, not to the inner false header
          'telegram:2',
        ]);
      });
    });
  }

  it('a genuine frame is never cut short by what its own ciphertext holds, and memory stays bounded', () => {
    const d = createStreamDecoder({ key, maxFrameBytes: 4000 });
    const events: DecoderEvent[] = [];
    for (let n = 1; n <= 50; n++) {
      const bytes = frame(n);
      for (let i = 0; i < bytes.length; i += 7) events.push(...d.push(bytes.subarray(i, i + 7)));
    }
    expect(summary(events)).toEqual(Array.from({ length: 50 }, (_, i) => `telegram:${i + 1}`));
  });

  it('without a key nothing verifies: the false header waits for its bytes as before (NO_KEY frames are not readings anyway)', () => {
    const events = feed(createStreamDecoder(), concatBytes(forged(1), frame(1)));
    expect(summary(events)[0]).toBe('error:MALFORMED');
    expect(summary(events)).not.toContain('telegram:1');
  });

  it('any false length and any noise before a frame: the frame is still a reading, nothing throws (fuzz)', () => {
    const genuine = frame(1);
    fc.assert(
      fc.property(fc.integer({ min: 18, max: 16000 }), fc.uint8Array({ maxLength: 64 }), fc.nat(), (length, noise, seed) => {
        const header = forged(0).slice();
        header[11] = length >> 8;
        header[12] = length & 0xff;
        const events = feed(createStreamDecoder({ key }), concatBytes(header, noise, genuine), { seed });
        expect(events.filter((e) => e.type === 'telegram').map((e) => e.frame?.frameCounter)).toEqual([1]);
      }),
      { numRuns: 200, seed: 21 },
    );
  });
});
