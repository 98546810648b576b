import { describe, expect, it } from 'vitest';
import { decodeText, encodeText } from '../../../protocol/dsmr/text.ts';

describe('octet-string text', () => {
  it('decodes hex to text (meter id, equipment id)', () => {
    expect(decodeText('53414731303330373030303132373031')).toBe('SAG1030700012701');
    expect(decodeText('464c4f313832333730313230333530')).toBe('FLO182370120350');
    expect(decodeText('')).toBe('');
  });

  it('decodes and encodes UTF-8 text', () => {
    expect(encodeText('Coupure')).toBe('436F7570757265');
    expect(decodeText(encodeText('Coupure prévue € 🙂'))).toBe('Coupure prévue € 🙂');
    expect(encodeText('é')).toBe('C3A9');
  });

  it('round-trips a full 1024-character message (2048 hex digits)', () => {
    const text = 'Stroumausfall 1. Mee 08:00-12:00. '.repeat(31).slice(0, 1024);
    const hex = encodeText(text);
    expect(hex).toHaveLength(2048);
    expect(decodeText(hex)).toBe(text);
  });

  it('keeps values as sent when they are not hex-encoded text', () => {
    expect(decodeText('Hello world')).toBe('Hello world'); // plain-text firmware
    expect(decodeText('ABC')).toBe('ABC'); // odd length
    expect(decodeText('ADC3100000158491')).toBe('ADC3100000158491'); // hex, but bytes are not text
    expect(decodeText('410A42')).toBe('410A42'); // would smuggle a line feed into a reading
    expect(decodeText('C3')).toBe('C3'); // truncated UTF-8
  });

  it('replaces a lone surrogate instead of writing broken UTF-8', () => {
    expect(encodeText('a\ud800b')).toBe('61EFBFBD62');
  });
});
