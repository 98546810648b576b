/**
 * The meter key (16 bytes, typed as 32 hex digits or fetched by pairing), kept at rest in
 * `key.json` in the data directory, never in settings, events, errors or logs.
 *
 * At rest it is protected by one of:
 * - 'safeStorage': Electron's safeStorage (OS keychain / DPAPI / libsecret) seals the key; the file
 *   holds only the sealed blob, useless on another machine or to another OS user.
 * - 'file': browser mode has no keychain, so the key is stored as hex in a file created with mode
 *   0600. Honestly: that keeps out other local users and careless backups of shared folders, but
 *   not anyone who runs as this user or has root, nor a copy of the disk. The key only unlocks
 *   this meter's own readings, which the same user can already see.
 * - 'memory': nothing written (tests, or a read-only data directory); the key is lost on exit.
 */
import { basename } from 'node:path';
import { chmod, rm, stat } from 'node:fs/promises';
import type { ApiError, KeyStatus } from '../../contracts/ipc.ts';
import { checkMeterKey, type KeyFailure } from '../../contracts/meter-key.ts';
import { keepBadCopy, readTextIfExists, saveError, writeFileAtomic } from './atomic-file.ts';

/** What the Electron shell passes: `{ kind: 'safeStorage', encrypt: safeStorage.encryptString, decrypt: ... }`. */
export interface KeyProtector {
  kind: 'safeStorage';
  encrypt(plain: string): Uint8Array;
  decrypt(sealed: Uint8Array): string;
}

/** The API failure for a key the shared check refused: the published key by name, anything else as BAD_KEY. */
export function keyError(f: KeyFailure): ApiError {
  return { code: f.code === 'PUBLISHED_AUTH_KEY' ? 'PUBLISHED_AUTH_KEY' : 'BAD_KEY', message: f.message };
}

export interface KeyMeta {
  origin: 'manual' | 'pairing';
  meterId: string | null;
  systemTitle: string | null;
}

interface StoredKey extends KeyMeta {
  version: 1;
  storage: 'safeStorage' | 'file';
  keyHex?: string; // 'file'
  sealed?: string; // 'safeStorage', base64
}

export interface KeyStore {
  /** Reads key.json; a warning (no key material) when it cannot be used or others could read it. */
  load(): Promise<string | null>;
  status(): KeyStatus;
  /** The key's 16 bytes, for the decoder only. */
  key(): Uint8Array | null;
  set(hex: string, meta: KeyMeta): Promise<KeyStatus>;
  /** Records the system title the key was seen to verify on (persisted with the key). */
  noteSystemTitle(systemTitle: string): Promise<void>;
  clear(): Promise<KeyStatus>;
}

/** A key store writing `path` through `protector` ('memory' = never written). */
export function createKeyStore(path: string, protector: KeyProtector | 'file' | 'memory'): KeyStore {
  const storage = protector === 'memory' ? 'memory' : protector === 'file' ? 'file' : 'safeStorage';
  let keyHex: string | null = null;
  let meta: KeyMeta = { origin: 'manual', meterId: null, systemTitle: null };

  const status = (): KeyStatus => ({
    hasKey: keyHex !== null,
    origin: keyHex === null ? null : meta.origin,
    meterId: keyHex === null ? null : meta.meterId,
    systemTitle: keyHex === null ? null : meta.systemTitle,
    storage,
  });

  /** Writes `hex` + `m` to disk; only then may the caller adopt them (memory and disk agree). */
  async function persist(hex: string, m: KeyMeta): Promise<void> {
    if (protector === 'memory') return;
    const stored: StoredKey = { version: 1, storage: protector === 'file' ? 'file' : 'safeStorage', ...m };
    if (protector === 'file') stored.keyHex = hex;
    else stored.sealed = Buffer.from(protector.encrypt(hex)).toString('base64');
    try {
      await writeFileAtomic(path, `${JSON.stringify(stored)}\n`, 0o600);
    } catch (err) {
      throw saveError('the key', err);
    }
  }

  /** A key file others may read is tightened to 0600 (we wrote it, we own it); the user is told. */
  async function tighten(): Promise<string | null> {
    const st = await stat(path);
    if (process.platform === 'win32' || (st.mode & 0o077) === 0) return null;
    const was = (st.mode & 0o777).toString(8);
    if (process.getuid && st.uid !== process.getuid())
      return `key: ${path} is readable by other users (mode ${was}) and belongs to another user (uid ${st.uid}): have its owner run chmod 600 on it`;
    try {
      await chmod(path, 0o600);
      return `key: ${path} was readable by other users (mode ${was}); it is now 0600. If others could log in here, ask your grid operator for a new key`;
    } catch (err) {
      return `key: ${path} is readable by other users (mode ${was}) and could not be tightened (${(err as NodeJS.ErrnoException).code ?? 'error'}): run chmod 600 on it`;
    }
  }

  function unseal(stored: StoredKey): string | null {
    if (stored.storage === 'file') return typeof stored.keyHex === 'string' ? stored.keyHex : null;
    if (typeof protector !== 'object' || typeof stored.sealed !== 'string') return null;
    try {
      return protector.decrypt(Buffer.from(stored.sealed, 'base64'));
    } catch {
      return null;
    }
  }

  return {
    async load() {
      if (protector === 'memory') return null;
      const text = await readTextIfExists(path);
      if (text === null) return null;
      let stored: StoredKey | null = null;
      try {
        stored = JSON.parse(text) as StoredKey;
      } catch {
        stored = null;
      }
      const hex = stored && typeof stored === 'object' ? unseal(stored) : null;
      const checked = hex === null ? null : checkMeterKey(hex);
      if (!stored || !checked?.ok) {
        // Kept aside, not deleted: a key sealed by the desktop app is still good there.
        await keepBadCopy(path);
        return `key: the stored key in ${path} cannot be read here (${stored?.storage ?? 'corrupt file'}); kept a copy as ${basename(path)}.bad; enter the key again or pair`;
      }
      keyHex = checked.value;
      meta = {
        origin: stored.origin === 'pairing' ? 'pairing' : 'manual',
        meterId: typeof stored.meterId === 'string' ? stored.meterId : null,
        systemTitle: typeof stored.systemTitle === 'string' ? stored.systemTitle : null,
      };
      const loose = stored.storage === 'file' ? await tighten() : null;
      if (stored.storage !== storage) await persist(keyHex, meta); // e.g. a browser-mode file key moved into safeStorage
      return loose;
    },
    status,
    key: () => (keyHex === null ? null : Uint8Array.from(Buffer.from(keyHex, 'hex'))),
    async set(hex, next) {
      const checked = checkMeterKey(hex);
      if (!checked.ok) throw new TypeError(checked.error.message); // callers validate first: a programmer error
      await persist(checked.value, { ...next }); // throws before anything changes: the old key stays in force
      keyHex = checked.value;
      meta = { ...next };
      return status();
    },
    async noteSystemTitle(systemTitle) {
      if (keyHex === null || meta.systemTitle === systemTitle) return;
      await persist(keyHex, { ...meta, systemTitle });
      meta = { ...meta, systemTitle };
    },
    async clear() {
      if (protector !== 'memory') {
        try {
          await rm(path, { force: true });
        } catch (err) {
          throw Object.assign(new Error(`could not remove the key: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`), {
            code: 'SAVE_FAILED',
          });
        }
      }
      keyHex = null;
      meta = { origin: 'manual', meterId: null, systemTitle: null };
      return status();
    },
  };
}
