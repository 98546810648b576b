import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCentral } from '../../central-mock/server.ts';

const FILES = ['central.sqlite', 'central.sqlite-wal', 'central.sqlite-shm'];
const modeOf = (f: string) => (statSync(f).mode & 0o777).toString(8);
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function withCentral(dir: string, fn: (url: string, token: string) => Promise<void>): Promise<void> {
  const central = await startCentral({ dataDir: dir, port: 0, log: () => {} });
  try {
    await fn(central.url, central.staffToken);
  } finally {
    await central.close();
  }
}

describe('database file modes', () => {
  it('creates central.sqlite, its WAL and shared-memory file readable by the owner only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'luxp1-central-mode-'));
    dirs.push(dir);
    await withCentral(dir, async (url, token) => {
      const res = await fetch(`${url}/api/meters`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(201);
      for (const f of FILES) expect({ f, mode: modeOf(join(dir, f)) }).toEqual({ f, mode: '600' });
    });
  });

  it('tightens a database file an older version left group- and world-readable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'luxp1-central-mode-'));
    dirs.push(dir);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'central.sqlite'), ''); // an empty file is an empty SQLite database
    chmodSync(join(dir, 'central.sqlite'), 0o644);
    await withCentral(dir, async (url) => {
      expect((await fetch(`${url}/api/health`)).status).toBe(200);
      for (const f of FILES) expect({ f, mode: modeOf(join(dir, f)) }).toEqual({ f, mode: '600' });
    });
  });
});
