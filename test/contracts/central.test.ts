import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkAuditList,
  checkMeterPatch,
  checkMessageText,
  checkPortConfig,
  checkReservation,
  checkReserve,
} from '../../contracts/central.ts';

const METER = {
  meterId: 'SAG1030700012701',
  systemTitle: '534147677001bd54',
  encryption: true,
  fields: ['1-0:1.8.0'],
  preset: 'custom',
  powerLimitKva: 27.6,
  breaker: 'connected',
  relays: { relay1: 'disconnected', relay2: 'ready' },
  messages: { '0': '', '2': '', '3': '', '4': '', '5': '' },
  mbus: [
    { channel: 3, kind: 'heat', deviceType: 4, equipmentId: null, unit: 'GJ', valve: 'connected' },
    { channel: 1, kind: 'gas', deviceType: 3, equipmentId: 'G1', unit: 'm3', valve: 'ready' },
  ],
  keyVersion: 3,
  frameCounter: 12,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-02T00:00:00Z',
};
const PORT = { ...METER, key: 'ab'.repeat(16) };

describe('the central API shapes (one check each)', () => {
  it('reads a port config: upper-case ids and key, M-Bus sorted by channel', () => {
    const r = checkPortConfig(PORT);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ systemTitle: '534147677001BD54', key: 'AB'.repeat(16), keyVersion: 3, frameCounter: 12 });
    expect(r.value.mbus.map((d) => d.channel)).toEqual([1, 3]);
  });

  it('refuses a malformed meter or key, and never echoes the key', () => {
    for (const bad of [
      null,
      [],
      'x',
      { ...PORT, key: 'zz' },
      { ...PORT, systemTitle: '12' },
      { ...PORT, keyVersion: 1.5 },
      { ...PORT, breaker: 'open' },
    ]) {
      expect(checkPortConfig(bad)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
    const r = checkPortConfig({ ...PORT, key: 'secret-not-hex-0123456789abcdef0' });
    expect(!r.ok && r.error.message).not.toContain('secret');
  });

  it('never throws on arbitrary JSON, whole or in a field', () => {
    const checks = [checkPortConfig, checkMeterPatch, checkMessageText, checkAuditList, checkReserve, checkReservation];
    fc.assert(
      fc.property(fc.jsonValue(), (v) => checks.forEach((check) => void check(v))),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.record({ mbus: fc.jsonValue(), relays: fc.jsonValue(), messages: fc.jsonValue() }), (extra) => {
        void checkPortConfig({ ...PORT, ...extra });
      }),
      { numRuns: 300 },
    );
  });

  it('checks a staff patch as the central does: known fields only, the power limit rounded to the wire', () => {
    expect(checkMeterPatch({ powerLimitKva: 12.34 })).toEqual({ ok: true, value: { powerLimitKva: 12.3 } });
    expect(checkMeterPatch({ powerLimitKva: 1000 }).ok).toBe(false);
    expect(checkMeterPatch({ evil: 1 }).ok).toBe(false);
    expect(checkMeterPatch({}).ok).toBe(false);
    expect(checkMeterPatch({ fields: ['1-0:1.8.0', 'rm -rf'] }).ok).toBe(false);
  });

  it('reads a reservation only as a block that does not run backwards', () => {
    expect(checkReservation({ keyVersion: 1, from: 5, to: 105, registers: { importEnergyWh: 10 } }).ok).toBe(true);
    expect(checkReservation({ keyVersion: 1, from: 105, to: 5, registers: {} }).ok).toBe(false);
    expect(checkReserve({ keyVersion: 1, frames: 10, registers: { x: -1 } }).ok).toBe(false);
  });
});
