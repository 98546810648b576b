import { describe, expect, it } from 'vitest';
import { concatBytes } from '../../../protocol/bytes.ts';
import { encryptFrame } from '../../../protocol/frame/codec.ts';
import { createStreamDecoder } from '../../../protocol/stream/decoder.ts';
import { vectorBytes } from '../frame/vectors.ts';
import { CHUNKINGS, feed, label, summary } from './feed.ts';

const key = new Uint8Array(16).map((_, i) => i * 17);
const plain = vectorBytes('lux_spec_v1.1.3_example_plain.txt');
const systemTitle = new Uint8Array([0x53, 0x41, 0x47, 1, 2, 3, 4, 5]);
const frame = (frameCounter: number, plaintext = plain) => encryptFrame({ key, systemTitle, frameCounter, plaintext });
const decoder = (maxFrameBytes?: number) => createStreamDecoder({ key, maxFrameBytes });
const withByte = (bytes: Uint8Array, at: number, value: number) => bytes.map((b, i) => (i === at ? value : b));
// Noise with the traps in it: a 0xDB and a '/' that start nothing, CR/LF, high bytes.
const garbage = new Uint8Array([0x00, 0xdb, 0x08, 0x01, 0x2f, 0x41, 0x21, 0x42, 0xff, 0x0d, 0x0a, 0x7e, 0x2f, 0x80]);

describe('resynchronisation', () => {
  for (const chunking of CHUNKINGS) {
    describe(label(chunking), () => {
      it('decodes frames back to back', () => {
        expect(summary(feed(decoder(), concatBytes(frame(1), frame(2), frame(3)), chunking))).toEqual([
          'telegram:1',
          'telegram:2',
          'telegram:3',
        ]);
      });

      it('skips garbage before, between and after frames, one warning per run with its size', () => {
        const events = feed(decoder(), concatBytes(garbage, frame(1), garbage, garbage, frame(2), garbage), chunking);
        expect(summary(events)).toEqual([
          'warning:NOISE_SKIPPED',
          'telegram:1',
          'warning:NOISE_SKIPPED',
          'telegram:2',
          'warning:NOISE_SKIPPED',
        ]);
        const skipped = events.map((e) => (e.type === 'warning' ? e.skippedBytes : undefined)).filter((n) => n !== undefined);
        expect(skipped).toEqual([garbage.length, 2 * garbage.length, garbage.length]);
      });

      it('starts in the middle of a frame', () => {
        const first = frame(1);
        const events = feed(decoder(), concatBytes(first.subarray(700), frame(2), frame(3)), chunking);
        expect(summary(events)).toEqual(['warning:NOISE_SKIPPED', 'telegram:2', 'telegram:3']);
        expect(events[0]!.type === 'warning' && events[0]!.skippedBytes).toBe(first.length - 700);
      });

      it('a false header (valid-looking, L = 300) does not swallow the frame after it', () => {
        const fake = concatBytes(
          new Uint8Array([0xdb, 0x08, 1, 2, 3, 4, 5, 6, 7, 8, 0x82, 0x01, 0x2c, 0x30, 0, 0, 0, 9]),
          new Uint8Array(40),
        );
        expect(summary(feed(decoder(), concatBytes(fake, frame(1), frame(2)), chunking))).toEqual([
          'error:AUTH_FAILED:9',
          'telegram:1',
          'telegram:2',
        ]);
      });

      it('a corrupted length, too large, does not swallow the next frame', () => {
        const first = frame(1);
        const longer = withByte(first, 11, first[11]! + 1); // L + 256: ends inside the next frame
        expect(summary(feed(decoder(), concatBytes(longer, frame(2), frame(3)), chunking))).toEqual([
          'error:AUTH_FAILED:1',
          'telegram:2',
          'telegram:3',
        ]);
      });

      it('a corrupted length, too small, fails and the rest of that frame is noise', () => {
        const first = frame(1);
        const shorter = withByte(first, 12, first[12]! - 50);
        const events = feed(decoder(), concatBytes(shorter, frame(2)), chunking);
        expect(summary(events)).toEqual(['error:AUTH_FAILED:1', 'warning:NOISE_SKIPPED', 'telegram:2']);
        expect(events[1]!.type === 'warning' && events[1]!.skippedBytes).toBe(50);
      });

      it('a length above maxFrameBytes is a false header: noise, then the next frame', () => {
        const small = frame(2, vectorBytes('smarty_nexxtlab_decrypted.txt'));
        expect(summary(feed(decoder(1000), concatBytes(frame(1), small), chunking))).toEqual(['warning:NOISE_SKIPPED', 'telegram:2']);
      });

      it('a flipped ciphertext bit gives AUTH_FAILED and no reading; the stream goes on', () => {
        const bad = frame(2);
        bad[500]! ^= 0x10;
        const events = feed(decoder(), concatBytes(frame(1), bad, frame(3)), chunking);
        expect(summary(events)).toEqual(['telegram:1', 'error:AUTH_FAILED:2', 'warning:COUNTER_GAP:3', 'telegram:3']);
        expect(events[1]!.type === 'error' && events[1]!.raw).toEqual(bad);
      });

      it('switches encrypted → plain → encrypted on its own, and plain telegrams leave the counter alone', () => {
        // 'accept': the operator's switch, as an integrator configures it (the default refuses: plain.test.ts)
        const events = feed(
          createStreamDecoder({ key, plain: 'accept' }),
          concatBytes(frame(1), plain, garbage, plain, frame(2)),
          chunking,
        );
        expect(summary(events)).toEqual(['telegram:1', 'telegram', 'warning:NOISE_SKIPPED', 'telegram', 'telegram:2']);
        expect(events.map((e) => e.type === 'telegram' && e.encrypted)).toEqual([true, false, false, false, true]);
      });
    });
  }

  it('a frame cut by the end of input is MALFORMED, and one with a too-large length does not hide a whole frame inside it', () => {
    const first = frame(1);
    expect(summary(feed(decoder(), first.subarray(0, 600)))).toEqual(['error:MALFORMED']);
    const longer = withByte(first, 11, first[11]! + 8); // L + 2048: more than the input holds
    expect(summary(feed(decoder(), concatBytes(longer, frame(2))))).toEqual(['error:MALFORMED', 'telegram:2']);
    expect(summary(feed(decoder(), concatBytes(frame(3), first.subarray(0, 5))))).toEqual(['telegram:3', 'error:MALFORMED']);
    expect(summary(feed(decoder(), concatBytes(frame(3), new Uint8Array([0xdb]))))).toEqual(['telegram:3', 'warning:NOISE_SKIPPED']);
  });

  it('a plain telegram cut by the end of input is MALFORMED; a lone "/" is noise', () => {
    expect(summary(feed(decoder(), plain.subarray(0, 300)))).toEqual(['error:MALFORMED']);
    expect(summary(feed(decoder(), new TextEncoder().encode('abc/def')))).toEqual(['warning:NOISE_SKIPPED']);
  });

  it('a stray "/" right before a telegram does not swallow it', () => {
    const events = feed(decoder(), concatBytes(new Uint8Array([0x2f, 0x2f]), plain));
    expect(summary(events)).toEqual(['warning:NOISE_SKIPPED', 'telegram']);
    expect(events[0]!.type === 'warning' && events[0]!.skippedBytes).toBe(2);
  });

  it('a plain telegram longer than maxFrameBytes is dropped with its header named, and the frame after it is found', () => {
    const small = frame(1, vectorBytes('smarty_nexxtlab_decrypted.txt'));
    const events = feed(decoder(1000), concatBytes(plain, small));
    expect(summary(events)).toEqual(['error:MALFORMED', 'warning:NOISE_SKIPPED', 'telegram:1']);
    expect(events[0]!.type === 'error' && events[0]!.message).toMatch(/telegram "\/Lux5.*" dropped .*no "!CRC" end within 1000 bytes/);
  });

  it('stays linear on a long run of "/" (every one a candidate) and reports it as one noise run', () => {
    const slashes = new Uint8Array(300_000).fill(0x2f);
    const events = feed(decoder(2000), concatBytes(slashes, frame(1)), { seed: 3 });
    expect(summary(events)).toEqual(['warning:NOISE_SKIPPED', 'telegram:1']);
    expect(events[0]!.type === 'warning' && events[0]!.skippedBytes).toBe(slashes.length);
  });

  it('reset() drops a partial frame', () => {
    const d = decoder();
    d.push(frame(1).subarray(0, 400));
    d.reset();
    expect(summary(feed(d, frame(2)))).toEqual(['telegram:2']);
  });

  it('rejects an impossible maxFrameBytes as a programmer error', () => {
    expect(() => createStreamDecoder({ maxFrameBytes: 10 })).toThrow(RangeError);
    expect(() => createStreamDecoder({ maxFrameBytes: 70_000 })).toThrow(RangeError);
  });
});
