import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeTelegram, parseTelegram, PRESET_BASIC } from '../../../protocol/index.ts';
import type { Telegram } from '../../../protocol/index.ts';

const real = readFileSync(join(import.meta.dirname, '../../fixtures/vectors/lux_meterlogger_real_plain.txt'), 'latin1');
const parsed = (() => {
  const r = parseTelegram(real);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
})();
const lines = (text: string) => text.split('\r\n');

describe('encodeTelegram', () => {
  it('writes header, blank line, objects, upper-case CRC and CRLF', () => {
    const t: Telegram = {
      header: '/Lux5\\253663629_D',
      version: '42',
      electricity: { importEnergyWh: 273764 },
      mbus: [],
      unknown: [],
      crc: 0,
    };
    const text = encodeTelegram(t);
    expect(lines(text)).toEqual([
      '/Lux5\\253663629_D',
      '',
      '1-3:0.2.8(42)',
      '1-0:1.8.0(000273.764*kWh)',
      expect.stringMatching(/^![0-9A-F]{4}$/),
      '',
    ]);
    expect(parseTelegram(text).ok).toBe(true);
  });

  it('writes LUX App. A formats', () => {
    const t: Telegram = {
      header: '/Lux5\\1',
      timestamp: '2026-04-03T17:54:31+02:00',
      message: 'Hi',
      channelMessages: { '3': '' },
      electricity: {
        meterId: 'SAG1030700012701',
        exportPowerW: 897,
        powerLimitKva: 27.6,
        currentLimitsA: { import: 40, export: -40 },
        breaker: 'ready',
        powerFailures: 1067,
        phases: { l2: { voltageV: 229, currentA: 1, exportReactivePowerVar: 65 } },
      },
      mbus: [
        { channel: 2, kind: 'water', deviceType: 7, equipmentId: null, value: null, unit: null, capturedAt: null, valve: 'connected' },
        {
          channel: 1,
          kind: 'gas',
          deviceType: 3,
          equipmentId: 'FLO182370120350',
          value: 14239.771,
          unit: 'm3',
          capturedAt: '2026-04-03T17:45:42+02:00',
        },
      ],
      unknown: [],
      crc: 0,
    };
    expect(lines(encodeTelegram(t)).slice(2, -2)).toEqual([
      '0-0:1.0.0(260403175431S)',
      '0-0:42.0.0(53414731303330373030303132373031)',
      '1-0:2.7.0(00.897*kW)',
      '0-0:17.0.0(027.6*kVA)',
      '1-1:31.4.0(040*A)(-040*A)',
      '0-0:96.3.10(2)',
      '0-0:96.7.21(01067)',
      '0-0:96.13.0(4869)',
      '0-0:96.13.3()',
      '1-0:52.7.0(229.0*V)',
      '1-0:51.7.0(001*A)',
      '1-0:44.7.0(00.065*kvar)',
      '0-1:24.1.0(003)',
      '0-1:96.1.0(464C4F313832333730313230333530)',
      '0-1:24.2.1(260403174542S)(14239.771*m3)',
      '0-2:24.1.0(007)',
      '0-2:96.1.0()',
      '0-2:24.2.1(632525252525S)(00000.000)',
      '0-2:24.4.0(1)',
    ]);
  });

  it('writes only the selected fields, version, time and meter id first', () => {
    const text = encodeTelegram(parsed, { fields: ['0-1:24.2.1', '1-0:1.8.0', '1-0:99.99.0'] });
    expect(
      lines(text)
        .slice(2, -2)
        .map((l) => l.slice(0, l.indexOf('('))),
    ).toEqual(['1-3:0.2.8', '0-0:1.0.0', '0-0:42.0.0', '1-0:1.8.0', '0-1:24.2.1']);
  });

  it('skips selected objects without a value, but writes a null M-Bus reading as the placeholder', () => {
    const t: Telegram = { header: '/X5', electricity: {}, mbus: [{ channel: 1, kind: 'gas', value: null }], unknown: [], crc: 0 };
    expect(lines(encodeTelegram(t, { fields: PRESET_BASIC.concat(['0-1:24.2.1', '0-1:24.1.0']) })).slice(2, -2)).toEqual([
      '0-1:24.2.1(632525252525S)(00000.000)',
    ]);
  });

  it('uses the header option and adds the slash', () => {
    expect(encodeTelegram(parsed, { header: 'Lux5\\999' }).startsWith('/Lux5\\999\r\n\r\n1-3:0.2.8(42)')).toBe(true);
  });

  it('writes unknown lines only when writing everything', () => {
    const t = { ...parsed, unknown: [{ line: '1-0:99.97.0(0)(0-0:96.7.19)', reason: 'unknown-obis' as const }] };
    expect(encodeTelegram(t)).toContain('\r\n1-0:99.97.0(0)(0-0:96.7.19)\r\n!');
    expect(encodeTelegram(t, { fields: PRESET_BASIC })).not.toContain('99.97.0');
  });

  it('never writes a value of the wrong type', () => {
    const t = {
      header: '/X5',
      electricity: { importEnergyWh: 'lots', breaker: 7, currentLimitsA: { import: 1 } },
      mbus: [],
      unknown: [],
      crc: 0,
    } as unknown as Telegram;
    expect(lines(encodeTelegram(t)).slice(2, -2)).toEqual([]);
  });
});
