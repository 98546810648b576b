import { chmodSync, chownSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createKeyStore, type KeyProtector, keyError } from '../../../electron/host/key-store.ts';
import { checkMeterKey } from '../../../contracts/meter-key.ts';
import { tinyDisk } from './full-disk.ts';
import { NEXXT_KEY } from './vectors.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'luxp1-key-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Stands in for Electron's safeStorage: reversible, and visibly not the plain key. */
const fakeSafeStorage: KeyProtector = {
  kind: 'safeStorage',
  encrypt: (plain) => Uint8Array.from(Buffer.from(plain).map((b) => b ^ 0x5a)),
  decrypt: (sealed) =>
    Buffer.from(sealed)
      .map((b) => b ^ 0x5a)
      .toString(),
};

describe('key store', () => {
  it('file storage: round trip across instances, file mode 0600', async () => {
    const path = join(tempDir(), 'key.json');
    const a = createKeyStore(path, 'file');
    await a.set(NEXXT_KEY, { origin: 'pairing', meterId: 'SAG1030700012701', systemTitle: null });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const b = createKeyStore(path, 'file');
    expect(await b.load()).toBeNull();
    expect(Buffer.from(b.key()!).toString('hex').toUpperCase()).toBe(NEXXT_KEY);
    expect(b.status()).toEqual({ hasKey: true, origin: 'pairing', meterId: 'SAG1030700012701', systemTitle: null, storage: 'file' });
    await b.clear();
    expect(createKeyStore(path, 'file').status().hasKey).toBe(false);
    expect(() => statSync(path)).toThrow();
  });

  it('safeStorage: only the sealed blob is on disk; unreadable without the protector', async () => {
    const path = join(tempDir(), 'key.json');
    const a = createKeyStore(path, fakeSafeStorage);
    await a.set(NEXXT_KEY, { origin: 'manual', meterId: null, systemTitle: null });
    const onDisk = readFileSync(path, 'utf8');
    expect(onDisk.toUpperCase()).not.toContain(NEXXT_KEY);
    const b = createKeyStore(path, fakeSafeStorage);
    await b.load();
    expect(b.status()).toMatchObject({ hasKey: true, storage: 'safeStorage' });
    const c = createKeyStore(path, 'file');
    const warning = await c.load();
    expect(warning).toMatch(/cannot be read here/);
    expect(warning!.toUpperCase()).not.toContain(NEXXT_KEY);
    expect(c.status().hasKey).toBe(false);
  });

  it('a corrupt key file gives a warning, not a crash', async () => {
    const dir = tempDir();
    const path = join(dir, 'key.json');
    const s = createKeyStore(path, 'file');
    await s.set(NEXXT_KEY, { origin: 'manual', meterId: null, systemTitle: null });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path, '{"version":1,"storage":"file","keyHex":"nothex');
    const t = createKeyStore(path, 'file');
    expect(await t.load()).toMatch(/corrupt file|cannot be read/);
    expect(t.key()).toBeNull();
    // Kept aside before anything overwrites it.
    expect(readFileSync(`${path}.bad`, 'utf8')).toBe('{"version":1,"storage":"file","keyHex":"nothex');
  });
});

describe('keyError', () => {
  it('names the published authentication key and calls every other problem BAD_KEY', () => {
    const published = checkMeterKey('00112233445566778899aabbccddeeff');
    const short = checkMeterKey('D491470F');
    expect(!published.ok && keyError(published.error).code).toBe('PUBLISHED_AUTH_KEY');
    expect(!short.ok && keyError(short.error)).toEqual({ code: 'BAD_KEY', message: 'key: expected 32 hex digits, got 8' });
  });
});

describe('key store on a full disk, and key files others can read', () => {
  it('a key that cannot be saved is an error in words, and the old key stays in memory and on disk', async () => {
    const disk = tinyDisk();
    try {
      const path = join(disk.dir, 'key.json');
      const store = createKeyStore(path, 'file');
      await store.set(NEXXT_KEY, { origin: 'manual', meterId: null, systemTitle: null });
      const before = readFileSync(path, 'utf8');
      disk.fill();
      const other = 'AABBCCDDEEFF00112233445566778899';
      await expect(store.set(other, { origin: 'pairing', meterId: 'SAG1', systemTitle: null })).rejects.toThrow(
        'could not save the key: disk full (ENOSPC)',
      );
      expect(Buffer.from(store.key()!).toString('hex').toUpperCase()).toBe(NEXXT_KEY);
      expect(store.status()).toMatchObject({ hasKey: true, origin: 'manual', meterId: null });
      expect(readFileSync(path, 'utf8')).toBe(before);
      await expect(store.noteSystemTitle('SAG9999')).rejects.toThrow(/disk full/);
      expect(store.status().systemTitle).toBeNull();
      const again = createKeyStore(path, 'file');
      expect(await again.load()).toBeNull();
      expect(again.status()).toEqual(store.status());
    } finally {
      disk.release();
    }
  });

  it('warns about a key file readable by other users and tightens it to 0600', async () => {
    const path = join(tempDir(), 'key.json');
    await createKeyStore(path, 'file').set(NEXXT_KEY, { origin: 'manual', meterId: null, systemTitle: null });
    chmodSync(path, 0o644);
    const store = createKeyStore(path, 'file');
    expect(await store.load()).toMatch(/readable by other users \(mode 644\); it is now 0600/);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(store.status().hasKey).toBe(true);
    expect(await createKeyStore(path, 'file').load()).toBeNull(); // said once
  });

  it("warns about a loose key file it does not own, and leaves that file's mode to its owner", async () => {
    const path = join(tempDir(), 'key.json');
    await createKeyStore(path, 'file').set(NEXXT_KEY, { origin: 'manual', meterId: null, systemTitle: null });
    chmodSync(path, 0o644);
    chownSync(path, 4242, 4242); // these tests run as root (see full-disk.ts)
    expect(await createKeyStore(path, 'file').load()).toMatch(/mode 644\) and belongs to another user \(uid 4242\)/);
    expect(statSync(path).mode & 0o777).toBe(0o644);
  });
});
