/**
 * Key custody for the central system, the stand-in for the DSO's HSM.
 *
 * One 32-byte master key (DIR/master.key, mode 0600, or LUXP1_MASTER_KEY as 64 hex digits) never
 * touches the database. Two sub-keys are derived from it with HKDF-SHA256:
 * - `seal`: AES-256-GCM over each meter's 16-byte port key, with the meter id as AAD, so a key row
 *   copied onto another meter fails to open instead of handing out the wrong meter's key;
 * - `mac`: HMAC-SHA256 for pairing codes and staff tokens (see `hashSecret`).
 */
import { createCipheriv, createDecipheriv, createSecretKey, hash, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const NONCE_LEN = 12;
const TAG_LEN = 16;
export const PORT_KEY_LEN = 16; // AES-128-GCM key of the P1 port (LUX §3.2.5)
export const SEALED_LEN = NONCE_LEN + PORT_KEY_LEN + TAG_LEN;
const MASTER_HEX = /^[0-9a-fA-F]{64}$/;
const CHECK_LABEL = 'luxp1 central: master key check v1';

export type MasterKeyError = { code: 'BAD_MASTER_KEY'; message: string };

/** Where the master key comes from: the env var wins, then DIR/master.key. */
export interface MasterKeySource {
  dir: string;
  env?: string | undefined;
}

/**
 * Reads the master key, or creates DIR/master.key (0600) when `create` is set and none exists.
 * Returns `null` when there is none and creating is not allowed (an existing database needs its key).
 */
export function loadMasterKey(
  src: MasterKeySource,
  create: boolean,
): { ok: true; key: Buffer; created: boolean } | { ok: false; error: MasterKeyError } | null {
  if (src.env !== undefined && src.env !== '') {
    if (!MASTER_HEX.test(src.env.trim()))
      return { ok: false, error: { code: 'BAD_MASTER_KEY', message: 'LUXP1_MASTER_KEY must be 64 hex digits' } };
    return { ok: true, key: Buffer.from(src.env.trim(), 'hex'), created: false };
  }
  const file = join(src.dir, 'master.key');
  if (existsSync(file)) {
    const text = readFileSync(file, 'utf8').trim();
    if (!MASTER_HEX.test(text)) return { ok: false, error: { code: 'BAD_MASTER_KEY', message: `${file} must hold 64 hex digits` } };
    return { ok: true, key: Buffer.from(text, 'hex'), created: false };
  }
  if (!create) return null;
  const key = randomBytes(32);
  writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  return { ok: true, key, created: true };
}

/** Operations that need the master key; the key itself stays inside the closure. */
export interface Keyring {
  /** Encrypts a port key for `meterId` (nonce || ciphertext || tag); bulk callers may pass a fresh random 12-byte nonce. */
  seal(meterId: string, portKey: Uint8Array, nonce?: Uint8Array): Uint8Array;
  /** Opens a sealed port key; `null` when the blob was tampered with, moved, or sealed under another master key. */
  open(meterId: string, sealed: Uint8Array): Uint8Array | null;
  /** Keyed hash of a secret; `purpose` separates pairing codes from staff tokens. */
  hashSecret(purpose: 'pair' | 'staff', scope: string, secret: string): Buffer;
  /** A value stored in the database to recognise the master key it was created with. */
  checkValue(): Buffer;
}

/**
 * Builds the keyring. HMAC rather than scrypt for codes and tokens: both are ≥ 50 random bits from
 * a CSPRNG (not human passwords), pairing is rate-limited to 5 tries per 15 minutes, and the HMAC key
 * lives outside the database, so a stolen database alone cannot be brute-forced; scrypt's ~50 ms per
 * hash would make provisioning a million meters take hours and pairing a CPU-exhaustion target.
 */
export function createKeyring(master: Uint8Array): Keyring {
  // A KeyObject, made once: given raw bytes, createCipheriv builds one per call, which costs more
  // than the AES-GCM itself (~20 µs of a pairing request, ~20 s of provisioning a million meters).
  const sealRaw = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'luxp1 seal port keys v1', 32));
  const sealKey = createSecretKey(sealRaw); // copies the bytes
  sealRaw.fill(0);
  const macKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'luxp1 mac secrets v1', 32));
  const mac = hmacSha256(macKey);
  return {
    seal(meterId, portKey, nonce = randomBytes(NONCE_LEN)) {
      if (portKey.length !== PORT_KEY_LEN) throw new RangeError(`keys: expected a ${PORT_KEY_LEN}-byte port key, got ${portKey.length}`);
      if (nonce.length !== NONCE_LEN) throw new RangeError(`keys: expected a ${NONCE_LEN}-byte nonce, got ${nonce.length}`);
      const c = createCipheriv('aes-256-gcm', sealKey, nonce);
      c.setAAD(Buffer.from(meterId, 'utf8'));
      const ct = c.update(portKey);
      c.final();
      return Buffer.concat([nonce, ct, c.getAuthTag()]);
    },
    open(meterId, sealed) {
      if (sealed.length !== SEALED_LEN) return null;
      const d = createDecipheriv('aes-256-gcm', sealKey, sealed.subarray(0, NONCE_LEN));
      d.setAAD(Buffer.from(meterId, 'utf8'));
      d.setAuthTag(sealed.subarray(NONCE_LEN + PORT_KEY_LEN));
      const pt = d.update(sealed.subarray(NONCE_LEN, NONCE_LEN + PORT_KEY_LEN));
      try {
        d.final();
      } catch {
        pt.fill(0);
        return null;
      }
      return pt;
    },
    hashSecret(purpose, scope, secret) {
      return mac(`${purpose}\u0000${scope}\u0000${secret}`);
    },
    checkValue() {
      return mac(CHECK_LABEL);
    },
  };
}

/**
 * HMAC-SHA256 (RFC 2104) from two one-shot hashes with the padded keys precomputed: the same output
 * as createHmac, at a fraction of its per-call set-up cost, which dominates for short inputs.
 */
export function hmacSha256(key: Uint8Array): (msg: string) => Buffer {
  if (key.length > 64) throw new RangeError('keys: HMAC key longer than the SHA-256 block');
  const ipad = Buffer.alloc(64, 0x36);
  const opad = Buffer.alloc(64, 0x5c);
  for (let i = 0; i < key.length; i++) {
    ipad[i]! ^= key[i]!;
    opad[i]! ^= key[i]!;
  }
  return (msg) => {
    const inner = hash('sha256', Buffer.concat([ipad, Buffer.from(msg, 'utf8')]), 'buffer');
    return hash('sha256', Buffer.concat([opad, inner]), 'buffer');
  };
}

/** Constant-time equality of two hashes. */
export function sameHash(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A fresh port key from the CSPRNG. */
export function newPortKey(): Buffer {
  return randomBytes(PORT_KEY_LEN);
}

const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: no I, L, O, U to misread

/** A pairing code: 12 base32 chars (60 bits) shown as XXXX-XXXX-XXXX. */
export function newPairingCode(): string {
  const bytes = randomBytes(12);
  let out = '';
  for (let i = 0; i < 12; i++) out += (i > 0 && i % 4 === 0 ? '-' : '') + CODE_ALPHABET[bytes[i]! & 31];
  return out;
}

/** How a typed code is compared: case, spaces and dashes do not matter. */
export function normalizeCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

/**
 * A staff bearer token: `lxs_` + 32 random bytes in base64url. The prefix keeps a token from ever
 * starting with '-', which command lines read as an option (`luxp1 simulate --token -x…` failed one
 * time in 64), and lets secret scanners recognise a leaked token.
 */
export function newStaffToken(): string {
  return `lxs_${randomBytes(32).toString('base64url')}`;
}
