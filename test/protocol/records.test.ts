import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../../protocol/bytes.ts';
import { toRecord } from '../../protocol/records.ts';
import { createStreamDecoder } from '../../protocol/stream/decoder.ts';
import { NEXXT_KEY, vectorBytes } from './frame/vectors.ts';

const frame = vectorBytes('smarty_nexxtlab_encrypted.hex');
const plain = vectorBytes('lux_meterlogger_real_plain.txt');

describe('toRecord', () => {
  it('an encrypted telegram: the issue shape, key order fixed, no raw bytes unless asked', () => {
    const [event] = createStreamDecoder({ key: NEXXT_KEY }).push(frame);
    const record = toRecord(event!);
    expect(Object.keys(record)).toEqual([
      'type',
      'encrypted',
      'frameCounter',
      'systemTitle',
      'header',
      'version',
      'timestamp',
      'message',
      'channelMessages',
      'electricity',
      'mbus',
      'unknown',
      'crc',
    ]);
    expect(record).toMatchObject({
      type: 'telegram',
      encrypted: true,
      frameCounter: 370915,
      systemTitle: '534147677001BD54',
      version: '42',
      timestamp: '2018-01-30T10:21:22+01:00',
    });
    expect(toRecord(event!, { withRaw: true }).rawHex).toBe(bytesToHex(frame));
  });

  it('a plain telegram has null frameCounter and systemTitle, and leaves out what was not pushed', () => {
    const [event] = createStreamDecoder().push(plain);
    const record = toRecord(event!);
    expect(record).toMatchObject({ type: 'telegram', encrypted: false, frameCounter: null, systemTitle: null });
    expect(JSON.stringify(record)).not.toContain('undefined');
    expect((record.electricity as Record<string, unknown>).tariff).toBeUndefined();
    expect(Object.keys(record.electricity as object)).not.toContain('tariff');
  });

  it('errors and warnings: type, code, message, frameCounter, and their counts', () => {
    const d = createStreamDecoder({ key: NEXXT_KEY });
    const events = [...d.push(new Uint8Array([0, 1, 2])), ...d.push(frame), ...d.push(frame)];
    expect(events.map((e) => toRecord(e))).toEqual([
      { type: 'warning', code: 'NOISE_SKIPPED', message: expect.any(String), frameCounter: null, skippedBytes: 3 },
      expect.objectContaining({ type: 'telegram' }),
      { type: 'error', code: 'REPLAY', message: expect.stringMatching(/370915/), frameCounter: 370915 },
    ]);
    expect(toRecord(events[2]!, { withRaw: true })).toHaveProperty('rawHex', bytesToHex(frame));
    const noKey = createStreamDecoder().push(frame)[0]!;
    expect(JSON.stringify(toRecord(noKey))).toBe(
      `{"type":"error","code":"NO_KEY","message":${JSON.stringify(noKey.type === 'error' ? noKey.message : '')},"frameCounter":370915}`,
    );
  });
});
