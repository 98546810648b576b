import { describe, expect, it } from 'vitest';
import { hexToBytes } from '../../../protocol/bytes.ts';
import { LUX_AUTH_KEY, aadFromAuthKey, defaultAad } from '../../../protocol/frame/aad.ts';
import { decryptFrame, encryptFrame } from '../../../protocol/frame/codec.ts';
import { ENCRYPTED_VECTORS, NEXXT_KEY, vectorBytes } from './vectors.ts';

const nexxt = vectorBytes('smarty_nexxtlab_encrypted.hex');

describe('decryptFrame on the vectors', () => {
  for (const v of ENCRYPTED_VECTORS) {
    it(`${v.name} decrypts byte-exact to ${v.plaintextFile}`, () => {
      const r = decryptFrame(v.frame, { key: v.key, aad: v.aad });
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.value.plaintext).toEqual(vectorBytes(v.plaintextFile));
    });
  }

  it('reads the NEXXT header fields (L = 0x027A, counter 0x0005A8E3)', () => {
    const r = decryptFrame(nexxt, { key: NEXXT_KEY });
    expect(r.ok && r.value.header).toEqual({
      systemTitle: '534147677001BD54',
      frameCounter: 0x0005a8e3,
      length: 0x027a,
      securityControl: 0x30,
      tag: '0D7FD80458595408F2850F17',
    });
  });

  it('reads L above 0x7F as unsigned (openHAB #10932)', () => {
    const r = decryptFrame(vectorBytes('smarty_openhab_encrypted.hex'), { key: NEXXT_KEY });
    expect(r.ok && r.value.header.length).toBe(0x02ba);
  });

  it('fails the real capture without the AAD, or with 0x30 alone: AUTH_FAILED with the counter', () => {
    for (const aad of [new Uint8Array(0), new Uint8Array([0x30])]) {
      const r = decryptFrame(nexxt, { key: NEXXT_KEY, aad });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('AUTH_FAILED');
        expect(r.error.header?.frameCounter).toBe(0x0005a8e3);
        expect('plaintext' in r.error).toBe(false);
      }
    }
  });

  it('fails with the wrong key, and never puts key material in the message', () => {
    const r = decryptFrame(nexxt, { key: LUX_AUTH_KEY });
    expect(!r.ok && r.error.code).toBe('AUTH_FAILED');
    expect(!r.ok && r.error.message).not.toMatch(/00112233|D491470F/i);
  });

  it('reports bytes that are not exactly one frame as MALFORMED', () => {
    const cases = [
      nexxt.subarray(0, 10),
      nexxt.subarray(0, nexxt.length - 1),
      new Uint8Array([...nexxt, 0]),
      nexxt.map((b, i) => (i === 10 ? 0x81 : b)),
    ];
    for (const bytes of cases) {
      const r = decryptFrame(bytes, { key: NEXXT_KEY });
      expect(!r.ok && r.error.code).toBe('MALFORMED');
    }
  });

  it('treats a wrong-length key as a programmer error', () => {
    expect(() => decryptFrame(nexxt, { key: new Uint8Array(15) })).toThrow(RangeError);
  });
});

describe('encryptFrame', () => {
  it('rebuilds the real capture bit for bit from its plaintext', () => {
    const frame = encryptFrame({
      key: NEXXT_KEY,
      systemTitle: nexxt.subarray(2, 10),
      frameCounter: 0x0005a8e3,
      plaintext: vectorBytes('smarty_nexxtlab_decrypted.txt'),
    });
    expect(frame).toEqual(nexxt);
  });

  it('round-trips with a custom AAD and with none', () => {
    const key = hexToBytes('000102030405060708090A0B0C0D0E0F');
    const plaintext = new TextEncoder().encode('/Lux5\\test\r\n\r\n!1234\r\n');
    for (const aad of [undefined, new Uint8Array(0), aadFromAuthKey(new Uint8Array(16).fill(0xee))]) {
      const frame = encryptFrame({ key, systemTitle: new Uint8Array(8).fill(0x41), frameCounter: 0xfffffffe, plaintext, aad });
      expect(frame.length).toBe(13 + 17 + plaintext.length);
      const r = decryptFrame(frame, { key, aad });
      expect(r.ok && r.value.plaintext).toEqual(plaintext);
      expect(r.ok && r.value.header.frameCounter).toBe(0xfffffffe);
    }
  });

  it('rejects impossible arguments', () => {
    const base = { key: NEXXT_KEY, systemTitle: new Uint8Array(8), frameCounter: 1, plaintext: new Uint8Array(1) };
    expect(() => encryptFrame({ ...base, systemTitle: new Uint8Array(7) })).toThrow(RangeError);
    expect(() => encryptFrame({ ...base, frameCounter: 2 ** 32 })).toThrow(RangeError);
    expect(() => encryptFrame({ ...base, plaintext: new Uint8Array(0) })).toThrow(RangeError);
    expect(() => encryptFrame({ ...base, plaintext: new Uint8Array(65519) })).toThrow(RangeError);
  });
});

describe('AAD helpers', () => {
  it('builds 0x30 ‖ authentication key', () => {
    expect(defaultAad()).toEqual(hexToBytes('3000112233445566778899AABBCCDDEEFF'));
    expect(aadFromAuthKey(hexToBytes('FFEEDDCCBBAA99887766554433221100'))).toEqual(hexToBytes('30FFEEDDCCBBAA99887766554433221100'));
    expect(() => aadFromAuthKey(new Uint8Array(17))).toThrow(RangeError);
  });
});
