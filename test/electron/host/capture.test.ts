import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { asciiToBytes, createStreamDecoder, encodeTelegram, hexToBytes } from '../../../protocol/index.ts';
import { formatCaptureFrame, formatCaptureHeader, isCaptureStart, parseCaptureLine } from '../../../electron/host/capture.ts';
import { exportCapture } from '../../../electron/host/capture-export.ts';
import type { FrameEvent } from '../../../electron/host/frame-log.ts';
import { REDACTED } from '../../../electron/host/redact.ts';
import { NEXXT_KEY, nexxtFrame, plainTelegram } from './vectors.ts';

const run = promisify(execFile);

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

describe('capture export', () => {
  const events = (): FrameEvent[] => {
    const encrypted = createStreamDecoder({ key: hexToBytes(NEXXT_KEY) }).push(nexxtFrame());
    const plain = createStreamDecoder({}).push(plainTelegram());
    const base = plain.find((e) => e.type === 'telegram');
    if (base?.type !== 'telegram') throw new Error('the plain vector did not decode');
    const withMessage = encodeTelegram({ ...base.telegram, message: 'Call 4711 about your contract' });
    const messaged = createStreamDecoder({}).push(asciiToBytes(withMessage));
    const wrongKey = createStreamDecoder({ key: hexToBytes('00'.repeat(15) + '01') }).push(nexxtFrame());
    return [...encrypted, ...plain, ...messaged, ...wrongKey].filter((e): e is FrameEvent => e.type !== 'warning');
  };

  it('counts frames, not lines', () => {
    const frames = events().map((event, i) => ({ at: 1_000 + i, event }));
    expect(frames).toHaveLength(4);
    for (const redact of [false, true]) {
      const out = exportCapture(frames, { redact, now: 0 });
      expect(out.frames).toBe(4);
    }
  });

  it('redacts ids, values and messages, keeps status and configuration, and decodes honestly', async () => {
    const frames = events().map((event, i) => ({ at: 1_000 + i, event }));
    const out = exportCapture(frames, { redact: true, now: 0 });
    expect(out.ndjson).not.toMatch(/:6695\b/); // the NEXXT frame's import register
    expect(out.ndjson).not.toContain('53214'); // its CRC
    expect(out.ndjson).not.toContain('SAG1030700114004');
    expect(out.ndjson).not.toContain('534147677001BD54');
    expect(out.ndjson).not.toContain('Call 4711');
    expect(out.ndjson).not.toContain('"rawHex"');

    const dir = mkdtempSync(join(tmpdir(), 'luxp1-capture-'));
    try {
      const file = join(dir, out.fileName);
      writeFileSync(file, out.ndjson);
      const { stdout } = await run(process.execPath, ['electron/cli/luxp1.ts', 'decode', file]);
      const records = stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown> & { electricity?: Record<string, unknown> });
      expect(records.map((r) => [r.type, r.code ?? null, r.redacted])).toEqual([
        ['telegram', null, true],
        ['telegram', null, true],
        ['telegram', null, true],
        ['error', 'AUTH_FAILED', true], // the frame that really failed, not every frame
      ]);
      const [enc, plain, messaged] = records;
      expect(enc).toMatchObject({ encrypted: true, frameCounter: 370915, version: '42', timestamp: '2018-01-30T10:21:22+01:00' });
      expect(enc!.systemTitle).toMatch(/^A0A0A0/);
      expect(enc!.electricity).toMatchObject({ importEnergyWh: REDACTED, powerLimitKva: 77.376, breaker: 'connected' });
      expect(String(enc!.electricity!.meterId)).toMatch(/^ANON/);
      expect(plain).toMatchObject({ encrypted: false, message: '', crc: REDACTED });
      expect(plain!.electricity).toMatchObject({ relays: { relay1: 'disconnected', relay2: 'disconnected' } });
      expect(messaged!.message).toBe(REDACTED);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps a decoder message but not the telegram values or hex it quotes', () => {
    const event = {
      type: 'error',
      code: 'MALFORMED',
      message: 'telegram: bad line 1-0:1.8.0(006695.123*kWh) near 534147677001BD54AA',
      frame: null,
      raw: new Uint8Array([0x2f]),
    } as FrameEvent;
    const out = exportCapture([{ at: 1, event }], { redact: true, now: 0 });
    const record = JSON.parse(out.ndjson.split('\n')[1]!).record;
    expect(record).toEqual({
      type: 'error',
      code: 'MALFORMED',
      message: 'telegram: bad line 1-0:1.8.0((redacted)) near (redacted)',
      frameCounter: null,
      redacted: true,
    });
  });

  it('reads redacted lines back, and refuses a redacted line without a record', () => {
    expect(parseCaptureLine('{"type":"redacted","at":5,"record":{"type":"telegram"}}')).toEqual({
      kind: 'redacted',
      at: 5,
      record: { type: 'telegram' },
    });
    expect(parseCaptureLine('{"type":"redacted","at":5}').kind).toBe('invalid');
  });
});
