import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  OBIS_FIELDS,
  PRESET_BASIC,
  PRESET_FULL,
  fieldsPresent,
  isKnownField,
  parseTelegram,
  restrictTelegram,
} from '../../../protocol/index.ts';
import type { Telegram } from '../../../protocol/index.ts';

const read = (name: string): Telegram => {
  const r = parseTelegram(readFileSync(join(import.meta.dirname, '../../fixtures/vectors', name), 'latin1'));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('OBIS catalogue', () => {
  it('has unique OBIS codes and keys', () => {
    expect(new Set(OBIS_FIELDS.map((f) => f.obis)).size).toBe(OBIS_FIELDS.length);
    expect(new Set(OBIS_FIELDS.map((f) => f.key)).size).toBe(OBIS_FIELDS.length);
  });

  it('expands M-Bus objects per channel 1–4 and keeps relays out of M-Bus', () => {
    for (let n = 1; n <= 4; n++) {
      for (const cd of ['24.1.0', '96.1.0', '24.2.1', '24.4.0']) expect(isKnownField(`0-${n}:${cd}`)).toBe(true);
    }
    expect(OBIS_FIELDS.find((f) => f.obis === '0-1:96.3.10')).toMatchObject({ key: 'electricity.relays.relay1', group: 'control' });
    expect(OBIS_FIELDS.find((f) => f.obis === '0-3:24.2.1')).toMatchObject({ key: 'mbus.3.value', group: 'mbus' });
    expect(isKnownField('0-5:24.1.0')).toBe(false);
  });

  it('PRESET_FULL is exactly what the real full-list telegram carries, plus M-Bus channels 2–4', () => {
    const sent = fieldsPresent(read('lux_meterlogger_real_plain.txt'));
    const expected = PRESET_FULL.filter((o) => !/^0-[234]:24\.|^0-[234]:96\.1\.0/.test(o));
    expect(sent).toEqual(expected);
    expect(PRESET_FULL).toHaveLength(sent.length + 3 * 4);
  });

  it('PRESET_BASIC is what the 2018 factory-configured meter sends', () => {
    expect(fieldsPresent(read('smarty_nexxtlab_decrypted.txt'))).toEqual(PRESET_BASIC);
    expect(PRESET_BASIC.every((o) => PRESET_FULL.includes(o))).toBe(true);
  });

  it('presets contain no Dutch-only objects', () => {
    for (const o of ['1-0:1.8.1', '1-0:2.8.2', '0-0:96.14.0', '0-0:96.7.9']) {
      expect(isKnownField(o)).toBe(true);
      expect(PRESET_FULL).not.toContain(o);
    }
  });
});

describe('restrictTelegram', () => {
  const full = read('lux_spec_v1.1.3_example_plain.txt');

  it('keeps only the selected objects, plus version, time and meter id', () => {
    const t = restrictTelegram(full, ['1-0:1.8.0', '1-0:52.7.0', '0-1:96.3.10', '0-4:24.2.1']);
    expect(t).toEqual({
      header: full.header,
      crc: full.crc,
      unknown: [],
      version: '42',
      timestamp: '2020-07-06T10:41:57+02:00',
      electricity: {
        meterId: 'SAG1030790002574',
        importEnergyWh: 25653,
        phases: { l2: { voltageV: 0 } },
        relays: { relay1: 'disconnected' },
      },
      mbus: [{ channel: 4, kind: 'unknown', value: 28.103, unit: 'm3', capturedAt: '2020-07-06T10:29:00+02:00' }],
    });
  });

  it('gives back what fieldsPresent lists', () => {
    expect(restrictTelegram(full, fieldsPresent(full))).toEqual(full);
    expect(fieldsPresent(restrictTelegram(full, PRESET_BASIC))).toEqual(PRESET_BASIC);
  });

  it('does not share objects with the input', () => {
    const t = restrictTelegram(full, PRESET_FULL);
    t.electricity.currentLimitsA!.import = 1;
    expect(full.electricity.currentLimitsA!.import).toBe(100);
  });
});
