import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost, type Harness } from '../host-harness.ts';
import { plainTelegram } from '../vectors.ts';
import { describeSerialError } from '../../../../electron/host/sources/serial.ts';

let dir = '';
let socat: ChildProcess | null = null;
let h: Harness | null = null;

afterEach(async () => {
  await h?.close();
  h = null;
  await stopSocat();
  rmSync(dir, { recursive: true, force: true });
});

/** socat linking two ptys at fixed paths; resolves once both links exist (socat says so on stderr with -d -d). */
function startSocat(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${dir}/meter`, `pty,raw,echo=0,link=${dir}/app`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    socat = child;
    let err = '';
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      if (/starting data transfer loop/.test(err)) resolve();
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`socat exited ${code}: ${err}`)));
  });
}

function stopSocat(): Promise<void> {
  const child = socat;
  socat = null;
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function meterWrites(bytes: Uint8Array): void {
  const fd = openSync(`${dir}/meter`, 'w');
  writeSync(fd, bytes);
  closeSync(fd);
}

describe('serial source on a socat pty pair', () => {
  it('reads telegrams, reconnects after the port vanishes, and recovers on the same path', async () => {
    dir = mkdtempSync(join(tmpdir(), 'luxp1-pty-'));
    await startSocat();
    h = await startHost();
    const set = await h.host.handle('source:set', { kind: 'serial', path: `${dir}/app` });
    expect(set.ok).toBe(true);
    await h.next('meter:link', (s) => s.status === 'open');
    meterWrites(plainTelegram());
    expect((await h.next('meter:reading')).encrypted).toBe(false);

    let mark = h.events.length;
    await stopSocat();
    await h.next('meter:link', (s) => s.status === 'reconnecting', mark);
    // While socat is gone the path does not exist: the loop reports why and keeps trying.
    await h.next('meter:link', (s) => s.status === 'reconnecting' && /ENOENT/.test(s.message ?? ''), mark);

    mark = h.events.length;
    await startSocat();
    await h.next('meter:link', (s) => s.status === 'open', mark);
    meterWrites(plainTelegram());
    await h.next('meter:reading', () => true, mark);
    const snap = await h.host.handle('app:snapshot', null);
    expect(snap.ok && snap.value.health.framesDecoded).toBe(2);
  });

  it('names the usual open failures in one line', () => {
    expect(describeSerialError('/dev/ttyUSB0', new Error('Error: No such file or directory, cannot open /dev/ttyUSB0'))).toBe(
      'ENOENT: /dev/ttyUSB0 not found',
    );
    expect(describeSerialError('/dev/ttyUSB0', new Error('Error: Permission denied, cannot open /dev/ttyUSB0'))).toBe(
      'EACCES: /dev/ttyUSB0: permission denied — add yourself to the dialout group',
    );
  });
});
