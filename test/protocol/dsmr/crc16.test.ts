import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crc16, crc16Text, formatCrc } from '../../../protocol/dsmr/crc16.ts';
import { asciiToBytes } from '../../../protocol/bytes.ts';

/** Bit-by-bit CRC-16/ARC straight from the definition, to check the sliced table version against. */
function reference(bytes: Uint8Array): number {
  let crc = 0;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  }
  return crc;
}

describe('crc16', () => {
  it('gives the CRC-16/ARC check value for "123456789"', () => {
    expect(crc16(asciiToBytes('123456789'))).toBe(0xbb3d);
    expect(crc16Text('123456789')).toBe(0xbb3d);
  });

  it('is 0 for no bytes', () => {
    expect(crc16(new Uint8Array(0))).toBe(0);
  });

  it('agrees with the bitwise definition on any bytes and range', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.nat(8), fc.nat(8), (bytes, a, b) => {
        const start = Math.min(a, bytes.length);
        const end = Math.max(start, bytes.length - b);
        const want = reference(bytes.subarray(start, end));
        expect(crc16(bytes, start, end)).toBe(want);
        expect(crc16Text(String.fromCharCode(...bytes), start, end)).toBe(want);
      }),
    );
  });

  it('counts a char above 0xFF as "?", like asciiToBytes', () => {
    expect(crc16Text('a\u20acb')).toBe(crc16(asciiToBytes('a?b')));
  });

  it('formats as 4 upper-case hex digits', () => {
    expect(formatCrc(0xb9f)).toBe('0B9F');
    expect(formatCrc(0xcfde)).toBe('CFDE');
  });
});
