import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSettingsStore, DEFAULT_SETTINGS, loadSettings, saveSettings } from '../../../electron/host/settings.ts';
import { tinyDisk } from './full-disk.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const fresh = () => (dir = mkdtempSync(join(tmpdir(), 'luxp1-settings-')));

describe('settings', () => {
  it('round-trips and starts from defaults when there is no file', async () => {
    const path = join(fresh(), 'settings.json');
    expect(await loadSettings(path)).toEqual({ settings: DEFAULT_SETTINGS, warning: null });
    const s = { ...DEFAULT_SETTINGS, source: { kind: 'tcp' as const, host: '10.0.0.5', port: 2001 }, centralUrl: 'http://127.0.0.1:8080' };
    await saveSettings(path, s);
    expect(await loadSettings(path)).toEqual({ settings: s, warning: null });
  });

  it('a corrupt file: .bad copy kept, defaults used, one warning', async () => {
    const path = join(fresh(), 'settings.json');
    writeFileSync(path, '{"source": {"kind": "tcp", "host": "x"');
    const loaded = await loadSettings(path);
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
    expect(loaded.warning).toMatch(/not valid JSON.*settings\.json\.bad/);
    expect(readFileSync(`${path}.bad`, 'utf8')).toBe('{"source": {"kind": "tcp", "host": "x"');
  });

  it('a hand-edited wrong field: that field falls back, the valid ones are kept', async () => {
    const path = join(fresh(), 'settings.json');
    const text = JSON.stringify({
      source: { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 'fast' },
      centralUrl: 'http://c.example:1',
      silenceMs: 5000,
    });
    writeFileSync(path, text);
    const loaded = await loadSettings(path);
    expect(loaded.settings).toEqual({ ...DEFAULT_SETTINGS, centralUrl: 'http://c.example:1', silenceMs: 5000 });
    expect(loaded.warning).toMatch(/invalid source/);
    expect(readFileSync(`${path}.bad`, 'utf8')).toBe(text);
  });

  it('the store changes memory only once the file is written, one write at a time', async () => {
    const path = join(fresh(), 'settings.json');
    const store = createSettingsStore(path, { ...DEFAULT_SETTINGS });
    const a = store.update({ centralUrl: 'http://127.0.0.1:1' });
    const b = store.update({ silenceMs: 5_000 });
    await Promise.all([a, b]);
    expect(store.get()).toMatchObject({ centralUrl: 'http://127.0.0.1:1', silenceMs: 5_000 });
    expect((await loadSettings(path)).settings).toEqual(store.get());

    // A write that fails (the path is now a directory) is the caller's error, and memory keeps the old value.
    rmSync(path);
    mkdirSync(path);
    await expect(store.update({ silenceMs: 9_000 })).rejects.toThrow();
    expect(store.get().silenceMs).toBe(5_000);
    await store.update({ centralUrl: null }).catch(() => {}); // a later update still runs after a failed one
    expect(store.get().centralUrl).toBe('http://127.0.0.1:1');
  });

  it('a save on a full disk says what failed, in words', async () => {
    const disk = tinyDisk();
    try {
      const path = join(disk.dir, 'settings.json');
      await saveSettings(path, DEFAULT_SETTINGS);
      disk.fill();
      await expect(saveSettings(path, { ...DEFAULT_SETTINGS, silenceMs: 5000 })).rejects.toThrow(
        'could not save the settings: disk full (ENOSPC)',
      );
      expect(await loadSettings(path)).toEqual({ settings: DEFAULT_SETTINGS, warning: null });
    } finally {
      disk.release();
    }
  });
});
