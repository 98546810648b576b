/**
 * `luxp1 serve` as real processes on one data directory: the demo's central child must end with
 * its host even after kill -9, a second start finds the first instead of starting a second demo,
 * and a start after a kill -9 takes the stale lock over.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';
import { createInterface } from 'node:readline';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
let tmp: string;
const children: ChildProcess[] = [];

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'luxp1-lifecycle-'));
  mkdirSync(join(tmp, 'renderer'));
  writeFileSync(join(tmp, 'renderer', 'index.html'), '<!doctype html><title>LuxP1 test page</title>');
});
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Starts `luxp1 serve` on `data`; resolves with its first stdout line that names a URL, and how it ended if it did. */
function serve(data: string) {
  const proc = spawn(process.execPath, [join(ROOT, 'electron/cli/luxp1.ts'), 'serve', '--data', data, '--listen', '127.0.0.1:0'], {
    env: { ...process.env, LUXP1_RENDERER_DIR: join(tmp, 'renderer') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(proc);
  let stderr = '';
  proc.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | string | null>((resolve) => proc.once('exit', (code, signal) => resolve(code ?? signal)));
  const line = new Promise<string>((resolve, reject) => {
    void exited.then((code) => reject(new Error(`serve exited (${code}) without a URL: ${stderr}`)));
    createInterface({ input: proc.stdout! }).on('line', (l) => {
      if (/https?:\/\//.test(l)) resolve(l);
    });
  });
  return { proc, line, exited };
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const childPids = (pid: number): number[] =>
  execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .filter(Boolean)
    .map(Number);

describe('one LuxP1 per data directory, and no orphaned central', () => {
  it('kill -9 of the host ends its demo central; a second start finds the first; a start after the kill takes over', async () => {
    const data = join(tmp, 'data');
    const first = serve(data);
    const running = await first.line;
    const url = /^LuxP1 running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)$/.exec(running)?.[1];
    if (!url) throw new Error(`unexpected line: ${running}`);

    // The request that used to end the process (and orphan the central) is just refused.
    const { port } = new URL(url);
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () =>
        socket.end(
          `GET //a:99999/ HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
            'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
        ),
      );
      let out = '';
      socket.on('data', (c: Buffer) => (out += c.toString()));
      socket.on('close', () => resolve(out));
      socket.on('error', () => resolve(out));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 404/);
    expect((await fetch(url)).status).toBe(200);

    const second = serve(data);
    expect(await second.line).toBe(`LuxP1 already running at ${url}`);
    expect(await second.exited).toBe(0);

    const [central] = childPids(first.proc.pid!);
    if (!central) throw new Error('the demo central is not a child of serve');
    expect(alive(central)).toBe(true);
    first.proc.kill('SIGKILL');
    await first.exited;
    // The central hears its IPC channel close and stops by itself.
    await vi.waitFor(() => expect(alive(central)).toBe(false), { timeout: 15_000, interval: 100 });

    const third = serve(data);
    expect(await third.line).toMatch(/^LuxP1 running at http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    third.proc.kill('SIGTERM');
    expect(await third.exited).toBe(0);
  }, 90_000);
});
