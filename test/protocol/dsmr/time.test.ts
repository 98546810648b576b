import { describe, expect, it } from 'vitest';
import { formatTimestamp, luxIsoTimestamp, parseTimestamp } from '../../../protocol/dsmr/time.ts';

describe('parseTimestamp', () => {
  it('reads summer (S) and winter (W) times with their offsets', () => {
    expect(parseTimestamp('260403175431S')).toBe('2026-04-03T17:54:31+02:00');
    expect(parseTimestamp('180130102122W')).toBe('2018-01-30T10:21:22+01:00');
    expect(parseTimestamp('240229235959W')).toBe('2024-02-29T23:59:59+01:00');
  });

  it.each([
    '632525252525S',
    '700101010000W',
    '250229120000W',
    '261301000000S',
    '260400000000S',
    '260431000000S',
    '260403240000S',
    '260403236000S',
    '000000000000W',
  ])('gives null ("no reading yet") for the placeholder or impossible date %s', (s) => {
    expect(parseTimestamp(s)).toBeNull();
  });

  it('reads a lower-case DST flag like the upper-case one (issue 13)', () => {
    expect(parseTimestamp('260403175431s')).toBe('2026-04-03T17:54:31+02:00');
    expect(parseTimestamp('261201175431w')).toBe('2026-12-01T17:54:31+01:00');
  });

  it.each(['', '260403175431', '260403175431X', '26040317543S', '2604031754311S', '26O403175431S', '260403175431x'])(
    'rejects %j as not a TST',
    (s) => {
      expect(parseTimestamp(s)).toBeUndefined();
    },
  );
});

describe('formatTimestamp', () => {
  it('writes +02:00 as S and +01:00 as W, as given', () => {
    expect(formatTimestamp('2026-04-03T17:54:31+02:00')).toBe('260403175431S');
    expect(formatTimestamp('2018-01-30T10:21:22+01:00')).toBe('180130102122W');
  });

  it('converts other offsets to Luxembourg time, with EU summer-time switches', () => {
    expect(formatTimestamp('2026-04-03T15:54:31Z')).toBe('260403175431S');
    expect(formatTimestamp('2026-03-29T00:59:59Z')).toBe('260329015959W'); // last second of winter time
    expect(formatTimestamp('2026-03-29T01:00:00Z')).toBe('260329030000S');
    expect(formatTimestamp('2026-10-25T00:59:59Z')).toBe('261025025959S');
    expect(formatTimestamp('2026-10-25T01:00:00Z')).toBe('261025020000W');
  });

  it('writes the placeholder for null or an unreadable value', () => {
    expect(formatTimestamp(null)).toBe('632525252525S');
    expect(formatTimestamp('yesterday')).toBe('632525252525S');
  });

  it('luxIsoTimestamp gives what a Luxembourg meter would report', () => {
    expect(luxIsoTimestamp(new Date('2026-07-01T10:00:00.750Z'))).toBe('2026-07-01T12:00:00+02:00');
    expect(luxIsoTimestamp(new Date('2026-01-01T10:00:00Z'))).toBe('2026-01-01T11:00:00+01:00');
  });
});
