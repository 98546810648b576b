/** Issue 13: tolerant where the bytes are unambiguous, and saying what was dropped when not. */
import { describe, expect, it } from 'vitest';
import { asciiToBytes, concatBytes } from '../../../protocol/bytes.ts';
import { crc16Text, formatCrc } from '../../../protocol/dsmr/crc16.ts';
import { createStreamDecoder } from '../../../protocol/stream/decoder.ts';
import { vectorBytes } from '../frame/vectors.ts';
import { CHUNKINGS, feed, label, summary } from './feed.ts';

/** A telegram with a correct CRC; `eol` between lines and after the CRC (none when `end` is ''). */
function telegram(lines: string[], eol = '\r\n', end = eol): Uint8Array {
  const body = `/Lux5\\253663629_D${eol}${eol}${lines.join(eol)}${eol}!`;
  return asciiToBytes(`${body}${formatCrc(crc16Text(body))}${end}`);
}

const lfOnly = vectorBytes('lux_lf_only_plain.txt');
const dsmr3 = vectorBytes('dsmr3.0_no_crc_plain.txt');
const filler = Array.from({ length: 12 }, (_, i) => `1-0:${32 + i}.32.0(0000${i % 10})`);

describe('tolerant plain telegrams', () => {
  for (const chunking of CHUNKINGS) {
    describe(label(chunking), () => {
      it('a "/" inside a value is part of the telegram, ~300 bytes of it after the "/"', () => {
        const t = telegram(['1-3:0.2.8(42)', '0-0:96.13.0(test-/-test)', ...filler]);
        const events = feed(createStreamDecoder(), t, chunking);
        expect(summary(events)).toEqual(['telegram']);
        expect(events[0]!.type === 'telegram' && events[0]!.telegram.message).toBe('test-/-test');
      });

      it('two LF-only telegrams back to back are two telegrams', () => {
        expect(summary(feed(createStreamDecoder(), concatBytes(lfOnly, lfOnly), chunking))).toEqual(['telegram', 'telegram']);
      });

      it('LF-only lines with a final CRLF, and a final "!CRC" with no line end before the next one', () => {
        const a = telegram(['1-3:0.2.8(42)'], '\n', '\r\n');
        const b = telegram(['1-3:0.2.8(42)'], '\n', '');
        expect(summary(feed(createStreamDecoder(), concatBytes(a, b, a), chunking))).toEqual(['telegram', 'telegram', 'telegram']);
      });

      it('one odd byte after a telegram ending "!CRC" or "!CRC<LF>" does not make it vanish', () => {
        const bare = telegram(['1-3:0.2.8(42)'], '\r\n', '');
        const lf = telegram(['1-3:0.2.8(42)'], '\n');
        const odd = new Uint8Array([0x00]);
        const events = feed(createStreamDecoder(), concatBytes(bare, odd, lf, odd, lf), chunking);
        expect(summary(events)).toEqual(['telegram', 'warning:NOISE_SKIPPED', 'telegram', 'warning:NOISE_SKIPPED', 'telegram']);
      });

      it('DSMR 2.2/3.0 telegrams without CRC: MALFORMED "no CRC" by default, unverified telegrams with noCrc', () => {
        const refused = feed(createStreamDecoder(), concatBytes(dsmr3, dsmr3), chunking);
        expect(summary(refused)).toEqual(['error:MALFORMED', 'error:MALFORMED']);
        expect(refused[0]!.type === 'error' && refused[0]!.message).toMatch(/^telegram: no CRC after "!"/);
        const read = feed(createStreamDecoder({ noCrc: true }), concatBytes(dsmr3, dsmr3), chunking);
        expect(summary(read)).toEqual(['telegram', 'telegram']);
        expect(read[0]!.type === 'telegram' && read[0]!.telegram.crc).toBeNull();
      });
    });
  }

  it('a CRC-valid telegram followed by any one odd byte (but "!") and the next telegram: both are read', () => {
    for (const end of ['', '\r', '\n', '\r\n']) {
      const first = telegram(['1-3:0.2.8(42)'], '\r\n', end);
      for (let b = 0; b < 256; b++) {
        if (b === 0x21) continue; // "!CRC!" cannot be told from a telegram that goes on
        const events = feed(createStreamDecoder(), concatBytes(first, new Uint8Array([b]), telegram(['1-3:0.2.8(42)'])));
        expect(
          summary(events).filter((x) => x === 'telegram'),
          `end ${JSON.stringify(end)}, byte ${b}`,
        ).toHaveLength(2);
        expect(summary(events).filter((x) => x.startsWith('error'))).toEqual([]);
      }
    }
  });

  it('a complete telegram without CRC at the end of input says "no CRC", not "input ended inside a telegram"', () => {
    const events = feed(createStreamDecoder(), asciiToBytes('/ISk5\\2ME382-1003\r\n\r\n1-0:1.7.0(001.19*kW)\r\n!'));
    expect(events.map((e) => e.type === 'error' && e.message)).toEqual([expect.stringMatching(/^telegram: no CRC after "!"/)]);
  });

  it('a telegram broken by a binary byte is reported as dropped, with its header, not as mere noise', () => {
    const t = telegram(['1-3:0.2.8(42)', ...filler]);
    const broken = t.map((b, i) => (i === 60 ? 0xff : b));
    const events = feed(createStreamDecoder(), concatBytes(broken, t));
    expect(summary(events)).toEqual(['error:MALFORMED', 'warning:NOISE_SKIPPED', 'telegram']);
    expect(events[0]!.type === 'error' && events[0]!.message).toBe(
      'stream: telegram "/Lux5\\\\253663629_D" dropped (60 byte(s)): byte 0xFF at offset 60 is not text',
    );
  });

  it('a telegram cut off by the next one is named, and the next one is read', () => {
    const t = telegram(['1-3:0.2.8(42)', ...filler]);
    const events = feed(createStreamDecoder(), concatBytes(t.subarray(0, 100), t));
    expect(summary(events)).toEqual(['error:MALFORMED', 'telegram']);
    expect(events[0]!.type === 'error' && events[0]!.message).toMatch(
      /telegram ".*" dropped \(100 byte\(s\)\): cut off by the telegram that follows it/,
    );
  });

  it('a stray "/" with text before a telegram is noise, and the telegram is read', () => {
    const events = feed(createStreamDecoder(), concatBytes(asciiToBytes('/x y'), telegram(['1-3:0.2.8(42)'])));
    expect(summary(events)).toEqual(['warning:NOISE_SKIPPED', 'telegram']);
    expect(events[0]!.type === 'warning' && events[0]!.skippedBytes).toBe(4);
  });

  it('the record of an unverified telegram says so', async () => {
    const { toRecord } = await import('../../../protocol/records.ts');
    const [e] = feed(createStreamDecoder({ noCrc: true }), dsmr3);
    expect(toRecord(e!)).toMatchObject({ type: 'telegram', encrypted: false, crc: null, verified: false });
    const [v] = feed(createStreamDecoder(), lfOnly);
    expect(toRecord(v!)).not.toHaveProperty('verified');
  });
});
