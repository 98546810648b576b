import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePortConfig } from '../../../central-mock/simulator/port-config.ts';

const GOOD = {
  meterId: 'SAG1030700012701',
  systemTitle: '534147677001bd54',
  key: 'ab'.repeat(16),
  keyVersion: 3,
  encryption: true,
  fields: ['1-0:1.8.0'],
};

describe('port config from the central', () => {
  it('accepts the minimum and fills meter defaults', () => {
    const r = parsePortConfig(GOOD);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      systemTitle: '534147677001BD54',
      key: 'AB'.repeat(16),
      breaker: 'connected',
      powerLimitKva: 27.6,
      mbus: [],
      frameCounter: null,
    });
    expect(r.value.messages).toEqual({ '0': '', '2': '', '3': '', '4': '', '5': '' });
  });

  it('keeps M-Bus devices on channels 1..4 only, sorted, with valve and null ids', () => {
    const r = parsePortConfig({
      ...GOOD,
      mbus: [
        { channel: 3, kind: 'heat', deviceType: 4, equipmentId: null, unit: 'GJ' },
        { channel: 1, kind: 'gas', valve: 'ready' },
        { channel: 5, kind: 'water' },
        'junk',
      ],
    });
    expect(r.ok && r.value.mbus).toEqual([
      { channel: 1, kind: 'gas', deviceType: 3, equipmentId: '', unit: 'm3', valve: 'ready' },
      { channel: 3, kind: 'heat', deviceType: 4, equipmentId: '', unit: 'GJ' },
    ]);
  });

  it('refuses a missing or malformed identity or key without echoing the key', () => {
    for (const bad of [
      null,
      [],
      'x',
      { ...GOOD, key: 'zz' },
      { ...GOOD, systemTitle: '12' },
      { ...GOOD, keyVersion: 1.5 },
      { ...GOOD, encryption: 'yes' },
      { ...GOOD, fields: [1] },
    ]) {
      const r = parsePortConfig(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('BAD_PORT_CONFIG');
    }
    const r = parsePortConfig({ ...GOOD, key: 'secret-not-hex-0123456789abcdef0' });
    expect(!r.ok && r.error.message).not.toContain('secret');
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => void parsePortConfig(v)),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.record({ mbus: fc.jsonValue(), relays: fc.jsonValue(), messages: fc.jsonValue(), powerLimitKva: fc.jsonValue() }),
        (extra) => {
          expect(parsePortConfig({ ...GOOD, ...extra }).ok).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
