import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockDataDir } from '../../../electron/host/data-lock.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A pid that surely belongs to no process any more: a child that has already exited. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '0']).pid!;

describe('data directory lock', () => {
  it('one holder at a time; the second learns who and where; release frees it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'luxp1-lock-'));
    const a = await lockDataDir(dir, 1000);
    if (!a.ok) throw new Error('not locked');
    expect(statSync(a.lock.path).mode & 0o777).toBe(0o600);
    await a.lock.publish('http://127.0.0.1:8418/?token=abc');
    // Another process (here: pid 1) asks: refused, with the holder's URL.
    const holderPid = JSON.parse(readFileSync(a.lock.path, 'utf8')).pid as number;
    expect(holderPid).toBe(process.pid);
    expect(await lockDataDir(dir, 2000, 1)).toEqual({
      ok: false,
      holder: { pid: process.pid, url: 'http://127.0.0.1:8418/?token=abc', startedAt: 1000 },
    });
    await a.lock.release();
    expect((await lockDataDir(dir, 3000, 1)).ok).toBe(true);
  });

  it('takes over a lock whose process is gone (kill -9) or whose file is empty or garbage', async () => {
    dir = mkdtempSync(join(tmpdir(), 'luxp1-lock-'));
    writeFileSync(join(dir, 'luxp1.lock'), JSON.stringify({ pid: deadPid(), url: 'http://127.0.0.1:1/', startedAt: 1 }));
    expect((await lockDataDir(dir, 5)).ok).toBe(true);
    writeFileSync(join(dir, 'luxp1.lock'), ''); // a holder killed before it wrote anything (older versions)
    expect((await lockDataDir(dir, 5)).ok).toBe(true);
    writeFileSync(join(dir, 'luxp1.lock'), '{"pid": "x"');
    const b = await lockDataDir(dir, 6);
    expect(b.ok).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'luxp1.lock'), 'utf8'))).toEqual({ pid: process.pid, url: null, startedAt: 6 });
  });
});
