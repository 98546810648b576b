/**
 * Every plain vector through the stream decoder, whole, byte by byte and in random chunks, plain and
 * inside an encrypted frame: the reading must equal the vector's golden parse (test/fixtures/vectors).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encryptFrame } from '../../../protocol/frame/codec.ts';
import { createStreamDecoder } from '../../../protocol/stream/decoder.ts';
import { NO_CRC_VECTORS, PLAIN_VECTORS, vectorBytes } from '../frame/vectors.ts';
import { CHUNKINGS, feed, label } from './feed.ts';

const golden = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../fixtures/vectors/${name.replace(/\.txt$/, '.json')}`, import.meta.url), 'utf8'));
const key = new Uint8Array(16).fill(0x3c);
const systemTitle = new Uint8Array([0x53, 0x41, 0x47, 0, 0, 0, 0, 1]);
const names = [...PLAIN_VECTORS.map((v) => v.name), ...NO_CRC_VECTORS];

describe('stream readings equal the golden parses', () => {
  for (const chunking of CHUNKINGS) {
    describe(label(chunking), () => {
      it.each(names)('%s, plain', (name) => {
        const noCrc = NO_CRC_VECTORS.includes(name);
        const events = feed(createStreamDecoder({ noCrc }), vectorBytes(name), chunking);
        expect(events).toHaveLength(1);
        const e = events[0]!;
        const want = golden(name);
        if (want.ok) expect(e.type === 'telegram' && JSON.parse(JSON.stringify(e.telegram))).toEqual(want.value);
        else expect(e.type === 'error' && { code: e.code, message: e.message }).toEqual(want.error);
      });

      it.each(names.filter((n) => golden(n).ok))('%s, encrypted', (name) => {
        const frame = encryptFrame({ key, systemTitle, frameCounter: 7, plaintext: vectorBytes(name) });
        const noCrc = NO_CRC_VECTORS.includes(name);
        const events = feed(createStreamDecoder({ key, noCrc }), frame, chunking);
        expect(events.map((e) => e.type)).toEqual(['telegram']);
        expect(events[0]!.type === 'telegram' && JSON.parse(JSON.stringify(events[0]!.telegram))).toEqual(golden(name).value);
      });
    });
  }
});
