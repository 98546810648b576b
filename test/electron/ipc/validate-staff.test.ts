import { describe, expect, it } from 'vitest';
import { validateStaffChange, validateStaffSignIn } from '../../../electron/ipc/validate-staff.ts';

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);

describe('validate-staff', () => {
  it('accepts a token with an optional http(s) central URL, and nothing else', () => {
    expect(validateStaffSignIn({ token: 'abc', centralUrl: 'http://127.0.0.1:8417' })).toEqual({
      ok: true,
      value: { token: 'abc', centralUrl: 'http://127.0.0.1:8417' },
    });
    expect(code(validateStaffSignIn({ token: '' }))).toBe('BAD_PAYLOAD');
    expect(code(validateStaffSignIn({ token: 'a b' }))).toBe('BAD_PAYLOAD');
    expect(code(validateStaffSignIn({ token: 'x', centralUrl: 'file:///etc/passwd' }))).toBe('BAD_PAYLOAD');
    expect(code(validateStaffSignIn('token'))).toBe('BAD_PAYLOAD');
  });

  it('copies only the known fields of a patch and checks their bounds', () => {
    const r = validateStaffChange({ kind: 'patch', body: { encryption: false, fields: 'full', relays: { relay1: 'ready' } }, extra: 1 });
    expect(r).toEqual({ ok: true, value: { kind: 'patch', body: { encryption: false, fields: 'full', relays: { relay1: 'ready' } } } });
    expect(code(validateStaffChange({ kind: 'patch', body: { keyVersion: 3 } }))).toBe('BAD_PAYLOAD');
    expect(code(validateStaffChange({ kind: 'patch', body: { powerLimitKva: 1000 } }))).toBe('BAD_PAYLOAD');
    expect(code(validateStaffChange({ kind: 'patch', body: { fields: ['1-0:1.8.0', 'DROP TABLE'] } }))).toBe('BAD_PAYLOAD');
    expect(code(validateStaffChange({ kind: 'patch', body: {} }))).toBe('BAD_PAYLOAD');
  });

  it('bounds messages to 1024 bytes of printable UTF-8 on a known channel', () => {
    expect(code(validateStaffChange({ kind: 'message', channel: '2', text: 'x'.repeat(1024) }))).toBe('ok');
    expect(code(validateStaffChange({ kind: 'message', channel: '2', text: 'x'.repeat(1025) }))).toBe('BAD_PAYLOAD');
    expect(code(validateStaffChange({ kind: 'message', channel: '1', text: 'hi' }))).toBe('BAD_PAYLOAD');
    expect(code(validateStaffChange({ kind: 'message', channel: '0', text: 'Coupure prévue, Zähler, Zieler ë' }))).toBe('ok');
    expect(code(validateStaffChange({ kind: 'message', channel: '0', text: 'é'.repeat(513) }))).toBe('BAD_PAYLOAD');
    expect(code(validateStaffChange({ kind: 'message', channel: '0', text: 'tab\there' }))).toBe('BAD_PAYLOAD');
  });

  it('checks M-Bus channels, kinds and valve states', () => {
    expect(validateStaffChange({ kind: 'mbus-attach', channel: 2, body: { kind: 'water' } })).toEqual({
      ok: true,
      value: { kind: 'mbus-attach', channel: 2, body: { kind: 'water' } },
    });
    // The central refuses a stray field, so the host does too (one check, contracts/central.ts).
    expect(code(validateStaffChange({ kind: 'mbus-attach', channel: 2, body: { kind: 'water', evil: true } }))).toBe('BAD_PAYLOAD');
    expect(code(validateStaffChange({ kind: 'mbus-attach', channel: 5, body: { kind: 'gas' } }))).toBe('BAD_PAYLOAD');
    expect(code(validateStaffChange({ kind: 'mbus-attach', channel: 1, body: { kind: 'steam' } }))).toBe('BAD_PAYLOAD');
    expect(code(validateStaffChange({ kind: 'valve', channel: 1, valve: 'open' }))).toBe('BAD_PAYLOAD');
    expect(code(validateStaffChange({ kind: 'mbus-detach', channel: 1.5 }))).toBe('BAD_PAYLOAD');
    expect(code(validateStaffChange({ kind: 'rotate-key' }))).toBe('ok');
    expect(code(validateStaffChange({ kind: 'format-disk' }))).toBe('BAD_PAYLOAD');
  });
});
