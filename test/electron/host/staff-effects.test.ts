import { describe, expect, it } from 'vitest';
import { PRESET_FULL, parseTelegram, restrictTelegram } from '../../../protocol/index.ts';
import type { DecoderEvent, Telegram } from '../../../protocol/types.ts';
import type { CentralMeter, StaffChange } from '../../../contracts/ipc.ts';
import { changeOverrides, changeTargets, effectCheck } from '../../../electron/host/staff-effects.ts';
import { readFileSync } from 'node:fs';

// The real full-list telegram (test/fixtures/vectors/README.md): relays and one M-Bus device.
const parsed = parseTelegram(readFileSync('test/fixtures/vectors/lux_meterlogger_real_plain.txt', 'latin1'));
if (!parsed.ok) throw new Error(parsed.error.message);
const full = parsed.value;

const meter = (mbus: number[]): CentralMeter => ({
  meterId: 'SAG1030700114004',
  systemTitle: '534147677001BD54',
  frameCounter: 0,
  createdAt: '2026-01-01T00:00:00Z',
  encryption: false,
  fields: [...PRESET_FULL],
  preset: 'full',
  powerLimitKva: 27.6,
  breaker: 'connected',
  relays: { relay1: 'disconnected', relay2: 'disconnected' },
  messages: { 0: '', 2: '', 3: '', 4: '', 5: '' },
  mbus: mbus.map((channel) => ({ channel, kind: 'gas' })) as CentralMeter['mbus'],
  keyVersion: 1,
  updatedAt: '2026-01-01T00:00:00Z',
});
const event = (telegram: Telegram): DecoderEvent => ({
  type: 'telegram',
  telegram,
  encrypted: false,
  frame: null,
  text: '',
  raw: new Uint8Array(),
});

describe('effectCheck for a field-set change', () => {
  it('sees the full set once the port sends it, with the relays whether or not an M-Bus device is attached', () => {
    const noMbus = { ...restrictTelegram(full, PRESET_FULL), mbus: [] };
    expect(noMbus.electricity.relays).toBeDefined();
    const check = effectCheck({ kind: 'patch', body: { fields: 'full' } }, meter([]), { frameCounter: null });
    expect(check(event(noMbus))).toBe(true);
    // A channel configured and attached but not sent is not the change yet.
    const attached = effectCheck({ kind: 'patch', body: { fields: 'full' } }, meter([4]), { frameCounter: null });
    expect(attached(event(noMbus))).toBe(false);
  });
});

describe('effectCheck for switching encryption off', () => {
  it('counts a plain telegram the app refused as the port following, and an encrypted frame as not yet', () => {
    const check = effectCheck({ kind: 'patch', body: { encryption: false } }, meter([]), { frameCounter: null });
    const refused: DecoderEvent = {
      type: 'error',
      code: 'PLAIN_REFUSED',
      message: 'plain after encrypted',
      frame: null,
      raw: new Uint8Array(),
    };
    expect(check(refused)).toBe(true);
    const stillEncrypted: DecoderEvent = {
      type: 'error',
      code: 'AUTH_FAILED',
      message: 'tag',
      frame: { systemTitle: '534147677001BD54', frameCounter: 9, length: 17, securityControl: 0x30, tag: '00'.repeat(12) },
      raw: new Uint8Array(),
    };
    expect(check(stillEncrypted)).toBe(false);
  });
});

describe('what a change overrides', () => {
  const overlaps = (later: StaffChange, earlier: StaffChange) => changeTargets(earlier).some((t) => changeOverrides(later).includes(t));

  it('a later change to the same setting supersedes an earlier one, other settings do not', () => {
    expect(overlaps({ kind: 'message', channel: '2', text: 'b' }, { kind: 'message', channel: '2', text: 'a' })).toBe(true);
    expect(overlaps({ kind: 'message', channel: '3', text: 'b' }, { kind: 'message', channel: '2', text: 'a' })).toBe(false);
    expect(overlaps({ kind: 'patch', body: { encryption: true } }, { kind: 'patch', body: { encryption: false, breaker: 'ready' } })).toBe(
      true,
    );
    expect(
      overlaps({ kind: 'patch', body: { relays: { relay2: 'ready' } } }, { kind: 'patch', body: { relays: { relay1: 'ready' } } }),
    ).toBe(false);
    expect(overlaps({ kind: 'patch', body: { fields: 'full' } }, { kind: 'patch', body: { fields: 'basic' } })).toBe(true);
  });

  it('an M-Bus attach overrides a valve change on its channel, but a valve change leaves the attach to be seen', () => {
    expect(overlaps({ kind: 'mbus-attach', channel: 1, body: { kind: 'gas' } }, { kind: 'valve', channel: 1, valve: 'ready' })).toBe(true);
    expect(overlaps({ kind: 'valve', channel: 1, valve: 'ready' }, { kind: 'mbus-attach', channel: 1, body: { kind: 'gas' } })).toBe(false);
    expect(overlaps({ kind: 'mbus-attach', channel: 2, body: { kind: 'gas' } }, { kind: 'mbus-detach', channel: 2 })).toBe(true);
    expect(overlaps({ kind: 'mbus-attach', channel: 3, body: { kind: 'gas' } }, { kind: 'mbus-detach', channel: 2 })).toBe(false);
  });
});
