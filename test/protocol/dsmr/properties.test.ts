import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeTelegram, parseTelegram, restrictTelegram, mbusKind, OBIS_FIELDS, PRESET_FULL } from '../../../protocol/index.ts';
import type { MbusChannel, Result, Telegram } from '../../../protocol/index.ts';
import { crc16Text, formatCrc } from '../../../protocol/dsmr/crc16.ts';

const pad2 = (n: number) => String(n).padStart(2, '0');
const iso = fc
  .record({
    d: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }),
    summer: fc.boolean(),
  })
  .map(
    ({ d, summer }) =>
      `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}T${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}${summer ? '+02:00' : '+01:00'}`,
  );
const text = (max: number) =>
  fc.oneof(
    fc.string({ unit: 'grapheme-ascii', maxLength: max }),
    fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '0', 'é', 'ü', '€', '🙂', '(', ')', '*', '!'), maxLength: max }),
  );
const control = fc.constantFrom('disconnected' as const, 'connected' as const, 'ready' as const);
const int = (max: number) => fc.integer({ min: 0, max });
const tenths = (max: number) => int(max).map((n) => n / 10);
const opt = { requiredKeys: [] as [] };
const phase = fc.record(
  {
    voltageV: tenths(9999),
    currentA: int(999),
    importPowerW: int(99999),
    exportPowerW: int(99999),
    importReactivePowerVar: int(99999),
    exportReactivePowerVar: int(99999),
  },
  opt,
);
const perPhase = fc.record({ l1: int(99999), l2: int(99999), l3: int(99999) }, opt);

const channel = (n: number) =>
  fc
    .record({
      deviceType: fc.option(fc.constantFrom(3, 7, 4), { nil: undefined }),
      equipmentId: fc.option(fc.option(fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 17 }), { nil: null }), {
        nil: undefined,
      }),
      reading: fc.option(
        fc.option(fc.record({ value: int(99_999_999).map((v) => v / 1000), unit: fc.constantFrom('m3', 'GJ', 'kWh'), capturedAt: iso }), {
          nil: null,
        }),
        { nil: undefined },
      ),
      valve: fc.option(control, { nil: undefined }),
    })
    .map(({ deviceType, equipmentId, reading, valve }) => {
      const c: MbusChannel = { channel: n, kind: deviceType === undefined ? 'unknown' : mbusKind(deviceType) };
      if (deviceType !== undefined) c.deviceType = deviceType;
      if (equipmentId !== undefined) c.equipmentId = equipmentId;
      if (reading === null) Object.assign(c, { value: null, unit: null, capturedAt: null });
      else if (reading) Object.assign(c, reading);
      if (valve) c.valve = valve;
      return c;
    });

const telegramArb: fc.Arbitrary<Telegram> = fc
  .record(
    {
      header: fc.stringMatching(/^\/[A-Za-z]{3}5\\[0-9A-Z_]{1,12}$/),
      version: fc.constantFrom('42', '50'),
      timestamp: fc.option(iso, { nil: null }),
      message: text(1024),
      channelMessages: fc.record({ '2': text(40), '3': text(40), '4': text(40), '5': text(40) }, opt),
      electricity: fc.record(
        {
          meterId: fc.string({ unit: 'grapheme-ascii', maxLength: 16 }),
          importEnergyWh: int(999_999_999),
          exportEnergyWh: int(999_999_999),
          importReactiveVarh: int(999_999_999),
          exportReactiveVarh: int(999_999_999),
          importPowerW: int(99_999),
          exportPowerW: int(99_999),
          importReactivePowerVar: int(99_999),
          exportReactivePowerVar: int(99_999),
          importApparentPowerVa: int(99_999),
          exportApparentPowerVa: int(99_999),
          powerLimitKva: tenths(9999),
          currentLimitsA: fc.record({ import: int(999), export: fc.integer({ min: -999, max: 999 }) }),
          breaker: control,
          relays: fc.record({ relay1: control, relay2: control }, opt),
          powerFailures: int(99_999),
          voltageSags: perPhase,
          voltageSwells: perPhase,
          phases: fc.record({ l1: phase, l2: phase, l3: phase }, opt),
        },
        opt,
      ),
      mbus: fc.tuple(channel(1), channel(2), channel(3), channel(4)).chain((cs) => fc.subarray(cs)),
    },
    { requiredKeys: ['header', 'electricity', 'mbus'] },
  )
  .map((t) => ({ ...t, unknown: [], crc: 0 }) as Telegram);

const noCrc = (t: Telegram) => ({ ...t, crc: 0 });
/** The message parseTelegram gives only when something threw inside: must never happen. */
function neverThrew(r: Result<Telegram>): void {
  expect(r.ok ? '' : r.error.message).not.toBe('telegram: unreadable input');
}

describe('round trip: parse(encode(t, {fields})) = restrictTelegram(t, fields)', () => {
  it('holds for random telegrams and random field selections', () => {
    fc.assert(
      fc.property(telegramArb, fc.subarray([...PRESET_FULL]), (t, fields) => {
        const encoded = encodeTelegram(t, { fields });
        const r = parseTelegram(encoded);
        if (!r.ok) throw new Error(`${r.error.message}\n${encoded}`);
        expect(r.value.crc).toBe(crc16Text(encoded, 0, encoded.lastIndexOf('!') + 1));
        expect(noCrc(r.value)).toEqual(noCrc(restrictTelegram(t, fields)));
      }),
      { numRuns: 300 },
    );
  });

  it('holds without a field list (everything present is written)', () => {
    fc.assert(
      fc.property(telegramArb, (t) => {
        const r = parseTelegram(encodeTelegram(t));
        expect(r.ok && noCrc(r.value)).toEqual(noCrc(restrictTelegram(t, PRESET_FULL)));
      }),
    );
  });
});

describe('parse never throws', () => {
  it('on random strings and bytes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => neverThrew(parseTelegram(s))),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => neverThrew(parseTelegram(b))),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => neverThrew(parseTelegram('/' + s))),
      { numRuns: 500 },
    );
  });

  it('on telegrams with a valid CRC around random DSMR-looking lines', () => {
    const obis = [...OBIS_FIELDS.map((f) => f.obis), '0-0:96.1.1', '1-0:99.97.0', '0-7:24.2.1', '1-0:1.8.0x'];
    const value = fc.string({ unit: fc.constantFrom(...'0123456789.*-()kWhVAvarSWm3GJ'.split('')), maxLength: 24 });
    const line = fc
      .tuple(fc.constantFrom(...obis), fc.array(value, { minLength: 1, maxLength: 3 }))
      .map(([o, vs]) => o + vs.map((v) => `(${v})`).join(''));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), (ls) => {
        const body = `/Lux5\\1\r\n\r\n${ls.map((l) => l + '\r\n').join('')}!`;
        const r = parseTelegram(body + formatCrc(crc16Text(body)) + '\r\n');
        neverThrew(r);
        if (r.ok) for (const u of r.value.unknown) expect(ls).toContain(u.line);
      }),
      { numRuns: 500 },
    );
  });
});

describe('mutated real telegrams', () => {
  const dir = join(import.meta.dirname, '../../fixtures/vectors');
  const valid = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(dir, f), 'latin1'))
    .filter((s) => parseTelegram(s).ok);

  it('never parse unless the CRC still matches', () => {
    const mutation = fc.record({ which: fc.nat(), at: fc.nat(), len: fc.integer({ min: 0, max: 4 }), insert: fc.string({ maxLength: 4 }) });
    fc.assert(
      fc.property(fc.constantFrom(...valid), mutation, (s, m) => {
        const at = m.at % (s.length + 1);
        const mutated = s.slice(0, at) + m.insert + s.slice(at + m.len);
        const r = parseTelegram(mutated);
        neverThrew(r);
        if (r.ok) expect(crc16Text(mutated, 0, mutated.lastIndexOf('!') + 1)).toBe(r.value.crc);
      }),
      { numRuns: 1000 },
    );
  });

  it('always fail when one byte between "/" and "!" changes (CRC-16 catches every single-byte error)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...valid), fc.nat(), fc.integer({ min: 1, max: 255 }), (s, at, flip) => {
        const bytes = new Uint8Array(s.length);
        for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
        bytes[at % (s.lastIndexOf('!') + 1)]! ^= flip;
        expect(parseTelegram(bytes).ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});
