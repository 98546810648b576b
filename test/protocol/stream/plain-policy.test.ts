/** Issue 9, downgrade: a plain telegram between verified encrypted frames is never a reading or a message. */
import { describe, expect, it } from 'vitest';
import { asciiToBytes, concatBytes } from '../../../protocol/bytes.ts';
import { crc16Text, formatCrc } from '../../../protocol/dsmr/crc16.ts';
import { encryptFrame } from '../../../protocol/frame/codec.ts';
import { toRecord } from '../../../protocol/records.ts';
import { createStreamDecoder } from '../../../protocol/stream/decoder.ts';
import { vectorBytes } from '../frame/vectors.ts';
import { CHUNKINGS, feed, label, summary } from './feed.ts';

const key = new Uint8Array(16).fill(0x21);
const systemTitle = new Uint8Array([0x53, 0x41, 0x47, 9, 8, 7, 6, 5]);
const plaintext = vectorBytes('smarty_nexxtlab_decrypted.txt');
const frame = (frameCounter: number) => encryptFrame({ key, systemTitle, frameCounter, plaintext });

/** The injection of the issue: 99,999 W and a forged text message, with a valid CRC. */
function injected(): Uint8Array {
  const body =
    '/Lux5\\253663629_D\r\n\r\n1-3:0.2.8(42)\r\n0-0:1.0.0(261201120000W)\r\n1-0:1.7.0(99.999*kW)\r\n0-0:96.13.0(506179206E6F77)\r\n!';
  return asciiToBytes(`${body}${formatCrc(crc16Text(body))}\r\n`);
}

describe('plain policy', () => {
  for (const chunking of CHUNKINGS) {
    describe(label(chunking), () => {
      it("'auto' (default): a CRC-valid plain telegram after verified frames is PLAIN_REFUSED, never a reading", () => {
        const events = feed(createStreamDecoder({ key }), concatBytes(frame(1), injected(), frame(2)), chunking);
        expect(summary(events)).toEqual(['telegram:1', 'error:PLAIN_REFUSED', 'telegram:2']);
        const e = events[1]!;
        expect(e.type === 'error' && e.header).toBe('/Lux5\\253663629_D');
        expect(e.type === 'error' && e.policy).toBe('auto');
        expect(e.type === 'error' && e.message).toMatch(
          /after verified encrypted frames: a possible injection, or the operator switched encryption off/,
        );
        expect(JSON.stringify(e)).not.toMatch(/99999|Pay now/);
      });
    });
  }

  it("'auto' accepts plain telegrams until a frame verifies under the current key, and again after a new key", () => {
    const other = new Uint8Array(16).fill(0x42);
    const d = createStreamDecoder({ key });
    expect(summary(feed(d, concatBytes(injected(), frame(1), injected())))).toEqual(['telegram', 'telegram:1', 'error:PLAIN_REFUSED']);
    d.setKey(key.slice()); // the same key: still refused
    expect(summary(feed(d, injected()))).toEqual(['error:PLAIN_REFUSED']);
    d.setKey(other); // a new key has not verified anything yet
    expect(summary(feed(d, injected()))).toEqual(['telegram']);
  });

  it("persisted counters for the key mean frames verified before a restart: 'auto' refuses plain telegrams at once", () => {
    const restarted = createStreamDecoder({ key, counters: { '5341470908070605': 9 } });
    expect(summary(feed(restarted, concatBytes(injected(), frame(10))))).toEqual(['error:PLAIN_REFUSED', 'telegram:10']);
    expect(summary(feed(createStreamDecoder({ counters: { '5341470908070605': 9 } }), injected()))).toEqual(['telegram']); // no key
  });

  it('a frame that fails its tag does not arm the refusal (a forged frame cannot lock the user out of plain data)', () => {
    const forged = encryptFrame({ key: new Uint8Array(16), systemTitle, frameCounter: 5, plaintext });
    expect(summary(feed(createStreamDecoder({ key }), concatBytes(forged, injected())))).toEqual(['error:AUTH_FAILED:5', 'telegram']);
  });

  it("'refuse' refuses every plain telegram, 'accept' accepts them, setPlainPolicy() switches at once", () => {
    const d = createStreamDecoder({ plain: 'refuse' });
    const first = feed(d, injected());
    expect(summary(first)).toEqual(['error:PLAIN_REFUSED']);
    expect(first[0]!.type === 'error' && first[0]!.policy).toBe('refuse');
    d.setPlainPolicy('accept');
    expect(summary(feed(createStreamDecoder({ key, plain: 'accept' }), concatBytes(frame(1), injected())))).toEqual([
      'telegram:1',
      'telegram',
    ]);
    expect(summary(feed(d, injected()))).toEqual(['telegram']);
    expect(() => d.setPlainPolicy('ask' as never)).toThrow(RangeError);
  });

  it('a plain telegram with a wrong CRC stays CRC_MISMATCH under every policy', () => {
    const bad = injected().map((b, i, a) => (i === a.length - 3 ? 0x30 : b));
    expect(summary(feed(createStreamDecoder({ plain: 'refuse' }), bad))).toEqual(['error:CRC_MISMATCH']);
  });

  it('the record carries the header and the policy, not the values', () => {
    const events = feed(createStreamDecoder({ plain: 'refuse' }), injected());
    const record = toRecord(events[0]!);
    expect(record).toMatchObject({
      type: 'error',
      code: 'PLAIN_REFUSED',
      frameCounter: null,
      header: '/Lux5\\253663629_D',
      policy: 'refuse',
    });
    expect(Object.keys(record)).not.toContain('electricity');
  });
});
