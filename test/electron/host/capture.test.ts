import { describe, expect, it } from 'vitest';
import { formatCaptureFrame, formatCaptureHeader, isCaptureStart, parseCaptureLine } from '../../../electron/host/capture.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('capture format', () => {
  it('writes a header and frame lines that read back', () => {
    const header = formatCaptureHeader({ createdAt: Date.UTC(2026, 10, 21, 14), redacted: true });
    expect(header).toBe('{"type":"luxp1-capture","version":1,"createdAt":"2026-11-21T14:00:00.000Z","redacted":true}\n');
    expect(parseCaptureLine(header)).toEqual({ kind: 'header', header: JSON.parse(header) });
    const line = formatCaptureFrame(1763733600000, new Uint8Array([0xdb, 0x08, 0x2f]));
    expect(line).toBe('{"type":"frame","at":1763733600000,"rawHex":"DB082F"}\n');
    expect(parseCaptureLine(line)).toEqual({ kind: 'frame', at: 1763733600000, raw: new Uint8Array([0xdb, 0x08, 0x2f]) });
  });

  it('tells a capture from raw port bytes by its first bytes', () => {
    expect(isCaptureStart(enc(formatCaptureHeader({ createdAt: 0, redacted: false })))).toBe(true);
    expect(isCaptureStart(enc('{ "type" : "luxp1-capture"'))).toBe(true);
    expect(isCaptureStart(new Uint8Array([0xdb, 0x08, 0x53]))).toBe(false);
    expect(isCaptureStart(enc('/Lux5\\253663629_D\r\n'))).toBe(false);
    expect(isCaptureStart(enc('{"type":"telegram"}'))).toBe(false);
  });

  it('never throws on bad lines: they are values', () => {
    expect(parseCaptureLine('')).toEqual({ kind: 'blank' });
    expect(parseCaptureLine('{"type":"telegram","encrypted":true}')).toEqual({ kind: 'other' });
    for (const bad of [
      'nope',
      '[1]',
      '{"x":1}',
      '{"type":"frame","rawHex":"XYZ"}',
      '{"type":"frame","rawHex":""}',
      '{"type":"luxp1-capture","version":2}',
    ]) {
      expect(parseCaptureLine(bad).kind, bad).toBe('invalid');
    }
  });
});
