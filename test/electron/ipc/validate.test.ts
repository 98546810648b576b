import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../contracts/ipc.ts';
import { isChannel, validatePayload } from '../../../electron/ipc/validate.ts';

describe('validatePayload', () => {
  it('accepts null (or a missing payload) for the payload-less channels', () => {
    expect(validatePayload('app:snapshot', null)).toEqual({ ok: true, value: null });
    expect(validatePayload('source:stop', undefined)).toEqual({ ok: true, value: null });
    expect(validatePayload('app:snapshot', { sneaky: 1 })).toMatchObject({ ok: false, error: { code: 'BAD_PAYLOAD' } });
  });

  it('accepts each source kind and copies only the known fields', () => {
    const r = validatePayload('source:set', { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 115200, extra: 'x' });
    expect(r).toEqual({ ok: true, value: { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 115200 } });
    expect(validatePayload('source:set', { kind: 'tcp', host: '10.0.0.2', port: 2001 }).ok).toBe(true);
    expect(validatePayload('source:set', { kind: 'file', path: '/tmp/x.hex', speed: 0 }).ok).toBe(true);
    expect(validatePayload('source:set', { kind: 'demo' })).toEqual({ ok: true, value: { kind: 'demo' } });
  });

  it.each([
    ['source:set', { kind: 'usb' }, 'payload.kind'],
    ['source:set', { kind: 'tcp', host: 'h', port: 70000 }, 'payload.port'],
    ['source:set', { kind: 'serial', path: '' }, 'payload.path'],
    ['source:set', { kind: 'serial', path: '/dev/x', parity: 'mark' }, 'payload.parity'],
    ['source:set', { kind: 'file', path: '/x', speed: Number.NaN }, 'payload.speed'],
    ['source:set', '__proto__', 'payload.kind'],
    ['key:set', { hex: 42 }, 'payload.hex'],
    ['key:set', [], 'payload'],
    ['messages:markRead', { channel: '1' }, 'payload.channel'],
    ['pairing:pair', { meterId: 'SAG1030700012701' }, 'payload.code'],
    ['pairing:pair', { centralUrl: 'file:///etc/passwd', meterId: 'SAG1', code: 'c' }, 'payload.centralUrl'],
    ['capture:export', { redact: 'yes' }, 'payload.redact'],
    ['staff:change', { kind: 'explode' }, 'kind'],
  ] as const)('rejects %s %j naming the field', (channel, payload, field) => {
    const r = validatePayload(channel, payload);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('BAD_PAYLOAD');
      expect(r.error.message).toContain(field);
    }
  });

  it('has a validator for every channel, and each rejects a number', () => {
    for (const channel of CHANNELS) expect(validatePayload(channel, 12).ok, channel).toBe(false);
  });

  it('only knows the contract channels', () => {
    expect(isChannel('key:set')).toBe(true);
    expect(isChannel('__proto__')).toBe(false);
    expect(isChannel('toString')).toBe(false);
    expect(isChannel(7)).toBe(false);
  });
});
