import { describe, expect, it } from 'vitest';
import { bytesToAscii, concatBytes } from '../../../protocol/bytes.ts';
import { createStreamDecoder } from '../../../protocol/stream/decoder.ts';
import { ENCRYPTED_VECTORS, PLAIN_VECTORS, vectorBytes } from '../frame/vectors.ts';
import { CHUNKINGS, feed, label, summary } from './feed.ts';

describe('stream decoder on every vector', () => {
  for (const chunking of CHUNKINGS) {
    describe(label(chunking), () => {
      for (const v of ENCRYPTED_VECTORS) {
        it(`${v.name}: ${v.crcValid ? 'telegram' : 'CRC_MISMATCH'} with its frame header`, () => {
          const events = feed(createStreamDecoder({ key: v.key, aad: v.aad }), v.frame, chunking);
          expect(events).toHaveLength(1);
          const e = events[0]!;
          expect(e.frame?.frameCounter).toBe((v.frame[14]! << 24) + (v.frame[15]! << 16) + (v.frame[16]! << 8) + v.frame[17]!);
          expect(e.type === 'warning' ? null : e.raw).toEqual(v.frame);
          if (v.crcValid) {
            expect(e.type).toBe('telegram');
            if (e.type === 'telegram') {
              expect(e.encrypted).toBe(true);
              expect(e.text).toBe(bytesToAscii(vectorBytes(v.plaintextFile)));
            }
          } else {
            expect(e.type === 'error' && e.code).toBe('CRC_MISMATCH');
          }
        });
      }

      for (const v of PLAIN_VECTORS) {
        it(`${v.name}: plain, ${v.crcValid ? 'telegram' : 'CRC_MISMATCH'}`, () => {
          const bytes = vectorBytes(v.name);
          const events = feed(createStreamDecoder(), bytes, chunking);
          expect(summary(events)).toEqual([v.crcValid ? 'telegram' : 'error:CRC_MISMATCH']);
          const e = events[0]!;
          expect(e.type !== 'warning' && e.raw).toEqual(bytes);
          if (e.type === 'telegram') expect(e.encrypted).toBe(false);
        });
      }

      it('the athombv frame without a final CRLF in its plaintext, and every plain vector back to back', () => {
        const all = concatBytes(...PLAIN_VECTORS.map((v) => vectorBytes(v.name)));
        const events = feed(createStreamDecoder(), all, chunking);
        expect(summary(events)).toEqual(PLAIN_VECTORS.map((v) => (v.crcValid ? 'telegram' : 'error:CRC_MISMATCH')));
      });
    });
  }

  it('the real capture gives NO_KEY (with its header) when no key is set', () => {
    const frame = vectorBytes('smarty_nexxtlab_encrypted.hex');
    expect(summary(feed(createStreamDecoder(), frame))).toEqual(['error:NO_KEY:370915']);
  });

  it('the athombv frames fail with the standard AAD: the AAD is authenticated', () => {
    const withAad = ENCRYPTED_VECTORS.find((v) => v.name.includes('with_aad'))!;
    expect(summary(feed(createStreamDecoder({ key: withAad.key }), withAad.frame))).toEqual(['error:AUTH_FAILED:287454020']);
  });

  it('a plain telegram that ends at its CRC, without CRLF, is taken when the next frame starts or input ends', () => {
    const athombv = vectorBytes('athombv_lux_spec_example_plain_as_encrypted.txt'); // ends "!8B52", CRC stale
    const good = vectorBytes('lux_spec_v1.1.3_example_plain.txt');
    const noCrlf = good.subarray(0, good.length - 2);
    const events = feed(createStreamDecoder(), concatBytes(athombv, noCrlf, good, noCrlf), 'bytes');
    expect(summary(events)).toEqual(['error:CRC_MISMATCH', 'telegram', 'telegram', 'telegram']);
  });
});
