import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTelegram, encodeTelegram } from '../../../protocol/index.ts';
import type { Telegram } from '../../../protocol/index.ts';
import { crc16Text, formatCrc } from '../../../protocol/dsmr/crc16.ts';

const dir = join(import.meta.dirname, '../../fixtures/vectors');
const vectors = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const read = (name: string) => readFileSync(join(dir, name), 'latin1');

/** A telegram around `lines` with a correct CRC. */
function telegram(lines: string[], header = '/Lux5\\253663629_D'): string {
  const body = `${header}\r\n\r\n${lines.map((l) => l + '\r\n').join('')}!`;
  return body + formatCrc(crc16Text(body)) + '\r\n';
}

function ok(text: string): Telegram {
  const r = parseTelegram(text);
  if (!r.ok) throw new Error(`expected a telegram, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

describe('golden vectors', () => {
  it('has a golden for every plain telegram', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(11);
  });

  it.each(vectors)('%s parses to its golden', (name) => {
    const golden = JSON.parse(readFileSync(join(dir, name.replace(/\.txt$/, '.json')), 'utf8'));
    const bytes = new Uint8Array(readFileSync(join(dir, name)));
    const opts = { noCrc: name.includes('_no_crc') }; // DSMR 2.2/3.0: read only when asked (update-goldens.ts)
    expect(JSON.parse(JSON.stringify(parseTelegram(bytes, opts)))).toEqual(golden);
    expect(JSON.parse(JSON.stringify(parseTelegram(read(name), opts)))).toEqual(golden); // text input, same result
  });

  it.each(['lux_meterlogger_real_plain.txt', 'lux_spec_v1.1.3_example_plain.txt'])('%s re-encodes byte for byte', (name) => {
    expect(encodeTelegram(ok(read(name)))).toBe(read(name));
  });
});

describe('telegram outline', () => {
  const good = read('lux_meterlogger_real_plain.txt');

  it('accepts the telegram without its final CRLF, with LF only, or cut after the CR', () => {
    expect(ok(good.slice(0, -2)).crc).toBe(0x80f6);
    expect(ok(good.slice(0, -2) + '\n').crc).toBe(0x80f6);
    // A stream may end right after the CR: the stream decoder hands that over, and it is complete.
    expect(ok(good.slice(0, -1)).crc).toBe(0x80f6);
  });

  it('accepts an unpadded CRC and compares it numerically', () => {
    const t = ok(read('dsmr5_unpadded_crc_heat_meter.txt'));
    expect(t.crc).toBe(0x0b9f);
    expect(parseTelegram(read('dsmr5_unpadded_crc_heat_meter.txt').replace('!B9F', '!0B9F')).ok).toBe(true);
    expect(parseTelegram(good.replace('!80F6', '!80f6')).ok).toBe(true);
  });

  it('reports a CRC mismatch with both values', () => {
    expect(parseTelegram(good.replace('!80F6', '!80F7'))).toEqual({
      ok: false,
      error: { code: 'CRC_MISMATCH', message: 'crc: telegram says 80F7, computed 80F6' },
    });
  });

  it.each([
    ['empty', ''],
    ['no slash', good.slice(1)],
    ['no end marker', good.slice(0, good.indexOf('!'))],
    ['CRC not hex', good.replace('!80F6', '!80G6')],
    ['CRC too long', good.replace('!80F6', '!080F6')],
    ['no CRC', good.replace('!80F6', '!')],
    ['junk after the CRC', good + 'x'],
    ['header only', '/Lux5!1234'],
  ])('is MALFORMED: %s', (_, text) => {
    const r = parseTelegram(text);
    expect(r.ok ? 'ok' : r.error.code).toBe('MALFORMED');
  });

  it('keeps a data line that is not an OBIS line, and reads the rest of a telegram whose CRC matched', () => {
    const r = parseTelegram(telegram(['1-3:0.2.8(42)', 'hello world', 'x(1)', '1-0:1.8.0(1', '1-0:1.8.0(000001.000*kWh)']));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.unknown).toEqual([
      { line: 'hello world', reason: 'not-obis' },
      { line: 'x(1)', reason: 'not-obis' },
      { line: '1-0:1.8.0(1', reason: 'not-obis' },
    ]);
    expect(r.value.version).toBe('42');
    expect(r.value.electricity.importEnergyWh).toBe(1000);
  });

  it('treats chars above 0xFF as bytes that cannot match', () => {
    const text = telegram(['0-0:96.13.0(41)']);
    expect(parseTelegram(text.replace('(41)', '(4\u20ac)')).ok).toBe(false);
  });
});

describe('data lines', () => {
  it('keeps unknown OBIS lines', () => {
    const t = ok(telegram(['1-0:99.98.0(0)(0-0:96.7.19)', '0-1:24.3.0(120517020000)(08)(60)(1)(0-1:24.2.1)(m3)', '0-5:24.1.0(003)']));
    // the DSMR 3 gas line without its value line is a known object with a bad value
    expect(t.unknown.map((u) => u.reason)).toEqual(['unknown-obis', 'bad-value', 'unknown-obis']);
    expect(t.unknown[0]!.line).toBe('1-0:99.98.0(0)(0-0:96.7.19)');
    expect(t.mbus).toEqual([]);
  });

  it('accepts missing units, as 2018 firmware sent them', () => {
    const t = ok(telegram(['1-0:3.7.0(00.000)', '1-0:4.7.0(00.007)', '0-0:17.0.0(77.376)', '1-0:1.8.0(000001.005)']));
    expect(t.electricity).toEqual({ importReactivePowerVar: 0, exportReactivePowerVar: 7, powerLimitKva: 77.376, importEnergyWh: 1005 });
  });

  it('accepts base units (Wh, W) as well as kilo-units', () => {
    const t = ok(telegram(['1-0:1.8.0(006545766*Wh)', '1-0:1.7.0(000000286*W)']));
    expect(t.electricity).toEqual({ importEnergyWh: 6545766, importPowerW: 286 });
  });

  it.each([
    ['1-0:1.8.0(000273.764*V)', 'a voltage unit on an energy register'],
    ['1-0:1.8.0(000273.764*kvarh)', 'reactive energy on an active register'],
    ['1-0:1.7.0(00.897*kvar)', 'kvar on active power'],
    ['1-0:32.7.0(231.0*A)', 'A on a voltage'],
    ['0-0:17.0.0(027.6*kW)', 'kW on the kVA limit'],
    ['1-0:1.8.0(abc*kWh)', 'not a number'],
    ['1-0:1.8.0(1*kWh)(2*kWh)', 'two values'],
    ['1-0:1.8.0(1*kWh)x)', 'junk between groups'],
    ['0-0:96.3.10(3)', 'control state 3'],
    ['0-0:96.7.21(00012*s)', 'a unit on a count'],
    ['0-0:96.7.21(-0001)', 'a negative count'],
    ['0-0:1.0.0(260403175431)', 'a timestamp without S/W'],
    ['1-1:31.4.0(040*A)', 'one current limit'],
    ['1-1:31.4.0(040*A)(-040*V)', 'a volt limit'],
    ['0-1:24.2.1(14239.771*m3)', 'an M-Bus reading without its time'],
    ['0-1:24.2.1(260403174542S)(14239.771*)', 'an empty unit'],
    ['0-1:24.2.1(2604031745S)(14239.771*m3)', 'a short time'],
  ])('files %s as bad-value (%s), never a wrong value', (line) => {
    const t = ok(telegram([line]));
    expect(t.unknown).toEqual([{ line, reason: 'bad-value' }]);
    expect(t.electricity).toEqual({});
    expect(t.mbus).toEqual([]);
    expect(t.timestamp).toBeUndefined();
  });

  it('reads control states of breaker, relays and valves, keeping relays apart from M-Bus', () => {
    const t = ok(telegram(['0-0:96.3.10(2)', '0-1:96.3.10(1)', '0-2:96.3.10(0)', '0-3:24.4.0(2)']));
    expect(t.electricity).toEqual({ breaker: 'ready', relays: { relay1: 'connected', relay2: 'disconnected' } });
    expect(t.mbus).toEqual([{ channel: 3, kind: 'unknown', valve: 'ready' }]);
  });

  it('keeps the sign of current limits as sent', () => {
    expect(ok(telegram(['1-1:31.4.0(100*A)(-063*A)'])).electricity.currentLimitsA).toEqual({ import: 100, export: -63 });
    expect(ok(telegram(['1-1:31.4.0(040)(040)'])).electricity.currentLimitsA).toEqual({ import: 40, export: 40 });
  });

  it('maps M-Bus device types and sorts channels', () => {
    const types = [3, 7, 4, 12, 13, 10, 11, 6, 2, 1];
    const lines = types.map((d, i) => `0-${(i % 4) + 1}:24.1.0(${String(d).padStart(3, '0')})`);
    const kinds = types.map((d) => ok(telegram([`0-1:24.1.0(${String(d).padStart(3, '0')})`])).mbus[0]!.kind);
    expect(kinds).toEqual(['gas', 'water', 'heat', 'heat', 'heat', 'cooling', 'cooling', 'hotWater', 'electricity', 'unknown']);
    expect(ok(telegram(lines.slice(0, 4).reverse())).mbus.map((c) => c.channel)).toEqual([1, 2, 3, 4]);
  });

  it('reads an M-Bus reading with the time first and the placeholder as null', () => {
    const t = ok(
      telegram(['0-2:24.2.1(260403174542S)(14239.771*m3)', '0-3:24.2.1(632525252525S)(00000.000)', '0-4:24.2.1(260403174542S)(00012.5)']),
    );
    expect(t.mbus).toEqual([
      { channel: 2, kind: 'unknown', value: 14239.771, unit: 'm3', capturedAt: '2026-04-03T17:45:42+02:00' },
      { channel: 3, kind: 'unknown', value: null, unit: null, capturedAt: null },
      { channel: 4, kind: 'unknown', value: 12.5, unit: null, capturedAt: '2026-04-03T17:45:42+02:00' },
    ]);
  });

  it('reads text messages: hex, empty, 1024 chars, and plain text kept as sent', () => {
    const long = 'x'.repeat(1024);
    const hex = '78'.repeat(1024);
    const t = ok(telegram([`0-0:96.13.0(${hex})`, '0-0:96.13.2()', '0-0:96.13.3(48656C6C6F)', '0-0:96.13.5(Call (352) 2747)']));
    expect(t.message).toBe(long);
    expect(t.channelMessages).toEqual({ '2': '', '3': 'Hello', '5': 'Call (352) 2747' });
    expect(t.unknown).toEqual([]);
  });

  it('gives the meter time null for the placeholder', () => {
    expect(ok(telegram(['0-0:1.0.0(632525252525S)'])).timestamp).toBeNull();
  });

  it('does not add Dutch tariff registers into the Luxembourg totals', () => {
    const t = ok(telegram(['1-0:1.8.1(000004.426*kWh)', '1-0:1.8.2(000002.399*kWh)', '1-0:2.8.2(000000.001*kWh)']));
    expect(t.electricity).toEqual({ tariffRegistersWh: { import1: 4426, import2: 2399, export2: 1 } });
  });
});
