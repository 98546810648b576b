import { createHmac, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArgs } from 'node:util';
import { createKeyring, hmacSha256, newPairingCode, newStaffToken, normalizeCode } from '../../central-mock/keys.ts';

describe('keys', () => {
  it('makes staff tokens a command line takes as a value, never as an option', () => {
    for (let i = 0; i < 500; i++) {
      const token = newStaffToken();
      expect(token).toMatch(/^lxs_[A-Za-z0-9_-]{43}$/);
      const { values } = parseArgs({ args: ['--token', token], options: { token: { type: 'string' } } });
      expect(values.token).toBe(token);
    }
  });

  it('computes the same HMAC-SHA256 as node:crypto', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 64 }), fc.string({ maxLength: 200 }), (key, msg) => {
        expect(hmacSha256(key)(msg).toString('hex')).toBe(createHmac('sha256', key).update(msg).digest('hex'));
      }),
    );
  });

  it('seals a port key that opens only for the same meter and master key', () => {
    const ring = createKeyring(randomBytes(32));
    const key = randomBytes(16);
    const sealed = ring.seal('SAG1030700012701', key);
    expect(Buffer.from(sealed).includes(key)).toBe(false);
    expect(Buffer.from(ring.open('SAG1030700012701', sealed)!)).toEqual(key);
    expect(ring.open('SAG1030700012702', sealed)).toBeNull();
    expect(createKeyring(randomBytes(32)).open('SAG1030700012701', sealed)).toBeNull();
    const flipped = Uint8Array.from(sealed);
    flipped[20]! ^= 1;
    expect(ring.open('SAG1030700012701', flipped)).toBeNull();
    expect(ring.open('SAG1030700012701', sealed.subarray(1))).toBeNull();
  });

  it('hashes pairing codes per meter and ignores case, spaces and dashes', () => {
    const ring = createKeyring(randomBytes(32));
    const code = newPairingCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){2}$/);
    expect(normalizeCode(` ${code.toLowerCase().replaceAll('-', ' ')} `)).toBe(code.replaceAll('-', ''));
    expect(ring.hashSecret('pair', 'A', 'x')).not.toEqual(ring.hashSecret('pair', 'B', 'x'));
    expect(ring.hashSecret('pair', 'A', 'x')).not.toEqual(ring.hashSecret('staff', 'A', 'x'));
  });
});
