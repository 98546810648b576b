import { createCipheriv, createDecipheriv } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createGcm12, gcm12Decrypt, gcm12Encrypt } from '../../../protocol/crypto/gcm12.ts';

function nodeEncrypt(key: Uint8Array, iv: Uint8Array, aad: Uint8Array, pt: Uint8Array) {
  const c = createCipheriv('aes-128-gcm', key, iv, { authTagLength: 12 });
  c.setAAD(aad);
  const ciphertext = new Uint8Array(Buffer.concat([c.update(pt), c.final()]));
  return { ciphertext, tag: new Uint8Array(c.getAuthTag()) };
}

function nodeDecrypt(key: Uint8Array, iv: Uint8Array, aad: Uint8Array, ct: Uint8Array, tag: Uint8Array): Uint8Array | null {
  const d = createDecipheriv('aes-128-gcm', key, iv, { authTagLength: 12 });
  d.setAAD(aad);
  d.setAuthTag(tag);
  try {
    return new Uint8Array(Buffer.concat([d.update(ct), d.final()]));
  } catch {
    return null;
  }
}

const input = fc.record({
  key: fc.uint8Array({ minLength: 16, maxLength: 16 }),
  iv: fc.uint8Array({ minLength: 12, maxLength: 12 }),
  aad: fc.uint8Array({ maxLength: 40 }),
  pt: fc.uint8Array({ maxLength: 300 }),
});

describe('gcm12 against node:crypto', () => {
  it('encrypts exactly like AES-128-GCM with a 12-byte tag', () => {
    fc.assert(
      fc.property(input, ({ key, iv, aad, pt }) => {
        const ours = createGcm12(key).encrypt(iv, aad, pt);
        const theirs = nodeEncrypt(key, iv, aad, pt);
        expect(ours.ciphertext).toEqual(theirs.ciphertext);
        expect(ours.tag).toEqual(theirs.tag);
      }),
      { numRuns: 150, seed: 1 },
    );
  });

  it('decrypts what node:crypto encrypts, and node:crypto decrypts what it encrypts', () => {
    fc.assert(
      fc.property(input, ({ key, iv, aad, pt }) => {
        const { ciphertext, tag } = nodeEncrypt(key, iv, aad, pt);
        expect(gcm12Decrypt(key, iv, aad, ciphertext, tag)).toEqual(pt);
        const ours = gcm12Encrypt(key, iv, aad, pt);
        expect(nodeDecrypt(key, iv, aad, ours.ciphertext, ours.tag)).toEqual(new Uint8Array(pt));
      }),
      { numRuns: 100, seed: 2 },
    );
  });

  it('keeps one key table correct across many messages and key switches', () => {
    const a = createGcm12(new Uint8Array(16).fill(1));
    const keyB = new Uint8Array(16).fill(2);
    for (let i = 0; i < 20; i++) {
      const iv = new Uint8Array(12).fill(i);
      const pt = new Uint8Array(i * 13).fill(i);
      const ours = a.encrypt(iv, new Uint8Array([i]), pt);
      expect(ours.tag).toEqual(nodeEncrypt(new Uint8Array(16).fill(1), iv, new Uint8Array([i]), pt).tag);
      expect(gcm12Encrypt(keyB, iv, new Uint8Array(), pt).tag).toEqual(nodeEncrypt(keyB, iv, new Uint8Array(), pt).tag);
    }
  });
});

describe('gcm12 tag check', () => {
  it('returns no plaintext when any authenticated bit changes', () => {
    fc.assert(
      fc.property(input, fc.nat(), fc.integer({ min: 0, max: 7 }), ({ key, iv, aad, pt }, where, bit) => {
        const { ciphertext, tag } = nodeEncrypt(key, iv, aad, pt);
        const parts = [iv, aad, ciphertext, tag].map((p) => p.slice());
        const sizes = parts.map((p) => p.length);
        let at = where % sizes.reduce((s, n) => s + n, 0);
        let which = 0;
        while (at >= sizes[which]!) at -= sizes[which++]!;
        parts[which]![at]! ^= 1 << bit;
        expect(createGcm12(key).decrypt(parts[0]!, parts[1]!, parts[2]!, parts[3]!)).toBeNull();
      }),
      { numRuns: 150, seed: 3 },
    );
  });

  it('compares exactly 12 tag bytes, never a shorter or longer prefix', () => {
    const key = new Uint8Array(16).fill(7);
    const iv = new Uint8Array(12).fill(9);
    const { ciphertext, tag } = nodeEncrypt(key, iv, new Uint8Array(), new Uint8Array([1, 2, 3]));
    const g = createGcm12(key);
    expect(g.decrypt(iv, new Uint8Array(), ciphertext, tag)).toEqual(new Uint8Array([1, 2, 3]));
    expect(g.decrypt(iv, new Uint8Array(), ciphertext, tag.subarray(0, 8))).toBeNull();
    expect(g.decrypt(iv, new Uint8Array(), ciphertext, new Uint8Array(0))).toBeNull();
    const full = createCipheriv('aes-128-gcm', key, iv);
    full.update(new Uint8Array([1, 2, 3]));
    full.final();
    expect(g.decrypt(iv, new Uint8Array(), ciphertext, new Uint8Array(full.getAuthTag()))).toBeNull();
  });

  it('rejects a key or IV of the wrong length as a programmer error', () => {
    expect(() => createGcm12(new Uint8Array(32))).toThrow(RangeError);
    expect(() => createGcm12(new Uint8Array(16)).encrypt(new Uint8Array(16), new Uint8Array(), new Uint8Array(1))).toThrow(RangeError);
  });
});
