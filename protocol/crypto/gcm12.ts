/**
 * AES-128-GCM with the 96-bit tag of DLMS security suite 0 (LUX §3.2.5, NIST SP 800-38D).
 *
 * noble's `gcm` only accepts 16-byte tags, so the mode is rebuilt from its public parts:
 *
 *   H    = E(K, 0^128)                        (ecb, one block)
 *   J0   = IV ‖ 00000001                      (IV is always 12 bytes here)
 *   S    = GHASH_H(A ‖ pad ‖ C ‖ pad ‖ [len(A)]64 ‖ [len(C)]64)
 *   tag  = first 12 bytes of E(K, J0) XOR S
 *   C    = CTR_K(IV ‖ 00000002, P)
 *
 * noble's `ctr` increments the whole 128-bit block while GCM's inc32 wraps the low 32 bits; they
 * agree as long as the low word never wraps, i.e. for plaintexts under 2^32 - 2 blocks (64 GiB).
 *
 * Speed: building GHASH's multiplication table is the costliest per-key step, so a `Gcm12` keeps
 * one table (and H) per key and only resets the accumulator between messages.
 */
import { ctr, ecb } from '@noble/ciphers/aes.js';
import { GHASH } from '@noble/ciphers/_polyval.js';
import { equalBytes } from '@noble/ciphers/utils.js';

export const GCM_TAG_LEN = 12; // LUX §3.2.5: "tag length is 96 bits"
export const GCM_IV_LEN = 12; // system title (8) ‖ frame counter (4)
const KEY_LEN = 16; // AES-128 only (DLMS suite 0)
// Past 64 KiB noble picks its widest window (8 bits): fewest lookups per block, a one-off table per key.
const WIDE_TABLE_HINT = 64 * 1024 + 1;

const TAIL = new Uint8Array(16);

/**
 * GHASH whose accumulator can be cleared, so that one key's table serves many messages. `absorb`
 * feeds bytes in place (GHASH.update copies every input first); like update, it zero-pads the tail.
 */
class ReusableGhash extends GHASH {
  restart(): this {
    this.s0 = this.s1 = this.s2 = this.s3 = 0;
    this.finished = false;
    return this;
  }

  absorb(data: Uint8Array): void {
    // _updateBlock takes each 4-byte group as a little-endian word, as update() passes them.
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const full = data.length - (data.length % 16);
    for (let i = 0; i < full; i += 16) {
      this._updateBlock(view.getUint32(i, true), view.getUint32(i + 4, true), view.getUint32(i + 8, true), view.getUint32(i + 12, true));
    }
    if (full < data.length) {
      TAIL.fill(0).set(data.subarray(full));
      const tail = new DataView(TAIL.buffer);
      this._updateBlock(tail.getUint32(0, true), tail.getUint32(4, true), tail.getUint32(8, true), tail.getUint32(12, true));
    }
  }
}

export interface Gcm12 {
  /** Ciphertext and 12-byte tag of `plaintext`. */
  encrypt(iv: Uint8Array, aad: Uint8Array, plaintext: Uint8Array): { ciphertext: Uint8Array; tag: Uint8Array };
  /** Plaintext, or null when the tag does not verify; nothing is decrypted before the check. */
  decrypt(iv: Uint8Array, aad: Uint8Array, ciphertext: Uint8Array, tag: Uint8Array): Uint8Array | null;
}

function checkLen(what: string, bytes: Uint8Array, len: number): void {
  if (!(bytes instanceof Uint8Array)) throw new TypeError(`gcm12: expected ${what} as Uint8Array`);
  if (bytes.length !== len) throw new RangeError(`gcm12: expected ${len}-byte ${what}, got ${bytes.length}`);
}

function counterBlock(iv: Uint8Array, n: number): Uint8Array {
  const block = new Uint8Array(16);
  block.set(iv);
  block[15] = n; // the caller only needs 1 (J0) and 2 (first keystream block)
  return block;
}

/** Builds a cipher for one 16-byte key; reuse it across frames (it caches the per-key work). */
export function createGcm12(key: Uint8Array): Gcm12 {
  checkLen('key', key, KEY_LEN);
  const k = key.slice(); // the caller may wipe or reuse its array
  const h = ecb(k, { disablePadding: true }).encrypt(new Uint8Array(16));
  const ghash = new ReusableGhash(h, WIDE_TABLE_HINT);
  h.fill(0);

  function fullTag(iv: Uint8Array, aad: Uint8Array, ciphertext: Uint8Array): Uint8Array {
    const lengths = new Uint8Array(16);
    const view = new DataView(lengths.buffer);
    // Bit lengths as 64-bit big-endian; inputs here stay far below 2^32 bits.
    view.setUint32(4, aad.length * 8);
    view.setUint32(12, ciphertext.length * 8);
    ghash.restart();
    ghash.absorb(aad);
    ghash.absorb(ciphertext);
    ghash.absorb(lengths);
    const s = new Uint8Array(16);
    ghash.digestInto(s);
    const mask = ecb(k, { disablePadding: true }).encrypt(counterBlock(iv, 1));
    for (let i = 0; i < 16; i++) s[i]! ^= mask[i]!;
    return s;
  }

  return {
    encrypt(iv, aad, plaintext) {
      checkLen('iv', iv, GCM_IV_LEN);
      const ciphertext = ctr(k, counterBlock(iv, 2)).encrypt(plaintext);
      return { ciphertext, tag: fullTag(iv, aad, ciphertext).subarray(0, GCM_TAG_LEN) };
    },
    decrypt(iv, aad, ciphertext, tag) {
      checkLen('iv', iv, GCM_IV_LEN);
      if (tag.length !== GCM_TAG_LEN) return null; // never compare "as many bytes as given"
      const expected = fullTag(iv, aad, ciphertext).subarray(0, GCM_TAG_LEN);
      if (!equalBytes(expected, tag)) return null;
      return ctr(k, counterBlock(iv, 2)).decrypt(ciphertext);
    },
  };
}

let lastKey: Uint8Array | null = null;
let lastCipher: Gcm12 | null = null;

/** The cipher for `key`, reusing the one built for the previous call when the key is the same. */
export function gcm12For(key: Uint8Array): Gcm12 {
  checkLen('key', key, KEY_LEN);
  if (lastKey === null || lastCipher === null || !equalBytes(lastKey, key)) {
    lastCipher = createGcm12(key);
    lastKey = key.slice();
  }
  return lastCipher;
}

/** One-shot AES-128-GCM-96 decryption: plaintext, or null when the 12-byte tag fails. */
export function gcm12Decrypt(key: Uint8Array, iv: Uint8Array, aad: Uint8Array, ciphertext: Uint8Array, tag: Uint8Array): Uint8Array | null {
  return gcm12For(key).decrypt(iv, aad, ciphertext, tag);
}

/** One-shot AES-128-GCM-96 encryption. */
export function gcm12Encrypt(
  key: Uint8Array,
  iv: Uint8Array,
  aad: Uint8Array,
  plaintext: Uint8Array,
): { ciphertext: Uint8Array; tag: Uint8Array } {
  return gcm12For(key).encrypt(iv, aad, plaintext);
}
