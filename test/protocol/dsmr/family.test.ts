/** Issue 13: the DSMR family's objects and the parser's tolerance, line by line. */
import { describe, expect, it } from 'vitest';
import { encodeTelegram, parseTelegram } from '../../../protocol/index.ts';
import type { Telegram } from '../../../protocol/index.ts';
import { crc16Text, formatCrc } from '../../../protocol/dsmr/crc16.ts';

function telegram(lines: string[], eol = '\r\n'): string {
  const body = `/FLU5\\253769484_A${eol}${eol}${lines.map((l) => l + eol).join('')}!`;
  return body + formatCrc(crc16Text(body)) + eol;
}

function ok(text: string): Telegram {
  const r = parseTelegram(text);
  if (!r.ok) throw new Error(`expected a telegram, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

describe('tolerance', () => {
  it('reads lower-case units and DST flags', () => {
    const t = ok(
      telegram([
        '0-0:1.0.0(261201120000w)',
        '1-0:1.8.0(000273.764*kwh)',
        '1-0:1.7.0(00.897*kw)',
        '1-0:32.7.0(231.0*v)',
        '1-0:31.7.0(001*a)',
      ]),
    );
    expect(t.timestamp).toBe('2026-12-01T12:00:00+01:00');
    expect(t.electricity).toEqual({ importEnergyWh: 273764, importPowerW: 897, phases: { l1: { voltageV: 231, currentA: 1 } } });
  });

  it('still leaves a field absent when the unit contradicts the object, in any case', () => {
    const t = ok(telegram(['1-0:1.8.0(000273.764*v)', '1-0:32.7.0(231.0*kv)', '1-0:1.7.0(00.897*mw)']));
    expect(t.electricity).toEqual({});
    expect(t.unknown.map((u) => u.reason)).toEqual(['bad-value', 'bad-value', 'bad-value']);
  });

  it('reads OBIS references with the .255 suffix', () => {
    expect(ok(telegram(['1-0:31.7.0.255(001*A)', '0-1:24.1.0.255(003)'])).electricity.phases?.l1?.currentA).toBe(1);
  });

  it('joins a value continued on the next line (the DSMR 5.0.2 example wraps 0-0:96.13.0)', () => {
    const t = ok(telegram(['0-0:96.13.0(3031323334', '35363738)', '1-0:1.7.0(00.100*kW)']));
    expect(t.message).toBe('012345678');
    expect(t.electricity.importPowerW).toBe(100);
    expect(t.unknown).toEqual([]);
  });

  it('keeps an object sent twice when both agree; reports a conflict and leaves it out when they differ', () => {
    const t = ok(
      telegram([
        '1-0:1.8.0(000001.000*kWh)',
        '1-0:1.8.0(000001.000*kwh)',
        '1-0:2.8.0(000001.000*kWh)',
        '1-0:2.8.0(000002.000*kWh)',
        '1-0:2.8.0(000001.000*kWh)',
      ]),
    );
    expect(t.electricity).toEqual({ importEnergyWh: 1000 });
    expect(t.unknown).toEqual([
      { line: '1-0:2.8.0(000001.000*kWh)', reason: 'conflict' },
      { line: '1-0:2.8.0(000002.000*kWh)', reason: 'conflict' },
      { line: '1-0:2.8.0(000001.000*kWh)', reason: 'conflict' },
    ]);
  });

  it('reads LF-only line ends', () => {
    expect(ok(telegram(['1-0:1.7.0(00.100*kW)'], '\n')).electricity.importPowerW).toBe(100);
  });

  it('keeps impossible and placeholder timestamps null', () => {
    const t = ok(telegram(['0-0:1.0.0(632525252525S)', '1-0:1.6.0(700101010000W)(01.000*kW)', '0-1:24.2.3(632525252525s)(00000.000)']));
    expect(t.timestamp).toBeNull();
    expect(t.electricity.monthPeak).toEqual({ at: null, demandW: 1000 });
    expect(t.mbus[0]).toMatchObject({ value: null, capturedAt: null });
  });

  it('a telegram without CRC is MALFORMED "no CRC" unless asked for, and then unverified', () => {
    const text = '/ISk5\\2ME382-1003\r\n\r\n1-0:1.7.0(001.19*kW)\r\n!\r\n';
    const refused = parseTelegram(text);
    expect(!refused.ok && refused.error.message).toMatch(/^telegram: no CRC after "!"/);
    const read = parseTelegram(text, { noCrc: true });
    expect(read.ok && read.value).toMatchObject({ crc: null, electricity: { importPowerW: 1190 } });
    const stillChecked = parseTelegram(text.replace('!\r\n', '!1234\r\n'), { noCrc: true });
    expect(!stillChecked.ok && stillChecked.error.code).toBe('CRC_MISMATCH');
  });
});

describe('DSMR family objects', () => {
  it('e-MUCS: quarter demand, month peak, 13-month history, fuse limit, version, message code', () => {
    const t = ok(
      telegram([
        '0-0:96.1.4(50217)',
        '1-0:1.4.0(02.351*kW)',
        '1-0:1.6.0(261115183000W)(04.589*kW)',
        '0-0:98.1.0(2)(1-0:1.6.0)(1-0:1.6.0)(261101000000W)(261023191500S)(03.695*kW)(261001000000S)(260914120000S)(05.980*kW)',
        '1-0:31.4.0(999*A)',
        '0-0:96.13.1(3031)',
      ]),
    );
    expect(t.interfaceVersion).toBe('50217');
    expect(t.messageCode).toBe('01');
    expect(t.electricity).toEqual({
      quarterDemandW: 2351,
      monthPeak: { at: '2026-11-15T18:30:00+01:00', demandW: 4589 },
      peakHistory: [
        { month: '2026-11-01T00:00:00+01:00', at: '2026-10-23T19:15:00+02:00', demandW: 3695 },
        { month: '2026-10-01T00:00:00+02:00', at: '2026-09-14T12:00:00+02:00', demandW: 5980 },
      ],
      fuseLimitA: 999,
    });
  });

  it('empty buffers read as empty lists; a count that does not match its entries is a bad value', () => {
    const t = ok(
      telegram(['0-0:98.1.0(0)(1-0:1.6.0)(1-0:1.6.0)', '1-0:99.97.0()', '1-0:99.97.0(2)(0-0:96.7.19)(101208152415W)(0000000240*s)']),
    );
    expect(t.electricity).toEqual({ peakHistory: [], powerFailureLog: [] });
    expect(t.unknown).toEqual([{ line: '1-0:99.97.0(2)(0-0:96.7.19)(101208152415W)(0000000240*s)', reason: 'bad-value' }]);
  });

  it('the power-failure log with its end times and durations', () => {
    const t = ok(telegram(['1-0:99.97.0(2)(0-0:96.7.19)(101208152415W)(0000000240*s)(101208151004W)(0000000301*s)']));
    expect(t.electricity.powerFailureLog).toEqual([
      { endedAt: '2010-12-08T15:24:15+01:00', durationS: 240 },
      { endedAt: '2010-12-08T15:10:04+01:00', durationS: 301 },
    ]);
  });

  it('e-MUCS M-Bus: 0-n:96.1.1 ids and 0-n:24.2.3 readings; DSMR 3 gas on its own line, offset by EU summer time', () => {
    const t = ok(
      telegram([
        '0-1:24.1.0(003)',
        '0-1:96.1.1(37464C4F32313139303333373333)',
        '0-1:24.2.3(261201134500W)(00112.384*m3)',
        '0-2:24.3.0(090712160000)(00)(60)(1)(0-2:24.2.1)(m3)',
        '(00001.001)',
      ]),
    );
    expect(t.mbus).toEqual([
      {
        channel: 1,
        kind: 'gas',
        deviceType: 3,
        equipmentId: '7FLO2119033733',
        value: 112.384,
        unit: 'm3',
        capturedAt: '2026-12-01T13:45:00+01:00',
      },
      { channel: 2, kind: 'unknown', value: 1.001, unit: 'm3', capturedAt: '2009-07-12T16:00:00+02:00' },
    ]);
  });

  it('Austrian per-tariff reactive registers', () => {
    const t = ok(
      telegram(['1-0:3.8.1(000000000*varh)', '1-0:3.8.2(000000747*varh)', '1-0:4.8.1(002692.848*kvarh)', '1-0:4.8.2(001204878*varh)']),
    );
    expect(t.electricity.tariffRegistersVarh).toEqual({ import1: 0, import2: 747, export1: 2692848, export2: 1204878 });
  });

  it('the new objects survive encode → parse', () => {
    const t = ok(
      telegram([
        '0-0:96.1.4(50217)',
        '1-0:1.4.0(02.351*kW)',
        '1-0:1.6.0(261115183000W)(04.589*kW)',
        '0-0:98.1.0(1)(1-0:1.6.0)(1-0:1.6.0)(261101000000W)(261023191500S)(03.695*kW)',
        '1-0:31.4.0(999*A)',
        '1-0:99.97.0(1)(0-0:96.7.19)(101208152415W)(0000000240*s)',
        '1-0:3.8.1(000001.000*kvarh)',
        '0-0:96.13.1(3031)',
      ]),
    );
    const again = ok(encodeTelegram(t));
    expect({ ...again, crc: 0 }).toEqual({ ...t, crc: 0 });
  });
});
